import type pg from 'pg';

/**
 * A disagreement about reserved stock: a level whose `reserved` differs from what its documents
 * hold (`kind: 'level'`), or a document line whose `held` differs from the sum of its movements
 * (`kind: 'document'`).
 */
export type ReservationDrift =
  | { kind: 'level'; locationId: string; partId: string; reserved: number; held: number }
  | {
      kind: 'document';
      referenceType: string;
      referenceId: string;
      locationId: string;
      partId: string;
      held: number;
      ledgerHeld: number;
    };

interface Row {
  checked: string;
  levels: Array<{ location_id: string; part_id: string; reserved: number; held: string }>;
  documents: Array<{
    document_type: string;
    document_id: string;
    location_id: string;
    part_id: string;
    held: number | null;
    ledger_held: string | null;
  }>;
}

/**
 * Compares, in one statement (one snapshot), every level's `reserved` with the sum of its
 * documents' `held`, and every document line with the sum of the `reserved_delta` of the
 * movements that reference it. Up to 1,000 rows of each kind are returned.
 */
export const reservationReconciliationRepository = {
  async compare(
    client: pg.Pool | pg.PoolClient,
  ): Promise<{ checkedLines: number; drift: ReservationDrift[] }> {
    const { rows } = await client.query<Row>(
      `with holdings as (
         select r.organization_id, r.document_type, r.document_id, l.location_id, l.part_id, l.held
           from stock_reservation_lines l join stock_reservations r on r.id = l.reservation_id),
       ledger as (
         select organization_id, reference_type as document_type, reference_id as document_id,
                location_id, part_id, sum(reserved_delta) as held
           from stock_movements where reserved_delta <> 0
          group by organization_id, reference_type, reference_id, location_id, part_id),
       documents as (
         select coalesce(h.document_type, g.document_type) as document_type,
                coalesce(h.document_id, g.document_id) as document_id,
                coalesce(h.location_id, g.location_id) as location_id,
                coalesce(h.part_id, g.part_id) as part_id,
                h.held, g.held as ledger_held
           from holdings h full join ledger g
             on g.organization_id = h.organization_id and g.document_type = h.document_type
            and g.document_id = h.document_id and g.location_id = h.location_id
            and g.part_id = h.part_id),
       held_by_level as (
         select location_id, part_id, sum(held) as held from holdings group by location_id, part_id),
       levels as (
         select coalesce(s.location_id, h.location_id) as location_id,
                coalesce(s.part_id, h.part_id) as part_id,
                coalesce(s.reserved, 0) as reserved, coalesce(h.held, 0) as held
           from stock_levels s full join held_by_level h
             on h.location_id = s.location_id and h.part_id = s.part_id)
       select (select count(*) from documents) as checked,
              coalesce((select json_agg(d) from (
                select * from levels where reserved <> held
                 order by location_id, part_id limit 1000) d), '[]'::json) as levels,
              coalesce((select json_agg(d) from (
                select * from documents where coalesce(held, 0) <> coalesce(ledger_held, 0)
                 order by document_type, document_id, location_id, part_id limit 1000) d),
                '[]'::json) as documents`,
    );
    const result = rows[0] ?? { checked: '0', levels: [], documents: [] };
    return {
      checkedLines: Number(result.checked),
      drift: [
        ...result.levels.map((row) => ({
          kind: 'level' as const,
          locationId: row.location_id,
          partId: row.part_id,
          reserved: row.reserved,
          held: Number(row.held),
        })),
        ...result.documents.map((row) => ({
          kind: 'document' as const,
          referenceType: row.document_type,
          referenceId: row.document_id,
          locationId: row.location_id,
          partId: row.part_id,
          held: row.held ?? 0,
          ledgerHeld: Number(row.ledger_held ?? 0),
        })),
      ],
    };
  },
};
