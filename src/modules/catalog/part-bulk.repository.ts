import type pg from 'pg';
import type { PartStatus } from './catalog.tables.js';
import { partSearchDocument, searchTermsOf } from './part-search-document.js';
import { partSearchTermsRepository } from './part-search-terms.repository.js';

/** Something that can run SQL: the pool or an open transaction's client. */
type Queryable = Pick<pg.PoolClient, 'query'>;

/** One part as a bulk writer (the CSV import) states it: every field, blank ones as null. */
export interface BulkPart {
  partNumber: string;
  name: string;
  description: string | null;
  category: string | null;
  hsnCode: string | null;
  gstRateBasisPoints: number | null;
  unitPricePaise: number;
  mrpPaise: number | null;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  compatibleModels: string[];
  status: PartStatus;
}

export interface BulkUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The columns a bulk upsert writes, in the order of the unnest() arrays. */
const columns = [
  ['part_number', 'text'],
  ['name', 'text'],
  ['description', 'text'],
  ['category', 'text'],
  ['hsn_code', 'text'],
  ['gst_rate_basis_points', 'int4'],
  ['unit_price_paise', 'int8'],
  ['mrp_paise', 'int8'],
  ['weight_grams', 'int4'],
  ['length_cm', 'int4'],
  ['width_cm', 'int4'],
  ['height_cm', 'int4'],
  ['compatible_models', 'text'],
  ['status', 'text'],
  ['search_document', 'text'],
] as const;

const compared = columns.map(([name]) => name);

/**
 * One statement per batch whatever its size: each column travels as one array parameter and is
 * unnested, so PostgreSQL plans once and the 65,535-parameter limit never applies. Models travel
 * as `|`-joined text (a model can not contain `|`: it is the CSV separator) and are split back.
 * The `where … is distinct from` guard skips rows whose stored values already match, so a
 * re-import of the same rows rewrites nothing (no new row versions, `updated_at` untouched).
 */
const upsertSql = `
  insert into parts (brand_id, ${compared.join(', ')})
  select $1::uuid, ${columns
    .map(([name]) =>
      name === 'compatible_models' ? `string_to_array(i.${name}, '|')` : `i.${name}`,
    )
    .join(', ')}
    from unnest(${columns.map(([, type], index) => `$${index + 2}::${type}[]`).join(', ')})
      as i(${compared.join(', ')})
  on conflict (brand_id, lower(part_number)) do update set
    ${compared.map((name) => `${name} = excluded.${name}`).join(',\n    ')},
    updated_at = now()
  where (${compared.map((name) => `parts.${name}`).join(', ')})
    is distinct from (${compared.map((name) => `excluded.${name}`).join(', ')})
  returning (xmax = 0) as inserted`;

/**
 * Bulk writes of a brand's catalog for the CSV import. Every row gets its search document from
 * `partSearchDocument()` and its dictionary terms from `searchTermsOf()`, as every other writer
 * of parts does.
 */
export const partBulkRepository = {
  /**
   * Creates or updates `batch` by part number (case-insensitive) within the brand, in one
   * statement. The batch must not hold one part number twice (PostgreSQL refuses to update a row
   * twice in one statement); rows are sorted by part number so that concurrent imports of the same
   * brand lock rows in one order.
   */
  async upsert(
    client: Queryable,
    brandId: string,
    batch: readonly BulkPart[],
  ): Promise<BulkUpsertResult> {
    if (batch.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    const sorted = [...batch].sort((a, b) => {
      const x = a.partNumber.toLowerCase();
      const y = b.partNumber.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const arrays: unknown[][] = columns.map(() => []);
    const terms = new Set<string>();
    for (const part of sorted) {
      for (const term of searchTermsOf(part)) terms.add(term);
      const values = [
        part.partNumber,
        part.name,
        part.description,
        part.category,
        part.hsnCode,
        part.gstRateBasisPoints,
        part.unitPricePaise,
        part.mrpPaise,
        part.weightGrams,
        part.lengthCm,
        part.widthCm,
        part.heightCm,
        part.compatibleModels.join('|'),
        part.status,
        partSearchDocument(part),
      ];
      values.forEach((value, index) => arrays[index]?.push(value));
    }
    const { rows } = await client.query<{ inserted: boolean }>(upsertSql, [brandId, ...arrays]);
    // The batch's dictionary terms, one statement: also for unchanged rows, so a re-import
    // restores terms of parts that arrived around the application. Never deleted (a stale term
    // only costs a correction that matches nothing).
    await partSearchTermsRepository.add(client, brandId, terms);
    const created = rows.filter((row) => row.inserted).length;
    return {
      created,
      updated: rows.length - created,
      unchanged: batch.length - rows.length,
    };
  },

  /** Ids of the brand's parts with these numbers (case-insensitive), keyed by the number given. */
  async idsByNumber(
    client: Queryable,
    brandId: string,
    partNumbers: readonly string[],
  ): Promise<Map<string, string>> {
    const { rows } = await client.query<{ key: string; id: string }>(
      `select lower(part_number) as key, id from parts
        where brand_id = $1 and lower(part_number) = any($2::text[])`,
      [brandId, partNumbers.map((number) => number.toLowerCase())],
    );
    const byKey = new Map(rows.map((row) => [row.key, row.id]));
    const ids = new Map<string, string>();
    for (const number of partNumbers) {
      const id = byKey.get(number.toLowerCase());
      if (id) ids.set(number, id);
    }
    return ids;
  },

  /**
   * The brand's parts in part-number order, `batchSize` at a time (keyset on the unique index), so
   * an export of any size holds one batch in memory.
   */
  async *streamBrandParts(
    client: Queryable,
    brandId: string,
    batchSize = 1000,
  ): AsyncGenerator<BulkPart[]> {
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: Array<BulkPart & { key: string }> } = await client.query(
        `select lower(part_number) as key, part_number as "partNumber", name, description,
                category, hsn_code as "hsnCode", gst_rate_basis_points as "gstRateBasisPoints",
                unit_price_paise::float8 as "unitPricePaise", mrp_paise::float8 as "mrpPaise",
                weight_grams as "weightGrams", length_cm as "lengthCm", width_cm as "widthCm",
                height_cm as "heightCm", compatible_models as "compatibleModels", status
           from parts
          where brand_id = $1 and ($2::text is null or lower(part_number) > $2)
          order by lower(part_number)
          limit $3`,
        [brandId, after, batchSize],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]?.key ?? null;
      if (rows.length < batchSize) return;
    }
  },
};
