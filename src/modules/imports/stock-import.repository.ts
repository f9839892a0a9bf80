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

/**
 * Read-only look-ups that turn the names in a stock CSV into ids, batch by batch, through the
 * views the locations and catalog modules publish (`location_directory`, `part_directory`).
 */
export const stockImportRepository = {
  /**
   * The organization's active locations (a handful per organization): an archived one takes no
   * stock, so its name or id reads as unknown, and its name never makes an active one's
   * ambiguous. (The ledger refuses archived locations too, under its lock.)
   */
  async locations(client: Queryable, organizationId: string): Promise<ImportLocation[]> {
    const { rows } = await client.query<ImportLocation>(
      'select id, name from location_directory where organization_id = $1 and archived_at is null',
      [organizationId],
    );
    return rows;
  },

  /**
   * Parts with these part numbers (case-insensitive) of the given brands: the ones an
   * organization may hold stock of are its own brand and the brands it is an active partner of
   * (the network module answers which).
   */
  async partsByNumber(
    client: Queryable,
    brandIds: readonly string[],
    partNumbers: readonly string[],
  ): Promise<ImportPart[]> {
    if (partNumbers.length === 0 || brandIds.length === 0) return [];
    const { rows } = await client.query<ImportPart>(
      `select p.id, p.brand_id as "brandId", p.part_number as "partNumber", p.status
         from part_directory p
        where lower(p.part_number) = any($2::text[])
          and p.brand_id = any($1::uuid[])`,
      [[...brandIds], [...new Set(partNumbers.map((number) => number.toLowerCase()))]],
    );
    return rows;
  },
};
