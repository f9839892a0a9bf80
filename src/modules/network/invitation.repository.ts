import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationDirectory } from '../identity/index.js';
import { partnerInvitations, type PartnerType } from './network.tables.js';

export type InvitationRow = typeof partnerInvitations.$inferSelect;

/** Brands' e-mail invitations; tokens exist here only as SHA-256 hashes. */
export const invitationRepository = {
  async insert(
    db: Db,
    values: {
      brandId: string;
      email: string;
      partnerType: PartnerType;
      tokenHash: string;
      expiresAt: Date;
    },
  ): Promise<InvitationRow> {
    const [row] = await db.insert(partnerInvitations).values(values).returning();
    if (!row) throw new Error('invitation insert returned nothing');
    return row;
  },

  /** Locked for the rest of the transaction, so a token is accepted at most once. */
  async findByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await db
      .select()
      .from(partnerInvitations)
      .where(eq(partnerInvitations.tokenHash, tokenHash))
      .for('update')
      .limit(1);
    return row;
  },

  /**
   * What the accept page shows before sign-in: the pending (not accepted, not expired) invitation
   * with the inviting brand's name. No lock: it only reads.
   */
  async findPendingPreview(
    db: Db,
    tokenHash: string,
  ): Promise<
    { brandName: string; partnerType: PartnerType; email: string; expiresAt: Date } | undefined
  > {
    const [row] = await db
      .select({
        brandName: organizationDirectory.name,
        partnerType: partnerInvitations.partnerType,
        email: partnerInvitations.email,
        expiresAt: partnerInvitations.expiresAt,
      })
      .from(partnerInvitations)
      .innerJoin(organizationDirectory, eq(organizationDirectory.id, partnerInvitations.brandId))
      .where(
        and(
          eq(partnerInvitations.tokenHash, tokenHash),
          isNull(partnerInvitations.acceptedAt),
          gt(partnerInvitations.expiresAt, sql`now()`),
        ),
      )
      .limit(1);
    return row;
  },

  /** The inviting brand's name, through the published organization directory. */
  async brandName(db: Db, brandId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ name: organizationDirectory.name })
      .from(organizationDirectory)
      .where(eq(organizationDirectory.id, brandId))
      .limit(1);
    return row?.name;
  },

  async markAccepted(db: Db, id: string, organizationId: string): Promise<void> {
    await db
      .update(partnerInvitations)
      .set({ acceptedAt: sql`now()`, acceptedByOrganizationId: organizationId })
      .where(eq(partnerInvitations.id, id));
  },
};
