import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationDirectory } from '../identity/index.js';
import { accessRequests, type AccessRequestStatus } from './network.tables.js';

export type AccessRequestRow = typeof accessRequests.$inferSelect;

/** Partners' requests to join brands' networks. */
export const accessRequestRepository = {
  /** The brand a partner may ask to join: an existing, active organization of type brand. */
  async findActiveBrand(db: Db, brandId: string): Promise<{ id: string } | undefined> {
    const [row] = await db
      .select({ id: organizationDirectory.id })
      .from(organizationDirectory)
      .where(
        and(
          eq(organizationDirectory.id, brandId),
          eq(organizationDirectory.type, 'brand'),
          eq(organizationDirectory.status, 'active'),
        ),
      )
      .limit(1);
    return row;
  },

  async findPending(
    db: Db,
    brandId: string,
    partnerId: string,
  ): Promise<AccessRequestRow | undefined> {
    const [row] = await db
      .select()
      .from(accessRequests)
      .where(
        and(
          eq(accessRequests.brandId, brandId),
          eq(accessRequests.partnerId, partnerId),
          eq(accessRequests.status, 'pending'),
        ),
      )
      .limit(1);
    return row;
  },

  async insert(
    db: Db,
    values: { brandId: string; partnerId: string; message: string | null },
  ): Promise<AccessRequestRow> {
    const [row] = await db.insert(accessRequests).values(values).returning();
    if (!row) throw new Error('access request insert returned nothing');
    return row;
  },

  /** A request addressed to this brand, locked for the decision; any other id is undefined. */
  async findForBrand(db: Db, brandId: string, id: string): Promise<AccessRequestRow | undefined> {
    const [row] = await db
      .select()
      .from(accessRequests)
      .where(and(eq(accessRequests.id, id), eq(accessRequests.brandId, brandId)))
      .for('update')
      .limit(1);
    return row;
  },

  async decide(
    db: Db,
    id: string,
    status: Exclude<AccessRequestStatus, 'pending'>,
    decidedBy: string,
  ): Promise<AccessRequestRow> {
    const [row] = await db
      .update(accessRequests)
      .set({ status, decidedBy, decidedAt: sql`now()` })
      .where(eq(accessRequests.id, id))
      .returning();
    if (!row) throw new Error('access request update returned nothing');
    return row;
  },

  /** The type of the requesting organization, which becomes the link's partner type. */
  async organizationType(db: Db, organizationId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ type: organizationDirectory.type })
      .from(organizationDirectory)
      .where(eq(organizationDirectory.id, organizationId))
      .limit(1);
    return row?.type;
  },
};
