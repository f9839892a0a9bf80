import {
  gstBasisPointsToPercent,
  gstPercentToBasisPoints,
  newPartSchema,
  type NewPart,
  type PartStatus,
} from '../catalog/index.js';
import type { ImportRowError } from './import-job.tables.js';
import { partCsvColumns } from './part-csv-columns.js';

export { partCsvColumns };
export type PartCsvColumn = (typeof partCsvColumns)[number];

/** A file without one of these columns is refused before any row is read. */
export const requiredPartCsvColumns: readonly PartCsvColumn[] = [
  'part_number',
  'name',
  'unit_price_paise',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
];

/** A part as one CSV row states it: the whole part (blank optional cells clear the field). */
export interface PartImportRow {
  partNumber: string;
  name: string;
  description: string | null;
  category: string | null;
  hsnCode: string | null;
  gstRateBasisPoints: number | null;
  unitPricePaise: number;
  mrpPaise: number | null;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  compatibleModels: string[];
  status: PartStatus;
}

/** CSV column → field of the parts API's `newPartSchema`. */
const fieldOf: Record<PartCsvColumn, keyof NewPart> = {
  part_number: 'partNumber',
  name: 'name',
  description: 'description',
  category: 'category',
  hsn_code: 'hsnCode',
  gst_rate_percent: 'gstRatePercent',
  unit_price_paise: 'unitPricePaise',
  mrp_paise: 'mrpPaise',
  weight_grams: 'weightGrams',
  length_cm: 'lengthCm',
  width_cm: 'widthCm',
  height_cm: 'heightCm',
  compatible_models: 'compatibleModels',
  status: 'status',
};
const columnOf = new Map<string, PartCsvColumn>(
  Object.entries(fieldOf).map(([column, field]) => [field, column as PartCsvColumn]),
);

const wholeColumns = new Set<PartCsvColumn>([
  'unit_price_paise',
  'mrp_paise',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
]);

/**
 * CSV text → the JSON shape of `POST /api/v1/parts`: blank cells are absent, numbers parsed
 * strictly (no `1e3`, no thousands separators), models split at `|`. Cells that are not numbers
 * are reported here; everything else is judged by the API's own schema.
 */
function toApiShape(
  record: Record<string, string | undefined>,
  row: number,
): { input: Record<string, unknown>; errors: ImportRowError[] } {
  const input: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  for (const column of partCsvColumns) {
    const cell = record[column]?.trim() ?? '';
    if (cell === '') continue;
    const field = fieldOf[column];
    if (wholeColumns.has(column)) {
      if (/^-?\d{1,15}$/.test(cell)) input[field] = Number(cell);
      else errors.push({ row, column, message: 'must be a whole number' });
    } else if (column === 'gst_rate_percent') {
      if (/^\d{1,3}(\.\d{1,2})?$/.test(cell)) input[field] = Number(cell);
      else errors.push({ row, column, message: 'must be a percentage such as 18 or 0.25' });
    } else if (column === 'compatible_models') {
      input[field] = cell
        .split('|')
        .map((model) => model.trim())
        .filter(Boolean);
    } else input[field] = cell;
  }
  return { input, errors };
}

/** Header problems (unknown or missing columns), all at once; empty when the header is usable. */
export function partHeaderErrors(header: readonly string[]): ImportRowError[] {
  const known = new Set<string>(partCsvColumns);
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (!known.has(column))
      errors.push({
        row: 1,
        column,
        message: `unknown column (expected: ${partCsvColumns.join(', ')})`,
      });
    else if (seen.has(column)) errors.push({ row: 1, column, message: 'column appears twice' });
    seen.add(column);
  }
  for (const column of requiredPartCsvColumns) {
    if (!seen.has(column)) errors.push({ row: 1, column, message: 'required column is missing' });
  }
  return errors;
}

/** Validates one data row (`row` = its spreadsheet row number: the header is row 1). */
export function parsePartRow(
  record: Record<string, string | undefined>,
  row: number,
): { ok: true; part: PartImportRow } | { ok: false; errors: ImportRowError[] } {
  const { input, errors } = toApiShape(record, row);
  const result = newPartSchema.safeParse(input);
  if (!result.success) {
    const reported = new Set(errors.map((error) => error.column));
    for (const issue of result.error.issues) {
      const column = columnOf.get(String(issue.path[0] ?? ''));
      if (column && reported.has(column)) continue;
      const message =
        issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      errors.push({ row, ...(column ? { column } : {}), message });
    }
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  const part = result.data;
  return {
    ok: true,
    part: {
      partNumber: part.partNumber,
      name: part.name,
      description: part.description || null,
      category: part.category ?? null,
      hsnCode: part.hsnCode ?? null,
      gstRateBasisPoints:
        part.gstRatePercent === undefined ? null : gstPercentToBasisPoints(part.gstRatePercent),
      unitPricePaise: part.unitPricePaise,
      mrpPaise: part.mrpPaise ?? null,
      weightGrams: part.weightGrams,
      lengthCm: part.lengthCm,
      widthCm: part.widthCm,
      heightCm: part.heightCm,
      compatibleModels: part.compatibleModels ?? [],
      status: part.status ?? 'active',
    },
  };
}

/** The CSV cells of a stored part, as the export writes them and the import reads them back. */
export function partToCsvRecord(part: PartImportRow): Record<PartCsvColumn, string> {
  const optional = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    part_number: part.partNumber,
    name: part.name,
    description: optional(part.description),
    category: optional(part.category),
    hsn_code: optional(part.hsnCode),
    gst_rate_percent:
      part.gstRateBasisPoints === null
        ? ''
        : String(gstBasisPointsToPercent(part.gstRateBasisPoints)),
    unit_price_paise: String(part.unitPricePaise),
    mrp_paise: optional(part.mrpPaise),
    weight_grams: String(part.weightGrams),
    length_cm: String(part.lengthCm),
    width_cm: String(part.widthCm),
    height_cm: String(part.heightCm),
    compatible_models: part.compatibleModels.join('|'),
    status: part.status,
  };
}
