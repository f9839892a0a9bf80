import type { ImportKind } from './imports.queries';

/** The columns the parts import reads (the export writes the same; models separated by `|`). */
export const partColumns = [
  'part_number',
  'name',
  'description',
  'category',
  'hsn_code',
  'gst_rate_percent',
  'unit_price_paise',
  'mrp_paise',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
  'compatible_models',
  'status',
];

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
  return `${(kind === 'parts' ? partColumns : stockColumns).join(',')}\r\n`;
}
