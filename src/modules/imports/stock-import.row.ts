import { adjustmentReasons, type AdjustmentReason } from '../inventory/index.js';
import { missingColumn, resolveCsvHeader, type ResolvedHeader } from './csv-header.js';
import { moneyCell } from './csv-money-cells.js';
import type { ImportRowError } from './import-job.tables.js';
import {
  stockCsvColumns,
  stockInformationalColumns,
  type StockCsvColumn,
} from './stock-csv-columns.js';

export { stockCsvColumns, stockInformationalColumns };

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
/** 13 digits of paise, as the paise column always took: just below ₹1,00,00,00,00,000. */
const maxUnitCostPaise = 9_999_999_999_999;

/** Every column a stock file may have: its own and those the stock export adds to read. */
const acceptedColumns: ReadonlyArray<StockCsvColumn | (typeof stockInformationalColumns)[number]> =
  [...stockCsvColumns, ...stockInformationalColumns];

/**
 * Reads a stock header like a parts header (any case; spaces, hyphens or underscores): each
 * cell's column and every problem at once. Empty `errors` when usable.
 */
export function resolveStockHeader(
  header: readonly string[],
): ResolvedHeader<StockCsvColumn | (typeof stockInformationalColumns)[number]> {
  const resolved = resolveCsvHeader(header, acceptedColumns, stockCsvColumns);
  for (const column of ['part_number', 'quantity'] as const)
    if (!resolved.present.has(column)) resolved.errors.push(missingColumn(column));
  if (!resolved.present.has('location_id') && !resolved.present.has('location_name'))
    resolved.errors.push(missingColumn('location_id', 'location_name'));
  return resolved;
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
  const cost = moneyCell(cells, row, 'unit_cost', 'unit_cost_paise');
  errors.push(...cost.errors);
  if (cost.paise !== undefined && (cost.paise < 0 || cost.paise > maxUnitCostPaise))
    errors.push({
      row,
      column: cost.column,
      message: 'must be 0 or more and below ₹1,00,00,00,00,000',
    });
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
      unitCostPaise: cost.paise ?? null,
      reason,
    },
  };
}
