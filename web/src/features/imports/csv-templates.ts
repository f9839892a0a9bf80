import { partCsvColumns } from '../../../../src/modules/imports/part-csv-columns';
import { csvFileText } from '../../lib/csv-file';
import type { ImportKind } from './imports.queries';

/** The columns the parts import reads — the server's own list (the export writes the same). */
export const partColumns = partCsvColumns;

/** The columns of a stock file: a location by name (or `location_id`), part, quantity. */
export const stockColumns = [
  'location_name',
  'part_number',
  'quantity',
  'unit_cost_paise',
  'reason',
];

/** A template: just the header line, so a spreadsheet opens with the right columns. */
export function templateCsv(kind: ImportKind): string {
  return csvFileText([kind === 'parts' ? partColumns : stockColumns]);
}
