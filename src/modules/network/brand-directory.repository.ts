import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizations } from '../identity/identity.tables.js';
import { accessRequests, partnerLinks, type PartnerLinkStatus } from './network.tables.js';

export interface BrandDirectoryRow {
  id: string;
  name: string;
  linkStatus: PartnerLinkStatus | null;
  requestPending: boolean;
}

/** Escapes `%`, `_` and `\` so a search term matches literally inside an ILIKE pattern. */
function likeTerm(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The active brands a distributor or service center may ask to join, with its standing. */
export const brandDirectoryRepository = {
  /**
   * One page ordered by name (case-insensitively), then id. `partnerId`'s link with each brand
   * and whether it has a pending access request to it come along, so the caller sees its standing.
   */
  async page(
    db: Db,
    partnerId: string,
    filter: { q?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<BrandDirectoryRow[]> {
    const conditions: SQL[] = [eq(organizations.type, 'brand'), eq(organizations.status, 'active')];
    if (filter.q) conditions.push(ilike(organizations.name, likeTerm(filter.q)));
    if (filter.cursor)
      conditions.push(
        sql`(lower(${organizations.name}), ${organizations.id}) > (select lower(o.name), o.id from organizations o where o.id = ${filter.cursor})`,
      );
    return db
      .select({
        id: organizations.id,
        name: organizations.name,
        linkStatus: partnerLinks.status,
        requestPending: sql<boolean>`exists (select 1 from ${accessRequests} where ${accessRequests.brandId} = ${organizations.id} and ${accessRequests.partnerId} = ${partnerId} and ${accessRequests.status} = 'pending')`,
      })
      .from(organizations)
      .leftJoin(
        partnerLinks,
        and(eq(partnerLinks.brandId, organizations.id), eq(partnerLinks.partnerId, partnerId)),
      )
      .where(and(...conditions))
      .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
      .limit(filter.limit);
  },
};
