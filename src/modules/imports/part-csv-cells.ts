import { parsePercent } from '../../platform/validation/percent.js';
import type { NewPart } from '../catalog/index.js';
import { moneyCell } from './csv-money-cells.js';
import type { ImportRowError } from './import-job.tables.js';
import type { PartCsvColumn, PartCsvPaiseColumn } from './part-csv-columns.js';

type PartCell = PartCsvColumn | PartCsvPaiseColumn;

/** Text columns → field of the parts API's `newPartSchema` (the schema trims and checks them). */
const textFields: ReadonlyArray<[PartCell, keyof NewPart]> = [
  ['part_number', 'partNumber'],
  ['name', 'name'],
  ['description', 'description'],
  ['category', 'category'],
  ['hsn_code', 'hsnCode'],
  ['status', 'status'],
];
const wholeFields: ReadonlyArray<[PartCell, keyof NewPart]> = [
  ['weight_grams', 'weightGrams'],
  ['length_cm', 'lengthCm'],
  ['width_cm', 'widthCm'],
  ['height_cm', 'heightCm'],
];

/** The column of each field but the prices (whose column depends on the row). */
const fixedColumnOf = new Map<string, PartCell>([
  ...textFields.map(([column, field]): [string, PartCell] => [field, column]),
  ...wholeFields.map(([column, field]): [string, PartCell] => [field, column]),
  ['gstRatePercent', 'gst_rate_percent'],
  ['compatibleModels', 'compatible_models'],
]);

/** The JSON shape of a row, the problems of its cells, and the column each field came from. */
export interface PartApiShape {
  input: Record<string, unknown>;
  errors: ImportRowError[];
  columnOf: (field: string) => string | undefined;
}

/**
 * CSV text → the JSON shape of `POST /api/v1/parts`: blank cells are absent; whole numbers parsed
 * strictly (no `1e3`, no separators); prices from rupees ("1,250.50", "₹650") or paise; GST as
 * "18", "18%", "18.0" or "18 %"; models split at `|`. Cells that are not numbers are reported
 * here; everything else is judged by the API's own schema.
 */
export function partCellsToApiShape(
  cells: Record<string, string | undefined>,
  row: number,
): PartApiShape {
  const input: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  const priceColumnOf: Record<string, string> = {};
  const cell = (column: PartCell) => cells[column]?.trim() ?? '';
  for (const [column, field] of textFields) {
    if (cell(column) !== '') input[field] = cell(column);
  }
  for (const [column, field] of wholeFields) {
    const text = cell(column);
    if (text === '') continue;
    if (/^-?\d{1,15}$/.test(text)) input[field] = Number(text);
    else errors.push({ row, column, message: 'must be a whole number' });
  }
  const gst = cell('gst_rate_percent');
  if (gst !== '') {
    const percent = parsePercent(gst);
    if (percent === null)
      errors.push({
        row,
        column: 'gst_rate_percent',
        message: 'must be a GST rate such as 18, 18% or 0.25',
      });
    else input['gstRatePercent'] = percent;
  }
  const models = cell('compatible_models');
  if (models !== '')
    input['compatibleModels'] = models
      .split('|')
      .map((model) => model.trim())
      .filter(Boolean);
  const prices: ReadonlyArray<[string, PartCsvColumn, PartCsvPaiseColumn]> = [
    ['unitPricePaise', 'unit_price', 'unit_price_paise'],
    ['mrpPaise', 'mrp', 'mrp_paise'],
  ];
  for (const [field, rupeeColumn, paiseColumn] of prices) {
    const money = moneyCell(cells, row, rupeeColumn, paiseColumn);
    errors.push(...money.errors);
    // A blank price belongs to the column the file has (a paise-only file names the paise one).
    const fileHasOnlyPaise = !(rupeeColumn in cells) && paiseColumn in cells;
    priceColumnOf[field] = money.column ?? (fileHasOnlyPaise ? paiseColumn : rupeeColumn);
    if (money.paise !== undefined) input[field] = money.paise;
  }
  return {
    input,
    errors,
    columnOf: (field) => priceColumnOf[field] ?? fixedColumnOf.get(field),
  };
}
