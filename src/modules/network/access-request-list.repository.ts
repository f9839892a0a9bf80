import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationDirectory } from '../identity/index.js';
import { accessRequests, type AccessRequestStatus } from './network.tables.js';

export interface AccessRequestListRow {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationType: string;
  message: string | null;
  status: AccessRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

/** Access requests as each side lists them: a brand those addressed to it, a partner its own. */
export const accessRequestListRepository = {
  /**
   * One page, newest first, with the other side's name and type; fetches what `limit` says (the
   * service asks for one extra row, see `toPage`). `side` says which column holds the caller.
   */
  async page(
    db: Db,
    side: 'brand' | 'partner',
    organizationId: string,
    filter: {
      status?: AccessRequestStatus | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<AccessRequestListRow[]> {
    const own = side === 'brand' ? accessRequests.brandId : accessRequests.partnerId;
    const other = side === 'brand' ? accessRequests.partnerId : accessRequests.brandId;
    const conditions: SQL[] = [eq(own, organizationId)];
    if (filter.status) conditions.push(eq(accessRequests.status, filter.status));
    if (filter.cursor)
      conditions.push(
        sql`(${accessRequests.createdAt}, ${accessRequests.id}) < (select r.created_at, r.id from access_requests r where r.id = ${filter.cursor})`,
      );
    return db
      .select({
        id: accessRequests.id,
        organizationId: organizationDirectory.id,
        organizationName: organizationDirectory.name,
        organizationType: organizationDirectory.type,
        message: accessRequests.message,
        status: accessRequests.status,
        createdAt: accessRequests.createdAt,
        decidedAt: accessRequests.decidedAt,
      })
      .from(accessRequests)
      .innerJoin(organizationDirectory, eq(organizationDirectory.id, other))
      .where(and(...conditions))
      .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
      .limit(filter.limit);
  },
};
