import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Reader } from '../../platform/db/read-pool.js';

/** Something that can run SQL: the pool or an open transaction's client. */
type Queryable = Pick<pg.PoolClient, 'query'>;

/** Minimum trigram similarity of a correction (`pg_trgm.similarity_threshold` for `%`). */
const correctionThreshold = 0.4;

/**
 * The per-brand dictionary search corrects typos towards (`part_search_terms`). Writers of parts
 * add the terms of what they write (`searchTermsOf()`); terms are never deleted when a part
 * changes or goes: a stale term only costs a correction that then matches no part, and deleting
 * would need a count of the parts using each term on every write.
 */
export const partSearchTermsRepository = {
  /**
   * Adds `terms` to the brand's dictionary in one statement (existing ones are skipped). Sorted,
   * so concurrent writers of the same new terms take their index locks in one order.
   */
  async add(client: Queryable, brandId: string, terms: Iterable<string>): Promise<void> {
    const sorted = [...new Set(terms)].sort();
    if (sorted.length === 0) return;
    await client.query(
      `insert into part_search_terms (brand_id, term)
       select $1::uuid, t from unnest($2::text[]) as t
       on conflict do nothing`,
      [brandId, sorted],
    );
  },

  /**
   * Adds the terms of every part of the brand, as the migration's backfill does: for parts loaded
   * around the application (a COPY into `parts`, a restore of only that table).
   */
  async addFromParts(client: Queryable, brandId: string): Promise<void> {
    await client.query(
      `insert into part_search_terms (brand_id, term)
       select distinct p.brand_id, t.term
       from parts p
       cross join lateral (
         select w as term from regexp_split_to_table(lower(p.search_document), '[^a-z0-9]+') as w
          where length(w) >= 3
         union all select lower(trim(p.part_number))
         union all select lower(trim(m)) from unnest(p.compatible_models) as m
       ) t
       where p.brand_id = $1 and t.term <> ''
       on conflict do nothing`,
      [brandId],
    );
  },

  /** Which of `words` are terms of the brands `brands` (a condition on `brand_id`) selects. */
  async known(reader: Reader, brands: SQL, words: readonly string[]): Promise<Set<string>> {
    if (words.length === 0) return new Set();
    const rows = await reader.rows<{ term: string }>(sql`
      select distinct term from part_search_terms
      where ${brands} and term = any(${sql.param(words)}::text[])`);
    return new Set(rows.map((row) => row.term));
  },

  /**
   * For each of `words` (all letters), up to `limit` all-letter terms nearest to it by trigram
   * similarity (at least 0.4), from the partial trigram GIN index on such terms; one statement
   * for all words. `%` (the index operator, default threshold 0.3) selects the candidates and
   * `similarity() >= 0.4` keeps those a `%` at 0.4 would, so no transaction-local setting (and no
   * transaction) is needed.
   */
  async similar(
    reader: Reader,
    brands: SQL,
    words: readonly string[],
    limit = 3,
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(words.map((word) => [word, []]));
    if (words.length === 0) return found;
    const rows = await reader.rows<{ word: string; term: string }>(sql`
      select w.word, c.term from unnest(${sql.param(words)}::text[]) with ordinality as w(word, n)
      cross join lateral (
        select term from (
          select distinct term, similarity(term, w.word) as score
          from part_search_terms
          where ${brands} and term ~ '^[a-z]+$' and term % w.word
            and similarity(term, w.word) >= ${correctionThreshold}
        ) candidates
        order by score desc, term
        limit ${limit}
      ) c
      order by w.n`);
    for (const row of rows) found.get(row.word)?.push(row.term);
    return found;
  },
};
