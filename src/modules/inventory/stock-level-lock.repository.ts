import type { Tx } from '../../platform/db/transaction.js';

/** A level row as locked by the ledger. */
export interface LockedLevel {
  locationId: string;
  partId: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  minQuantity: number | null;
  reorderPoint: number | null;
  averageCostPaise: number;
}

/** The new state of one level, written after the checks passed. */
export interface LevelWrite {
  locationId: string;
  partId: string;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  averageCostPaise: number;
}

interface LockedRow {
  location_id: string;
  part_id: string;
  on_hand: number;
  reserved: number;
  in_transit: number;
  min_quantity: number | null;
  reorder_point: number | null;
  average_cost_paise: string;
}

/**
 * The ledger's row locks on `stock_levels`. Keys always arrive sorted by (location, part) and
 * every statement works through them in that order, so two operations touching overlapping
 * levels queue behind each other instead of deadlocking.
 *
 * The one lock order of every transaction that touches stock (docs/architecture.md, "Lock
 * order"); a lock is never taken after one that comes later in this list:
 *   1. the idempotency key row (claimed before the operation runs);
 *   2. document reservation rows (`stock_reservations`, by type then id —
 *      stock-reservation.repository.ts), whose lines are only written under them;
 *   3. the locations of the levels, `for key share` (this file, `ensure`: by id), which keeps an
 *      archive (`for update` on the location) from passing the operation; edits do not wait;
 *   4. stock levels (this file: by location then part);
 *   5. wallet accounts, by id (the money ledger: ledger/ledger-account-lock.repository.ts);
 *   6. the audit chain, last (`recordAudit` after the ledger).
 */
export const stockLevelLockRepository = {
  /**
   * Locks the keys' locations of the organization `for key share` (by id) and creates the
   * missing levels (zero) of the active ones, in key order; a concurrent creator of the same key
   * makes this wait for it and then skip (`do nothing`). Returns each location found with
   * whether it is archived; another organization's or an unknown id is missing. An archive
   * running at the same time holds its location `for update`: this waits for it, then sees the
   * location archived (and creates nothing there).
   */
  async ensure(
    tx: Tx,
    organizationId: string,
    keys: readonly { locationId: string; partId: string }[],
  ): Promise<Map<string, { archived: boolean }>> {
    const { rows } = await tx.client.query<{ id: string; archived: boolean }>(
      `with found as (
         select l.id, l.archived_at is not null as archived
           from location_directory l
          where l.id = any($2::uuid[]) and l.organization_id = $1
          order by l.id
            for key share),
       created as (
         insert into stock_levels (organization_id, location_id, part_id)
         select $1, k.location_id, k.part_id
           from unnest($2::uuid[], $3::uuid[]) as k(location_id, part_id)
           join found f on f.id = k.location_id and not f.archived
          order by k.location_id, k.part_id
         on conflict (location_id, part_id) do nothing)
       select id, archived from found`,
      [organizationId, keys.map((k) => k.locationId), keys.map((k) => k.partId)],
    );
    return new Map(rows.map((row) => [row.id, { archived: row.archived }]));
  },

  /** Locks the levels in (location, part) order (`for update` above the sort) and reads them. */
  async lock(
    tx: Tx,
    organizationId: string,
    keys: readonly { locationId: string; partId: string }[],
  ): Promise<LockedLevel[]> {
    const { rows } = await tx.client.query<LockedRow>(
      `select s.location_id, s.part_id, s.on_hand, s.reserved, s.in_transit, s.min_quantity,
              s.reorder_point, s.average_cost_paise::text as average_cost_paise
         from stock_levels s
         join unnest($2::uuid[], $3::uuid[]) as k(location_id, part_id)
           on s.location_id = k.location_id and s.part_id = k.part_id
        where s.organization_id = $1
        order by s.location_id, s.part_id
          for update of s`,
      [organizationId, keys.map((k) => k.locationId), keys.map((k) => k.partId)],
    );
    return rows.map((row) => ({
      locationId: row.location_id,
      partId: row.part_id,
      onHand: row.on_hand,
      reserved: row.reserved,
      inTransit: row.in_transit,
      minQuantity: row.min_quantity,
      reorderPoint: row.reorder_point,
      averageCostPaise: Number(row.average_cost_paise),
    }));
  },

  /**
   * Applies the deltas to the locked rows (relative, so the CHECK constraints judge the real
   * result) and the new average cost, in key order.
   */
  async write(tx: Tx, writes: readonly LevelWrite[]): Promise<void> {
    await tx.client.query(
      `update stock_levels s
          set on_hand = s.on_hand + w.on_hand_delta,
              reserved = s.reserved + w.reserved_delta,
              in_transit = s.in_transit + w.in_transit_delta,
              average_cost_paise = w.average_cost_paise,
              updated_at = now()
         from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[], $6::bigint[])
           as w(location_id, part_id, on_hand_delta, reserved_delta, in_transit_delta, average_cost_paise)
        where s.location_id = w.location_id and s.part_id = w.part_id`,
      [
        writes.map((w) => w.locationId),
        writes.map((w) => w.partId),
        writes.map((w) => w.onHandDelta),
        writes.map((w) => w.reservedDelta),
        writes.map((w) => w.inTransitDelta),
        writes.map((w) => w.averageCostPaise),
      ],
    );
  },
};
