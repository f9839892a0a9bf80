import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parts, type PartStatus } from './catalog.tables.js';
import type { PartRow } from './part.repository.js';
import { correctedQuery } from './part-search-correction.repository.js';

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

function filterCondition(filter: PartFilter): SQL {
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
    scope.brandId ? eq(parts.brandId, scope.brandId) : undefined,
    scope.kind === 'public'
      ? sql`exists (select 1 from organizations o where o.id = ${parts.brandId} and o.type = 'brand' and o.status = 'active')`
      : undefined,
    filter.category ? sql`lower(${parts.category}) = lower(${filter.category})` : undefined,
  ];
  return and(...conditions) as SQL;
}

/** `LIKE` prefix pattern for the text with `%`, `_` and `\` taken literally. */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
   * Ranked search, best first. Each step is answered by an index and runs only while the page is
   * not full: (1) the exact part number and part-number prefixes (`LIKE 'x%'` on the brand's
   * unique btree; an exact match sorts before its extensions); (2) full text
   * (`websearch_to_tsquery`, GIN on `search_vector`, ranked by `ts_rank`); (3) typo correction:
   * each query word that is not a term of the brand's dictionary (`part_search_terms`) is replaced
   * by its nearest terms and full text runs again with them ("drvie belt" → (drive) & (belt));
   * (4) only when nothing at all matched, trigram word similarity over every part's document
   * (`<%`), the expensive last resort for parts whose terms are missing. Ranked steps rank at most
   * `max(200, offset + limit)` candidates, so a common word among 100,000 parts never ranks them
   * all; after step 1 the transaction allows bitmap scans only: the planner prices the similarity
   * operators as cheap and would otherwise walk a btree evaluating them on every row of a brand.
   */
  async search(
    db: Db,
    filter: PartFilter,
    text: string,
    offset: number,
    limit: number,
  ): Promise<PartRow[]> {
    const lowered = text.toLowerCase();
    const scope = filterCondition(filter);
    const wanted = offset + limit;
    const cap = Math.max(200, wanted);
    return db.transaction(async (trx) => {
      const byNumber = await trx.execute<{ id: string }>(sql`
        select id from parts
        where ${scope} and lower(part_number) like ${prefixPattern(lowered)} escape '\\'
        order by lower(part_number), id limit ${wanted}`);
      const ids = byNumber.rows.map((row) => row.id);
      const seen = new Set(ids);
      const ranked = async (match: SQL, score: SQL) => {
        const found = await trx.execute<{ id: string }>(sql`
          select id from (
            select id, ${score} as score, lower(part_number) as number from parts
            where ${scope} and ${match} limit ${cap}
          ) candidates
          order by score desc, number, id limit ${wanted}`);
        for (const row of found.rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          ids.push(row.id);
        }
      };
      const fullText = (query: SQL) =>
        ranked(sql`search_vector @@ ${query}`, sql`ts_rank(search_vector, ${query})`);
      if (ids.length < wanted) {
        await trx.execute(
          sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
        );
        await fullText(sql`websearch_to_tsquery('simple', ${text})`);
      }
      // A text that prefixes part numbers is a part number, not a misspelling.
      if (ids.length < wanted && byNumber.rows.length === 0) {
        const corrected = await correctedQuery(trx, filter.scope, text);
        if (corrected) await fullText(corrected);
      }
      // Fuzzy matching of whole documents is the last resort: the most expensive step, and any
      // match above is a better answer than fuzzy padding.
      if (ids.length === 0)
        await ranked(
          sql`${lowered} <% lower(search_document)`,
          sql`word_similarity(${lowered}, lower(search_document))`,
        );
      const page = ids.slice(offset, wanted);
      if (page.length === 0) return [];
      const rows = await trx.select().from(parts).where(inArray(parts.id, page));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return page.flatMap((id) => byId.get(id) ?? []);
    });
  },
};
