import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { csvCast, type CsvCell } from './csv-cells.js';

export type { CsvCell } from './csv-cells.js';

/**
 * The one CSV writer of the server: streams `rows` (the header is simply the first row) as CSV
 * text, written as they are read with back-pressure, never collected in memory. Every cell goes
 * through `csvCellText` (`csv-cells.ts`): text starting with a formula trigger gets a leading
 * `'`, numbers stay numbers. A failing source destroys the returned stream with its error (the
 * HTTP layer then aborts the download instead of leaving it hanging).
 */
export function csvStream(rows: AsyncIterable<readonly CsvCell[]>): Readable {
  return pipeline(Readable.from(rows), stringify({ cast: csvCast }), () => {
    // Errors reach the consumer through the destroyed last stream; nothing more to do here.
  });
}

/** `records` as rows under a header of `columns`, each record's cells in the header's order. */
export async function* csvRowsOf<C extends string>(
  columns: readonly C[],
  records: AsyncIterable<{ readonly [K in C]?: CsvCell }>,
): AsyncGenerator<CsvCell[]> {
  yield [...columns];
  for await (const record of records) yield columns.map((column) => record[column]);
}
