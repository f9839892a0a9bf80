import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { ReadPool, Reader } from '../../platform/db/read-pool.js';
import { parts, type PartStatus } from './catalog.tables.js';
import type { PartRow } from './part.repository.js';
import {
  allWordsKnown,
  correctedQuery,
  lookupWords,
  termBrands,
} from './part-search-correction.repository.js';
import { rankedPage, type PartListRow, type RankedTier } from './part-search-ranking.repository.js';
import { prefixRange } from './part-search-query.js';

/**
 * Which parts a caller may see, as decided by the catalog service:
 * `brand` — its own catalog, every status; `partner` — an authorised brand's active and
 * discontinued parts; `public` — active parts of active brands (optionally one brand).
 */
export type CatalogScope =
  | { kind: 'brand'; brandId: string }
  | { kind: 'partner'; brandId: string }
  | { kind: 'public'; brandId: string | undefined };

export interface PartFilter {
  scope: CatalogScope;
  status: PartStatus | undefined;
  category: string | undefined;
}

/** The statuses a scope may see. */
export function visibleStatuses(scope: CatalogScope): readonly PartStatus[] {
  if (scope.kind === 'brand') return ['draft', 'active', 'discontinued'];
  if (scope.kind === 'partner') return ['active', 'discontinued'];
  return ['active'];
}

/**
 * The filter's SQL condition. With `btree` false the brand condition is written so that no btree
 * answers it (`(brand_id = x) is true`): ranked tiers then use their GIN index, as the planner
 * prices the text operators as cheap and would otherwise walk a brand's btree evaluating them.
 */
function filterCondition(filter: PartFilter, btree = true): SQL {
  const { scope } = filter;
  const all = visibleStatuses(scope);
  const statuses = all.filter((s) => !filter.status || s === filter.status);
  // A brand browsing everything needs no status condition (its unique index then gives the order).
  // An empty list is `in ('')`: no row, and still one plan shape.
  const statusCondition =
    statuses.length === 3
      ? undefined
      : sql`${parts.status} in (${sql.join(
          (statuses.length > 0 ? statuses : ['']).map((s) => sql`${s}`),
          sql`, `,
        )})`;
  const conditions: Array<SQL | undefined> = [
    statusCondition,
    scope.brandId
      ? btree
        ? eq(parts.brandId, scope.brandId)
        : sql`(${parts.brandId} = ${scope.brandId}) is true`
      : undefined,
    scope.kind === 'public'
      ? sql`exists (select 1 from organization_directory o where o.id = ${parts.brandId} and o.type = 'brand' and o.status = 'active')`
      : undefined,
    filter.category ? sql`lower(${parts.category}) = lower(${filter.category})` : undefined,
  ];
  return and(...conditions) as SQL;
}

/** `partSearchRepository.search` on one connection (see there). */
async function searchOn(
  reader: Reader,
  filter: PartFilter,
  text: string,
  offset: number,
  limit: number,
): Promise<PartListRow[]> {
  const lowered = text.toLowerCase();
  const wanted = offset + limit;
  const fullText = (query: SQL): RankedTier => ({
    match: sql`search_vector @@ ${query}`,
    score: sql`ts_rank(search_vector, ${query})`,
  });
  const input = {
    scope: filterCondition(filter),
    bitmapScope: filterCondition(filter, false),
    prefix: prefixRange(lowered),
    offset,
    limit,
    cap: Math.max(200, wanted),
  };
  const tiers = [fullText(sql`websearch_to_tsquery('simple', ${text})`)];
  const terms = { brands: termBrands(filter.scope), words: lookupWords(text) };
  const first = await rankedPage(reader, { ...input, tiers, terms });
  // A text that prefixes part numbers is a part number, not a misspelling.
  if (first.found >= wanted || first.numberHits > 0) return first.rows;
  // Every word a term: correction would change nothing, and the page has what full text found.
  if (first.found > 0 && allWordsKnown(text, first.knownTerms)) return first.rows;
  const corrected = await correctedQuery(reader, filter.scope, text, first.knownTerms);
  // No part number matched, so the second statement leaves that tier out, and the first
  // full-text tier too when it found nothing: each tier costs planning time even when empty.
  const firstTiers = first.found > 0 ? tiers : [];
  if (corrected) {
    const page = await rankedPage(reader, {
      ...input,
      prefix: undefined,
      tiers: [...firstTiers, fullText(corrected)],
    });
    if (page.found > 0) return page.rows;
  } else if (first.found > 0) {
    // Fuzzy matching of whole documents is the last resort: the most expensive step, and any
    // match above is a better answer than fuzzy padding.
    return first.rows;
  }
  // Nothing matched: whole-document trigram similarity, alone in its own statement (its
  // selectivity estimate alone costs more planning than a whole ordinary search).
  const fuzzy: RankedTier = {
    match: sql`${lowered} <% lower(search_document)`,
    score: sql`word_similarity(${lowered}, lower(search_document))`,
  };
  return (await rankedPage(reader, { ...input, prefix: undefined, tiers: [fuzzy] })).rows;
}

/** Catalog listing and ranked search; every query carries the caller's scope. */
export const partSearchRepository = {
  /** Unranked listing by part number (case-insensitive); `after` is the last row of the previous page. */
  async list(
    db: Db,
    filter: PartFilter,
    after: { partNumber: string; id: string } | undefined,
    limit: number,
  ): Promise<PartRow[]> {
    const cursor = after
      ? sql`(lower(${parts.partNumber}), ${parts.id}) > (lower(${after.partNumber}), ${after.id}::uuid)`
      : undefined;
    return db
      .select()
      .from(parts)
      .where(and(filterCondition(filter), cursor))
      .orderBy(sql`lower(${parts.partNumber})`, asc(parts.id))
      .limit(limit);
  },

  /**
   * Ranked search, best first: (1) the exact part number and part-number prefixes (a range scan
   * of `lower(part_number) COLLATE "C"`; an exact match sorts before its extensions); (2) full
   * text (`websearch_to_tsquery`, GIN on `search_vector`, ranked by `ts_rank`) — both in ONE
   * statement (`rankedPage`, no transaction), which also looks the query's words up in the
   * dictionary. Only when the page is not full, no part number matched and a word is not a term:
   * (3) typo correction — each query word that is not a term of the brand's dictionary
   * (`part_search_terms`) is replaced by its nearest terms ("drvie belt" → (drive) & (belt)):
   * one trigram lookup of the unknown words and one more statement with the corrected full
   * text; (4) only when nothing at all matched, trigram word similarity over every part's
   * document (`<%`), the expensive last resort, in a statement of its own. Ranked steps rank at
   * most `max(200, offset + limit)` candidates, so a common word among 100,000 parts never ranks
   * them all.
   */
  async search(
    reads: ReadPool,
    filter: PartFilter,
    text: string,
    offset: number,
    limit: number,
  ): Promise<PartListRow[]> {
    // One connection of the read pool for the whole search: a search that needs its correction
    // statements waits for the pool once, not once per statement.
    return reads.read((reader) => searchOn(reader, filter, text, offset, limit));
  },
};
