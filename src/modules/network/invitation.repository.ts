import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
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

  async markAccepted(db: Db, id: string, organizationId: string): Promise<void> {
    await db
      .update(partnerInvitations)
      .set({ acceptedAt: sql`now()`, acceptedByOrganizationId: organizationId })
      .where(eq(partnerInvitations.id, id));
  },
};
