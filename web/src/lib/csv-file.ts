import { stringify } from 'csv-stringify/browser/esm/sync';
import { csvCast, type CsvCell } from '../../../src/platform/csv/csv-cells';

/**
 * The text of a CSV file the browser builds (rows, the header first), written by the server's
 * own rule (`src/platform/csv/csv-cells.ts`): text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading `'`, numbers stay numbers; CRLF line ends for spreadsheets.
 */
export function csvFileText(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(
    rows.map((row) => [...row]),
    { cast: csvCast, record_delimiter: 'windows' },
  );
}
