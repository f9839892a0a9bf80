import type pg from 'pg';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface StockExportRow {
  part_id: string;
  location_id: string;
  location_name: string;
  part_number: string;
  part_name: string;
  quantity: number;
  reserved: number;
  available: number;
  in_transit: number;
  average_cost_paise: string;
}

export interface MovementExportRow {
  id: string;
  created_at: string;
  location_id: string;
  location_name: string;
  location_city: string;
  part_number: string;
  part_name: string;
  kind: string;
  on_hand_delta: number;
  reserved_delta: number;
  in_transit_delta: number;
  reason: string | null;
  note: string | null;
  reference_type: string | null;
  reference_id: string | null;
  unit_cost_paise: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
}

/**
 * Keyset-paged reads of an organization's stock levels and ledger for the CSV exports: one batch
 * in memory at a time, whatever the size. Location and part names come from the views the
 * locations and catalog modules publish (`location_directory`, `part_directory`).
 */
export const stockExportRepository = {
  async *levels(
    client: Queryable,
    organizationId: string,
    batchSize = 1000,
  ): AsyncGenerator<StockExportRow[]> {
    let after: StockExportRow | undefined;
    for (;;) {
      const { rows }: { rows: StockExportRow[] } = await client.query(
        `select s.part_id, s.location_id, l.name as location_name,
                p.part_number, p.name as part_name, s.on_hand as quantity, s.reserved,
                s.on_hand - s.reserved as available, s.in_transit,
                s.average_cost_paise::text as average_cost_paise
           from stock_levels s
           join location_directory l on l.id = s.location_id
           join part_directory p on p.id = s.part_id
          where s.organization_id = $1
            and ($2::uuid is null or (s.location_id, s.part_id) > ($2::uuid, $3::uuid))
          order by s.location_id, s.part_id
          limit $4`,
        [organizationId, after?.location_id ?? null, after?.part_id ?? null, batchSize],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1];
      if (rows.length < batchSize) return;
    }
  },

  async *movements(
    client: Queryable,
    organizationId: string,
    batchSize = 1000,
  ): AsyncGenerator<MovementExportRow[]> {
    let after = 0;
    for (;;) {
      const { rows }: { rows: MovementExportRow[] } = await client.query(
        `select m.id::text as id, to_char(m.created_at at time zone 'UTC',
                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
                m.location_id, l.name as location_name, l.city as location_city, p.part_number,
                p.name as part_name, m.kind, m.on_hand_delta,
                m.reserved_delta, m.in_transit_delta, m.reason, m.note, m.reference_type,
                m.reference_id, m.unit_cost_paise::text as unit_cost_paise, m.actor_user_id,
                m.actor_api_key_id
           from stock_movements m
           join location_directory l on l.id = m.location_id
           join part_directory p on p.id = m.part_id
          where m.organization_id = $1 and m.id > $2
          order by m.id
          limit $3`,
        [organizationId, after, batchSize],
      );
      if (rows.length === 0) return;
      yield rows;
      after = Number(rows[rows.length - 1]?.id ?? after);
      if (rows.length < batchSize) return;
    }
  },
};
