import type { Readable } from 'node:stream';
import { restoreCsvText } from '../../platform/csv/csv-cells.js';
import { csvHeaderNames, csvRows } from './csv-records.js';
import type { ImportRowError } from './import-job.tables.js';
import { resolvePartHeader } from './part-import.row.js';

/** What a first read of a parts file finds: its rows, and the part numbers given more than once. */
export interface PartFileScan {
  total: number;
  /** Part number (lower-cased, as the catalog compares them) → the rows giving it, if 2 or more. */
  repeated: Map<string, number[]>;
}

/**
 * A row's part number as the catalog's uniqueness sees it: trimmed, case ignored. `cell` is the
 * cell as `csvRecords` gives it (the export's neutralising apostrophe already taken off).
 */
export function partNumberKey(cell: string | undefined): string {
  return cell?.trim().toLowerCase() ?? '';
}

/**
 * Reads the file once before any row is written: counts its records (the progress total) and
 * finds the part numbers that appear on more than one row. Those rows are ALL refused — which of
 * them the file meant is not ours to guess — and the first of them must be refused before it is
 * written, which a single streaming pass cannot know. A file that is not CSV at all is found here
 * too (`UnreadableCsvError`), before anything is written. Only the part number column is looked
 * at, from the parsed fields, so this read costs about a third of the validating one.
 */
export async function scanPartFile(source: Readable): Promise<PartFileScan> {
  const firstRowOf = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  let total = 0;
  let column = -1;
  for await (const { row, fields } of csvRows(source)) {
    if (row === 1) {
      const header = resolvePartHeader(csvHeaderNames(fields));
      if (header.errors.length === 0) column = header.keys.indexOf('part_number');
      continue;
    }
    total += 1;
    const cell = column < 0 ? undefined : fields[column];
    const key = partNumberKey(cell?.startsWith("'") ? restoreCsvText(cell) : cell);
    if (key === '') continue;
    const first = firstRowOf.get(key);
    if (first === undefined) {
      firstRowOf.set(key, row);
      continue;
    }
    const rows = repeated.get(key);
    if (rows) rows.push(row);
    else repeated.set(key, [first, row]);
  }
  return { total, repeated };
}

/** The error each row of a repeated part number gets, naming the other rows. */
export function repeatedPartNumberError(
  row: number,
  partNumber: string,
  rows: readonly number[],
): ImportRowError {
  // At most five others are named (a number repeated on every row must not cost n² work).
  const others: number[] = [];
  for (const other of rows) {
    if (others.length === 5) break;
    if (other !== row) others.push(other);
  }
  const more = rows.length - 1 > others.length ? ', …' : '';
  return {
    row,
    column: 'part_number',
    message: `part number ${partNumber} is also on row${rows.length > 2 ? 's' : ''} ${others.join(', ')}${more}; each part may appear once per file (case is ignored), so none of these rows is imported`,
  };
}
