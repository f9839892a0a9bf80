import type pg from 'pg';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface ImportLocation {
  id: string;
  name: string;
}

export interface ImportPart {
  id: string;
  brandId: string;
  partNumber: string;
  status: string;
}

/** Read-only look-ups that turn the names in a stock CSV into ids, batch by batch. */
export const stockImportRepository = {
  /** The organization's locations (a handful per organization). */
  async locations(client: Queryable, organizationId: string): Promise<ImportLocation[]> {
    const { rows } = await client.query<ImportLocation>(
      'select id, name from locations where organization_id = $1',
      [organizationId],
    );
    return rows;
  },

  /**
   * Parts with these part numbers (case-insensitive) that the organization may hold stock of:
   * its own brand's, or those of brands it is an active partner of.
   */
  async partsByNumber(
    client: Queryable,
    organizationId: string,
    partNumbers: readonly string[],
  ): Promise<ImportPart[]> {
    if (partNumbers.length === 0) return [];
    const { rows } = await client.query<ImportPart>(
      `select p.id, p.brand_id as "brandId", p.part_number as "partNumber", p.status
         from parts p
        where lower(p.part_number) = any($2::text[])
          and (p.brand_id = $1 or exists (
                select 1 from partner_links l
                 where l.brand_id = p.brand_id and l.partner_id = $1 and l.status = 'active'))`,
      [organizationId, [...new Set(partNumbers.map((number) => number.toLowerCase()))]],
    );
    return rows;
  },
};
