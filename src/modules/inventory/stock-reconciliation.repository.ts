import type pg from 'pg';

/** A level whose counters differ from the sums of its movements. */
export interface LevelDrift {
  locationId: string;
  partId: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  ledgerOnHand: number;
  ledgerReserved: number;
  ledgerInTransit: number;
}

interface DriftRow {
  location_id: string;
  part_id: string;
  on_hand: number | null;
  reserved: number | null;
  in_transit: number | null;
  ledger_on_hand: number | string | null;
  ledger_reserved: number | string | null;
  ledger_in_transit: number | string | null;
}

/**
 * Recomputes every level from the ledger in one statement (a single snapshot, so movements and
 * levels written together are seen together) and returns the levels that disagree — including
 * movements without a level and non-zero levels without movements.
 */
export const stockReconciliationRepository = {
  async compare(
    client: pg.Pool | pg.PoolClient,
  ): Promise<{ checkedLevels: number; drift: LevelDrift[] }> {
    const { rows } = await client.query<{ checked: string; drift: DriftRow[] }>(
      `with ledger as (
         select location_id, part_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved,
                sum(in_transit_delta) as in_transit
           from stock_movements group by location_id, part_id),
       joined as (
         select coalesce(s.location_id, l.location_id) as location_id,
                coalesce(s.part_id, l.part_id) as part_id,
                s.on_hand, s.reserved, s.in_transit,
                l.on_hand as ledger_on_hand, l.reserved as ledger_reserved,
                l.in_transit as ledger_in_transit
           from stock_levels s full join ledger l
             on l.location_id = s.location_id and l.part_id = s.part_id)
       select (select count(*) from joined) as checked,
              coalesce((select json_agg(d order by d.location_id, d.part_id) from (
                select * from joined j
                 where coalesce(j.on_hand, 0) <> coalesce(j.ledger_on_hand, 0)
                    or coalesce(j.reserved, 0) <> coalesce(j.ledger_reserved, 0)
                    or coalesce(j.in_transit, 0) <> coalesce(j.ledger_in_transit, 0)
                 order by j.location_id, j.part_id
                 limit 1000) d), '[]'::json) as drift`,
    );
    const result = rows[0] ?? { checked: '0', drift: [] };
    return {
      checkedLevels: Number(result.checked),
      drift: result.drift.map((row) => ({
        locationId: row.location_id,
        partId: row.part_id,
        onHand: row.on_hand ?? 0,
        reserved: row.reserved ?? 0,
        inTransit: row.in_transit ?? 0,
        ledgerOnHand: Number(row.ledger_on_hand ?? 0),
        ledgerReserved: Number(row.ledger_reserved ?? 0),
        ledgerInTransit: Number(row.ledger_in_transit ?? 0),
      })),
    };
  },
};
