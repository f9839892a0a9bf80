import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';
import { parts, type PartStatus } from '../../src/modules/catalog/catalog.tables.js';
import type { PartRow } from '../../src/modules/catalog/part.repository.js';

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
   * Ranked search, best first. Four signals, each answered by an index: tier 0 the exact part
   * number and tier 1 part-number prefixes (`LIKE 'x%'` on the brand's unique btree; an exact
   * match sorts before its extensions), then tier 2 full-text matches (`websearch_to_tsquery`,
   * GIN on `search_vector`, scored by `ts_rank`) and tier 3 trigram word similarity (`<%`, GIN
   * trigram on `lower(search_document)`: "comprssor" finds "compressor"). Tiers 2 and 3 rank at
   * most `max(200, offset + limit)` candidates each, so a common word among 100,000 parts never
   * ranks them all; each tier runs only when the ones before have not filled the page, and the
   * trigram tier only when nothing matched by part number or whole words. For tiers 2–3 the
   * transaction allows bitmap scans only: the planner prices the similarity operators as cheap and
   * would otherwise walk a btree and evaluate them on every row of a brand.
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
      if (ids.length < wanted) {
        await trx.execute(
          sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
        );
        const query = sql`websearch_to_tsquery('simple', ${text})`;
        const tiers = [
          { match: sql`search_vector @@ ${query}`, score: sql`ts_rank(search_vector, ${query})` },
          {
            match: sql`${lowered} <% lower(search_document)`,
            score: sql`word_similarity(${lowered}, lower(search_document))`,
          },
        ];
        const seen = new Set(ids);
        for (const [index, tier] of tiers.entries()) {
          if (ids.length >= wanted) break;
          // Fuzzy matching is the fallback for text nothing matched exactly (a typo): it is the
          // most expensive tier, and exact matches are better answers than fuzzy padding.
          if (index === 1 && ids.length > 0) break;
          const found = await trx.execute<{ id: string }>(sql`
            select id from (
              select id, ${tier.score} as score, lower(part_number) as number from parts
              where ${scope} and ${tier.match} limit ${cap}
            ) candidates
            order by score desc, number, id limit ${wanted}`);
          for (const row of found.rows) {
            if (seen.has(row.id)) continue;
            seen.add(row.id);
            ids.push(row.id);
          }
        }
      }
      const page = ids.slice(offset, wanted);
      if (page.length === 0) return [];
      const rows = await trx.select().from(parts).where(inArray(parts.id, page));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return page.flatMap((id) => byId.get(id) ?? []);
    });
  },
};
