import { paiseToRupeesText } from '../../platform/validation/rupees.js';
import {
  gstBasisPointsToPercent,
  gstPercentToBasisPoints,
  newPartSchema,
  type PartStatus,
} from '../catalog/index.js';
import { missingColumn, resolveCsvHeader, type ResolvedHeader } from './csv-header.js';
import type { ImportRowError } from './import-job.tables.js';
import { partCellsToApiShape } from './part-csv-cells.js';
import {
  partCsvColumns,
  partCsvPaiseColumns,
  type PartCsvColumn,
  type PartCsvPaiseColumn,
} from './part-csv-columns.js';

export { partCsvColumns, partCsvPaiseColumns, type PartCsvColumn };

/** Every column a parts file may have: the export's (prices in rupees) and the paise prices. */
export const partCsvAcceptedColumns: ReadonlyArray<PartCsvColumn | PartCsvPaiseColumn> = [
  ...partCsvColumns,
  ...partCsvPaiseColumns,
];

/** A file without one of these columns is refused before any row is read (and a unit price). */
export const requiredPartCsvColumns: readonly PartCsvColumn[] = [
  'part_number',
  'name',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
];

/**
 * Reads a parts header: each cell's column (any case; spaces, hyphens or underscores), and every
 * problem at once — unknown or repeated columns, required ones missing (the unit price may be
 * `unit_price` in rupees or `unit_price_paise`). Empty `errors` when the header is usable.
 */
export function resolvePartHeader(
  header: readonly string[],
): ResolvedHeader<PartCsvColumn | PartCsvPaiseColumn> {
  const resolved = resolveCsvHeader(header, partCsvAcceptedColumns, partCsvAcceptedColumns);
  for (const column of requiredPartCsvColumns)
    if (!resolved.present.has(column)) resolved.errors.push(missingColumn(column));
  if (!resolved.present.has('unit_price') && !resolved.present.has('unit_price_paise'))
    resolved.errors.push(missingColumn('unit_price', 'unit_price_paise in paise'));
  return resolved;
}

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

/**
 * Validates one data row (`row` = its spreadsheet row number: the header is row 1), its cells
 * keyed by canonical column (`resolvePartHeader`).
 */
export function parsePartRow(
  record: Record<string, string | undefined>,
  row: number,
): { ok: true; part: PartImportRow } | { ok: false; errors: ImportRowError[] } {
  const { input, errors, columnOf } = partCellsToApiShape(record, row);
  const result = newPartSchema.safeParse(input);
  if (!result.success) {
    const reported = new Set(errors.map((error) => error.column));
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = columnOf(field);
      if (column && reported.has(column)) continue;
      const message =
        issue.code === 'invalid_type' && issue.input === undefined
          ? 'is required'
          : field === 'mrpPaise' && issue.code === 'custom'
            ? 'the MRP must be at least the unit price'
            : issue.message;
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

/**
 * The CSV cells of a stored part, as the export writes them and the import reads them back:
 * prices in rupees with two decimals ("1250.50", exact both ways), GST as a number ("18").
 */
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
    unit_price: paiseToRupeesText(part.unitPricePaise),
    mrp: part.mrpPaise === null ? '' : paiseToRupeesText(part.mrpPaise),
    weight_grams: String(part.weightGrams),
    length_cm: String(part.lengthCm),
    width_cm: String(part.widthCm),
    height_cm: String(part.heightCm),
    compatible_models: part.compatibleModels.join('|'),
    status: part.status,
  };
}
