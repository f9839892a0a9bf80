import { adjustmentReasons, type AdjustmentReason } from '../inventory/index.js';
import type { ImportRowError } from './import-job.tables.js';

/** Stock CSV columns: a location by id or by name, the part number and the quantity. */
export const stockCsvColumns = [
  'location_id',
  'location_name',
  'part_number',
  'quantity',
  'unit_cost_paise',
  'reason',
] as const;

/** Columns the stock export adds for people to read; the import accepts and ignores them. */
export const stockInformationalColumns = [
  'part_name',
  'reserved',
  'available',
  'in_transit',
  'average_cost_paise',
] as const;

export type StockImportMode = 'set' | 'adjust';

/** One stock row before its location and part are looked up. */
export interface StockImportRow {
  row: number;
  locationId: string | null;
  locationName: string | null;
  partNumber: string;
  quantity: number;
  unitCostPaise: number | null;
  reason: AdjustmentReason;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxQuantity = 1_000_000;

/** Header problems of a stock file; empty when usable. */
export function stockHeaderErrors(header: readonly string[]): ImportRowError[] {
  const known = new Set<string>([...stockCsvColumns, ...stockInformationalColumns]);
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (!known.has(column))
      errors.push({
        row: 1,
        column,
        message: `unknown column (expected: ${stockCsvColumns.join(', ')})`,
      });
    else if (seen.has(column)) errors.push({ row: 1, column, message: 'column appears twice' });
    seen.add(column);
  }
  for (const column of ['part_number', 'quantity']) {
    if (!seen.has(column)) errors.push({ row: 1, column, message: 'required column is missing' });
  }
  if (!seen.has('location_id') && !seen.has('location_name'))
    errors.push({ row: 1, column: 'location_id', message: 'needs location_id or location_name' });
  return errors;
}

/**
 * Validates the cells of one row. `set`: the quantity on hand to reach (0 or more); `adjust`: a
 * signed change (not 0). The reason defaults to `count_correction`, as counts and imports use.
 */
export function parseStockRow(
  cells: Record<string, string | undefined>,
  row: number,
  mode: StockImportMode,
): { ok: true; value: StockImportRow } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const cell = (column: string) => cells[column]?.trim() ?? '';
  const locationId = cell('location_id') || null;
  const locationName = cell('location_name') || null;
  if (locationId && !uuidPattern.test(locationId))
    errors.push({ row, column: 'location_id', message: 'must be a location id (UUID)' });
  if (!locationId && !locationName)
    errors.push({ row, column: 'location_id', message: 'needs a location id or name' });
  const partNumber = cell('part_number');
  if (!partNumber) errors.push({ row, column: 'part_number', message: 'is required' });
  const quantityText = cell('quantity');
  const quantity = Number(quantityText);
  if (!/^-?\d{1,7}$/.test(quantityText) || Math.abs(quantity) > maxQuantity)
    errors.push({
      row,
      column: 'quantity',
      message: `must be a whole number up to ${maxQuantity}`,
    });
  else if (mode === 'set' && quantity < 0)
    errors.push({ row, column: 'quantity', message: 'must be 0 or more (the quantity on hand)' });
  else if (mode === 'adjust' && quantity === 0)
    errors.push({ row, column: 'quantity', message: 'must not be 0' });
  const costText = cell('unit_cost_paise');
  if (costText && !/^\d{1,13}$/.test(costText))
    errors.push({ row, column: 'unit_cost_paise', message: 'must be a whole number of paise' });
  const reasonText = cell('reason') || 'count_correction';
  const reason = (adjustmentReasons as readonly string[]).includes(reasonText)
    ? (reasonText as AdjustmentReason)
    : undefined;
  if (!reason)
    errors.push({
      row,
      column: 'reason',
      message: `must be one of ${adjustmentReasons.join(', ')}`,
    });
  if (errors.length > 0 || !reason) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      locationId,
      locationName,
      partNumber,
      quantity,
      unitCostPaise: costText ? Number(costText) : null,
      reason,
    },
  };
}
