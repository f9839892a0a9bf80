import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationDirectory } from '../identity/index.js';
import { partnerLinks, type PartnerLinkStatus, type PartnerType } from './network.tables.js';

export type PartnerLinkRow = typeof partnerLinks.$inferSelect;

export interface LinkListRow {
  linkId: string;
  organizationId: string;
  name: string;
  type: string;
  status: PartnerLinkStatus;
  since: Date;
}

/** Brand ↔ partner links. Reads are always addressed by the caller's side of the pair. */
export const partnerLinkRepository = {
  async find(db: Db, brandId: string, partnerId: string): Promise<PartnerLinkRow | undefined> {
    const [row] = await db
      .select()
      .from(partnerLinks)
      .where(and(eq(partnerLinks.brandId, brandId), eq(partnerLinks.partnerId, partnerId)))
      .for('update')
      .limit(1);
    return row;
  },

  /** Creates the link active, or activates the existing row of the pair. */
  async activate(
    db: Db,
    values: { brandId: string; partnerId: string; partnerType: PartnerType },
  ): Promise<PartnerLinkRow> {
    const [row] = await db
      .insert(partnerLinks)
      .values({ ...values, status: 'active' })
      .onConflictDoUpdate({
        target: [partnerLinks.brandId, partnerLinks.partnerId],
        set: { status: 'active', updatedAt: sql`now()` },
      })
      .returning();
    if (!row) throw new Error('partner link upsert returned nothing');
    return row;
  },

  async setStatus(db: Db, id: string, status: PartnerLinkStatus): Promise<PartnerLinkRow> {
    const [row] = await db
      .update(partnerLinks)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(partnerLinks.id, id))
      .returning();
    if (!row) throw new Error('partner link update returned nothing');
    return row;
  },

  async isActive(db: Db, brandId: string, partnerId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: partnerLinks.id })
      .from(partnerLinks)
      .where(
        and(
          eq(partnerLinks.brandId, brandId),
          eq(partnerLinks.partnerId, partnerId),
          eq(partnerLinks.status, 'active'),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** The brands `partnerId` has an active link with (the partner index answers it). */
  async activeBrandIds(db: Db, partnerId: string): Promise<string[]> {
    const rows = await db
      .select({ brandId: partnerLinks.brandId })
      .from(partnerLinks)
      .where(and(eq(partnerLinks.partnerId, partnerId), eq(partnerLinks.status, 'active')));
    return rows.map((row) => row.brandId);
  },

  /**
   * One page of the caller's links, newest first, with the other side's name and type.
   * `side` says which column holds the caller: a brand sees partners, a partner sees brands.
   */
  async page(
    db: Db,
    side: 'brand' | 'partner',
    organizationId: string,
    limit: number,
    afterLinkId: string | undefined,
  ): Promise<LinkListRow[]> {
    const own = side === 'brand' ? partnerLinks.brandId : partnerLinks.partnerId;
    const other = side === 'brand' ? partnerLinks.partnerId : partnerLinks.brandId;
    const cursor = afterLinkId
      ? sql`(${partnerLinks.createdAt}, ${partnerLinks.id}) < (select p.created_at, p.id from partner_links p where p.id = ${afterLinkId})`
      : undefined;
    return db
      .select({
        linkId: partnerLinks.id,
        organizationId: organizationDirectory.id,
        name: organizationDirectory.name,
        type: organizationDirectory.type,
        status: partnerLinks.status,
        since: partnerLinks.createdAt,
      })
      .from(partnerLinks)
      .innerJoin(organizationDirectory, eq(organizationDirectory.id, other))
      .where(and(eq(own, organizationId), cursor))
      .orderBy(desc(partnerLinks.createdAt), desc(partnerLinks.id))
      .limit(limit);
  },
};
