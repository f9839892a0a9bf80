/**
 * An organization's stock for export (the CSV downloads of the imports module): its levels and
 * its movement ledger, each row named as the export's columns, a batch at a time.
 */
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { actorNamesFor } from '../identity/index.js';
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

/** A ledger row of the export with the name of who made it (`actor_name`, empty when unknown). */
export type MovementExportLine = MovementExportRow & { actor_name: string | null };

/**
 * The organization's movement ledger, oldest first, with location names and cities, part numbers
 * and names, and the name of the member or API key behind each movement — the organization's own
 * only (`actorNamesFor`); one name lookup per batch.
 */
export async function* exportStockMovements(
  database: { pool: pg.Pool; db: Db },
  organizationId: string,
): AsyncGenerator<MovementExportLine[]> {
  for await (const batch of stockExportRepository.movements(database.pool, organizationId)) {
    const names = await actorNamesFor(database.db, organizationId, {
      userIds: batch.map((row) => row.actor_user_id),
      apiKeyIds: batch.map((row) => row.actor_api_key_id),
    });
    yield batch.map((row) => ({
      ...row,
      actor_name:
        (row.actor_api_key_id !== null
          ? names.apiKeys.get(row.actor_api_key_id)
          : row.actor_user_id !== null
            ? names.users.get(row.actor_user_id)
            : undefined) ?? null,
    }));
  }
}
