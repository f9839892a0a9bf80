import type pg from 'pg';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import type { Db } from '../../../src/platform/db/database.js';
import { applyStockChanges } from '../../../src/modules/inventory/stock-ledger.js';

/** An event bus without subscribers: publish only writes the outbox row. */
export function quietEvents(db: Db): EventBus {
  return new EventBus({} as JobQueue, db);
}

/** Receives stock through the ledger (an adjustment of reason `receipt`). */
export async function receiveStock(
  pool: pg.Pool,
  db: Db,
  organizationId: string,
  locationId: string,
  partId: string,
  quantity: number,
): Promise<void> {
  await inTransaction(pool, (tx) =>
    applyStockChanges(tx, quietEvents(db), [
      {
        organizationId,
        locationId,
        partId,
        kind: 'adjustment',
        reason: 'receipt',
        onHandDelta: quantity,
        actor: {},
      },
    ]),
  );
}

/**
 * Everything a refused operation must leave as it was: the organization's levels, the number of
 * its movements and its documents' holdings.
 */
export async function stockSnapshot(pool: pg.Pool, organizationId: string) {
  const levels = await pool.query(
    `select location_id, part_id, on_hand, reserved, in_transit from stock_levels
      where organization_id = $1 order by location_id, part_id`,
    [organizationId],
  );
  const movements = await pool.query<{ count: string }>(
    'select count(*) from stock_movements where organization_id = $1',
    [organizationId],
  );
  return {
    levels: levels.rows,
    movements: Number(movements.rows[0]?.count),
    holdings: await holdingsOf(pool, organizationId),
  };
}

/** Every document line of the organization: `type/id location part → held`. */
export async function holdingsOf(
  pool: pg.Pool,
  organizationId: string,
): Promise<Record<string, number>> {
  const { rows } = await pool.query<{
    document_type: string;
    document_id: string;
    location_id: string;
    part_id: string;
    held: number;
  }>(
    `select r.document_type, r.document_id, l.location_id, l.part_id, l.held
       from stock_reservation_lines l join stock_reservations r on r.id = l.reservation_id
      where r.organization_id = $1
      order by 1, 2, 3, 4`,
    [organizationId],
  );
  return Object.fromEntries(
    rows.map((row) => [
      `${row.document_type}/${row.document_id} ${row.location_id} ${row.part_id}`,
      row.held,
    ]),
  );
}
