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

function cellErrorsOf(row: number, cells: Record<string, string | undefined>): ImportRowError[] {
  return Object.entries(cells)
    .filter(([, value]) => value?.includes(nul))
    .map(([column]) => ({ row, column, message: 'must not contain NUL characters' }));
}

/** The file could not be read as CSV at all (e.g. an unclosed quote); reported as the job's error. */
export class UnreadableCsvError extends Error {
  constructor(readonly rowError: ImportRowError) {
    super(rowError.message);
  }
}

/**
 * The cells as they were before our export neutralised them: a `'` before a formula trigger is
 * taken off (`restoreCsvText`), so export → import round-trips. Changed in place (it is ours).
 */
function restored(cells: Record<string, string | undefined>): Record<string, string | undefined> {
  for (const [name, cell] of Object.entries(cells)) {
    if (cell?.startsWith("'")) cells[name] = restoreCsvText(cell);
  }
  return cells;
}

/**
 * Streams the records of a CSV file: UTF-8 byte-order mark dropped, cells trimmed, blank lines
 * skipped, the apostrophe our exports put before formula characters taken off again.
 * `onHeader` sees the header row as written (trimmed) before the first record, so header
 * problems are found before any row is read, and may answer the names to key the cells by (the
 * canonical column each header cell names, `matchCsvHeader`); by default the header's own text.
 * Row numbers are what a spreadsheet shows: the header is row 1, the first record row 2 (a
 * record spanning lines in quotes is still one row). csv-parse hands arrays, not objects: half
 * the parsing time of a file (its `columns` and `info` options cost as much as the parse itself).
 */
export async function* csvRecords(
  source: Readable,
  onHeader: (header: string[]) => readonly string[] | void,
): AsyncGenerator<CsvRecord> {
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
  let keys: readonly string[] | undefined;
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      row += 1;
      if (keys === undefined) {
        const header = fields.map((name) => printable(name));
        keys = onHeader(header) ?? header;
        continue;
      }
      const cells: Record<string, string | undefined> = {};
      keys.forEach((key, index) => {
        cells[key] = fields[index];
      });
      const record: CsvRecord = {
        row,
        cells: restored(cells),
        cellErrors: cellErrorsOf(row, cells),
      };
      if (fields.length !== keys.length)
        record.fieldCountError = {
          row,
          message: `has a different number of cells than the header's ${keys.length} columns`,
        };
      yield record;
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
