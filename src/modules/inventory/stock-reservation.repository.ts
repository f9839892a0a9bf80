import type pg from 'pg';
import type { Tx } from '../../platform/db/transaction.js';
import type { HeldLine, ReservationDocument } from './reservation.rules.js';

/** A document's reservation row, locked, with what it holds line by line. */
export interface LockedReservation {
  reservationId: string;
  documentType: string;
  documentId: string;
  lines: HeldLine[];
}

/** A change of one held line, applied after the ledger's checks passed. */
export interface HoldingWrite {
  reservationId: string;
  locationId: string;
  partId: string;
  heldDelta: number;
}

interface LockedRow {
  id: string;
  document_type: string;
  document_id: string;
  lines: Array<{ location_id: string; part_id: string; held: number }> | null;
}

const types = (documents: readonly ReservationDocument[]) => documents.map((d) => d.type);
const ids = (documents: readonly ReservationDocument[]) => documents.map((d) => d.id);

/**
 * The `stock_reservations` / `stock_reservation_lines` rows. Lock order: a document's row is
 * locked before any stock level (see stock-level-lock.repository.ts), and several documents are
 * locked in (document_type, document_id) order by the statement itself, so two operations on
 * overlapping documents queue instead of deadlocking. Lines are written only under their
 * document's lock, by the ledger.
 */
export const stockReservationRepository = {
  /**
   * Creates the reservation rows of documents that will hold something (reserve, take over), in
   * key order. A concurrent creator of the same document makes this wait, then skip.
   */
  async ensure(
    tx: Tx,
    organizationId: string,
    documents: readonly ReservationDocument[],
  ): Promise<void> {
    if (documents.length === 0) return;
    await tx.client.query(
      `insert into stock_reservations (organization_id, document_type, document_id)
       select $1, k.document_type, k.document_id
         from unnest($2::text[], $3::text[]) as k(document_type, document_id)
        order by k.document_type, k.document_id
       on conflict (organization_id, document_type, document_id) do nothing`,
      [organizationId, types(documents), ids(documents)],
    );
  },

  /**
   * Locks the documents' rows in (type, id) order (`for update` above the sort) and reads their
   * lines under the lock. A document without a row holds nothing and is simply absent.
   */
  async lock(
    tx: Tx,
    organizationId: string,
    documents: readonly ReservationDocument[],
  ): Promise<LockedReservation[]> {
    const { rows } = await tx.client.query<LockedRow>(
      `select r.id, r.document_type, r.document_id,
              (select json_agg(json_build_object('location_id', l.location_id,
                        'part_id', l.part_id, 'held', l.held))
                 from stock_reservation_lines l where l.reservation_id = r.id) as lines
         from stock_reservations r
         join unnest($2::text[], $3::text[]) as k(document_type, document_id)
           on r.document_type = k.document_type and r.document_id = k.document_id
        where r.organization_id = $1
        order by r.document_type, r.document_id
          for update of r`,
      [organizationId, types(documents), ids(documents)],
    );
    return rows.map((row) => ({
      reservationId: row.id,
      documentType: row.document_type,
      documentId: row.document_id,
      lines: (row.lines ?? []).map((line) => ({
        locationId: line.location_id,
        partId: line.part_id,
        held: line.held,
      })),
    }));
  },

  /**
   * Applies the held deltas: missing lines of a positive delta are created at 0, then one
   * relative update, so the CHECK (held ≥ 0) judges the real result. (An upsert would have the
   * CHECK judge its proposed row, the bare negative delta, before the conflict turned it into an
   * update.) Returns how many lines were updated, to catch a negative delta on a missing line.
   */
  async write(tx: Tx, writes: readonly HoldingWrite[]): Promise<number> {
    const created = writes.filter((w) => w.heldDelta > 0);
    if (created.length > 0)
      await tx.client.query(
        `insert into stock_reservation_lines (reservation_id, location_id, part_id, held)
         select k.reservation_id, k.location_id, k.part_id, 0
           from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as k(reservation_id, location_id, part_id)
         on conflict (reservation_id, location_id, part_id) do nothing`,
        [
          created.map((w) => w.reservationId),
          created.map((w) => w.locationId),
          created.map((w) => w.partId),
        ],
      );
    const { rowCount } = await tx.client.query(
      `update stock_reservation_lines l
          set held = l.held + w.held_delta, updated_at = now()
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[])
           as w(reservation_id, location_id, part_id, held_delta)
        where l.reservation_id = w.reservation_id and l.location_id = w.location_id
          and l.part_id = w.part_id`,
      [
        writes.map((w) => w.reservationId),
        writes.map((w) => w.locationId),
        writes.map((w) => w.partId),
        writes.map((w) => w.heldDelta),
      ],
    );
    return rowCount ?? 0;
  },

  /** What a document holds now, line by line (lines with nothing held left out). */
  async heldBy(
    client: pg.Pool | pg.PoolClient,
    organizationId: string,
    document: ReservationDocument,
  ): Promise<HeldLine[]> {
    const { rows } = await client.query<{ location_id: string; part_id: string; held: number }>(
      `select l.location_id, l.part_id, l.held
         from stock_reservation_lines l
         join stock_reservations r on r.id = l.reservation_id
        where r.organization_id = $1 and r.document_type = $2 and r.document_id = $3
          and l.held > 0
        order by l.location_id, l.part_id`,
      [organizationId, document.type, document.id],
    );
    return rows.map((row) => ({
      locationId: row.location_id,
      partId: row.part_id,
      held: row.held,
    }));
  },
};
