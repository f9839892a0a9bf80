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
 * Streams the records of a CSV file: UTF-8 byte-order mark dropped, cells trimmed, header names
 * lower-cased, blank lines skipped, the apostrophe our exports put before formula characters
 * taken off again. `onHeader` sees the header before the first record, so header
 * problems are found before any row is read. Row numbers are what a spreadsheet shows: the header
 * is row 1, the first record row 2 (a record spanning lines in quotes is still one row).
 */
export async function* csvRecords(
  source: Readable,
  onHeader: (header: string[]) => void,
): AsyncGenerator<CsvRecord> {
  let width = 0;
  const parser = source.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      info: true,
      columns: (header: string[]) => {
        const names = header.map((name) => printable(String(name).trim().toLowerCase()));
        width = names.length;
        onHeader(names);
        return names;
      },
    }),
  );
  source.on('error', (error) => parser.destroy(error));
  let invalidSoFar = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string | undefined>;
      info: { records: number; invalid_field_length: number };
    }>) {
      const row = item.info.records + 1;
      const record: CsvRecord = {
        row,
        cells: restored(item.record),
        cellErrors: cellErrorsOf(row, item.record),
      };
      if (item.info.invalid_field_length > invalidSoFar) {
        invalidSoFar = item.info.invalid_field_length;
        record.fieldCountError = {
          row,
          message: `has a different number of cells than the header's ${width} columns`,
        };
      }
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

/**
 * The number of data records in a CSV file, counted fast (a byte scan: line ends outside quotes,
 * blank lines not counted, the header subtracted) so an import knows its `total` before parsing.
 */
export async function countCsvRecords(source: Readable): Promise<number> {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      if (byte === 0x22) quoted = !quoted;
      if (!quoted && byte === 0x0a) {
        if (lineHasContent) records += 1;
        lineHasContent = false;
      } else if (byte !== 0x0d && byte !== 0x0a) lineHasContent = true;
    }
  }
  if (lineHasContent) records += 1;
  return Math.max(0, records - 1);
}
