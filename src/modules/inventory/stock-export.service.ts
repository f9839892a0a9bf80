/**
 * An organization's stock for export (the CSV downloads of the imports module): its levels and
 * its movement ledger, each row named as the export's columns, a batch at a time.
 */
import type pg from 'pg';
import {
  stockExportRepository,
  type MovementExportRow,
  type StockExportRow,
} from './stock-export.repository.js';

/**
 * The organization's stock levels in (location, part) order, with location and part names,
 * quantity (on hand), reserved, available, in transit and average cost; keyset-paged.
 */
export function exportStockLevels(
  pool: pg.Pool,
  organizationId: string,
): AsyncGenerator<StockExportRow[]> {
  return stockExportRepository.levels(pool, organizationId);
}

/** The organization's movement ledger, oldest first, with location names and part numbers. */
export function exportStockMovements(
  pool: pg.Pool,
  organizationId: string,
): AsyncGenerator<MovementExportRow[]> {
  return stockExportRepository.movements(pool, organizationId);
}
