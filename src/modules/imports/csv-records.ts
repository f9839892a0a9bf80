import type { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { restoreCsvText } from '../../platform/csv/csv-cells.js';
import type { ImportRowError } from './import-job.tables.js';

/** One data record of an uploaded CSV with its spreadsheet row number (the header is row 1). */
export interface CsvRecord {
  row: number;
  cells: Record<string, string | undefined>;
  /** Set when the record has more or fewer cells than the header has columns. */
  fieldCountError?: ImportRowError;
  /**
   * Cells PostgreSQL could not store (NUL characters), one error each: such a row is reported,
   * never parsed or written (it used to fail the whole job, retry after retry).
   */
  cellErrors: ImportRowError[];
}

/** A CSV decoded from UTF-8 can hold NUL but no unpaired surrogate; NUL is what to refuse. */
const nul = '\u0000';

/** `text` fit for an error report (stored as jsonb, which refuses NUL): NUL shown as U+FFFD. */
function printable(text: string): string {
  return text.replaceAll(nul, '\uFFFD');
}

/** The file could not be read as CSV at all (e.g. an unclosed quote); reported as the job's error. */
export class UnreadableCsvError extends Error {
  constructor(readonly rowError: ImportRowError) {
    super(rowError.message);
  }
}

/**
 * The rows of a CSV file as csv-parse reads them: UTF-8 byte-order mark dropped, fields trimmed,
 * blank lines skipped, each row numbered as a spreadsheet does (the header is row 1; a record
 * spanning lines in quotes is still one row). Arrays, not objects: csv-parse's `columns` and
 * `info` options cost as much again as the parse itself. `csvRecords` builds on this; a reader
 * that needs one column (the parts file's first read) takes the fields as they are. The header's
 * names are given with NUL shown as U+FFFD (`csvHeaderNames`).
 */
export async function* csvRows(
  source: Readable,
): AsyncGenerator<{ row: number; fields: string[] }> {
  const parser = source.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
    }),
  );
  source.on('error', (error) => parser.destroy(error));
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, fields };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new UnreadableCsvError({
        row: 0,
        message: `the file is not valid CSV${line ? ` near line ${line}` : ''}: ${printable(error.message)}`,
      });
    }
    throw error;
  } finally {
    // A reader that stops early (a bad header) must not leave the file open.
    source.destroy();
  }
}

/** A header row's names as they may be shown and stored: NUL as U+FFFD. */
export function csvHeaderNames(fields: readonly string[]): string[] {
  return fields.map((name) => printable(name));
}

/**
 * Streams the records of a CSV file (`csvRows`), each cell with the apostrophe our exports put
 * before formula characters taken off again (`restoreCsvText`, so export → import round-trips).
 * `onHeader` sees the header row as written (trimmed) before the first record, so header
 * problems are found before any row is read, and may answer the names to key the cells by (the
 * canonical column each header cell names, `matchCsvHeader`); by default the header's own text.
 */
export async function* csvRecords(
  source: Readable,
  onHeader: (header: string[]) => readonly string[] | void,
): AsyncGenerator<CsvRecord> {
  let keys: readonly string[] | undefined;
  for await (const { row, fields } of csvRows(source)) {
    if (keys === undefined) {
      const header = csvHeaderNames(fields);
      keys = onHeader(header) ?? header;
      continue;
    }
    const cells: Record<string, string | undefined> = {};
    const cellErrors: ImportRowError[] = [];
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const cell = fields[index];
      if (cell?.includes(nul))
        cellErrors.push({ row, column: key, message: 'must not contain NUL characters' });
      cells[key] = cell?.startsWith("'") ? restoreCsvText(cell) : cell;
    }
    const record: CsvRecord = { row, cells, cellErrors };
    if (fields.length !== keys.length)
      record.fieldCountError = {
        row,
        message: `has a different number of cells than the header's ${keys.length} columns`,
      };
    yield record;
  }
}
