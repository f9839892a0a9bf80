import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parts, type PartStatus } from './catalog.tables.js';
import type { PartRow } from './part.repository.js';

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
  const statuses = visibleStatuses(scope).filter((s) => !filter.status || s === filter.status);
  // An empty list is `in ('')`: no row, and still one plan shape.
  const statusList = statuses.length > 0 ? statuses : [''];
  const conditions: Array<SQL | undefined> = [
    sql`${parts.status} in (${sql.join(
      statusList.map((s) => sql`${s}`),
      sql`, `,
    )})`,
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
  /** Unranked listing by part number; `after` is the last row of the previous page. */
  async list(
    db: Db,
    filter: PartFilter,
    after: { partNumber: string; id: string } | undefined,
    limit: number,
  ): Promise<PartRow[]> {
    const cursor = after
      ? sql`(${parts.partNumber}, ${parts.id}) > (${after.partNumber}, ${after.id}::uuid)`
      : undefined;
    return db
      .select()
      .from(parts)
      .where(and(filterCondition(filter), cursor))
      .orderBy(asc(parts.partNumber), asc(parts.id))
      .limit(limit);
  },

  /**
   * Ranked search. A row matches when its part number starts with the text, its words match the
   * text (`websearch_to_tsquery`, GIN on `search_vector`) or the text is trigram-similar to part
   * of its search document (`<%`, GIN trigram on `lower(search_document)`), so one typo still
   * finds it. PostgreSQL combines the three indexes with a BitmapOr. Ranking: exact part number,
   * then part-number prefix, then full-text rank, then trigram word similarity.
   */
  async search(
    db: Db,
    filter: PartFilter,
    text: string,
    offset: number,
    limit: number,
  ): Promise<PartRow[]> {
    const lowered = text.toLowerCase();
    const prefix = prefixPattern(lowered);
    const query = sql`websearch_to_tsquery('simple', ${text})`;
    const partNumberPrefix = sql`lower(${parts.partNumber}) like ${prefix} escape '\\'`;
    return db
      .select()
      .from(parts)
      .where(
        and(
          filterCondition(filter),
          sql`(${partNumberPrefix} or ${parts.searchVector} @@ ${query} or ${lowered} <% lower(${parts.searchDocument}))`,
        ),
      )
      .orderBy(
        sql`lower(${parts.partNumber}) = ${lowered} desc`,
        sql`${partNumberPrefix} desc`,
        sql`ts_rank(${parts.searchVector}, ${query}) desc`,
        sql`word_similarity(${lowered}, lower(${parts.searchDocument})) desc`,
        asc(parts.partNumber),
        asc(parts.id),
      )
      .limit(limit)
      .offset(offset);
  },
};
