import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationDirectory } from '../identity/index.js';
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
    const conditions: SQL[] = [
      eq(organizationDirectory.type, 'brand'),
      eq(organizationDirectory.status, 'active'),
    ];
    if (filter.q) conditions.push(ilike(organizationDirectory.name, likeTerm(filter.q)));
    if (filter.cursor)
      conditions.push(
        sql`(lower(${organizationDirectory.name}), ${organizationDirectory.id}) > (select lower(o.name), o.id from organization_directory o where o.id = ${filter.cursor})`,
      );
    return db
      .select({
        id: organizationDirectory.id,
        name: organizationDirectory.name,
        linkStatus: partnerLinks.status,
        requestPending: sql<boolean>`exists (select 1 from ${accessRequests} where ${accessRequests.brandId} = ${organizationDirectory.id} and ${accessRequests.partnerId} = ${partnerId} and ${accessRequests.status} = 'pending')`,
      })
      .from(organizationDirectory)
      .leftJoin(
        partnerLinks,
        and(
          eq(partnerLinks.brandId, organizationDirectory.id),
          eq(partnerLinks.partnerId, partnerId),
        ),
      )
      .where(and(...conditions))
      .orderBy(asc(sql`lower(${organizationDirectory.name})`), asc(organizationDirectory.id))
      .limit(filter.limit);
  },
};
