import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { partnerInvitations, type PartnerType } from './network.tables.js';

export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export interface InvitationListRow {
  id: string;
  email: string;
  partnerType: PartnerType;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  /** Resends of the last hour (see `reissue`). */
  resentAt: Date[];
}

/**
 * A revoked invitation's token hash is replaced by `revoked:<id>`: no token hashes to it (hashes
 * are hex), so the accept path's lookup by hash no longer finds the invitation, and the marker
 * says it was revoked — without a schema change.
 */
const revokedMarker = sql`'revoked:' || ${partnerInvitations.id}::text`;

/** An invitation's status, derived in SQL so it can be filtered on. */
const statusExpression = sql<InvitationStatus>`case
  when ${partnerInvitations.tokenHash} like 'revoked:%' then 'revoked'
  when ${partnerInvitations.acceptedAt} is not null then 'accepted'
  when ${partnerInvitations.expiresAt} <= now() then 'expired'
  else 'pending' end`;

const listColumns = {
  id: partnerInvitations.id,
  email: partnerInvitations.email,
  partnerType: partnerInvitations.partnerType,
  status: statusExpression,
  createdAt: partnerInvitations.createdAt,
  expiresAt: partnerInvitations.expiresAt,
  resentAt: partnerInvitations.resentAt,
};

/** A brand's view and control of the partner invitations it sent. */
export const invitationAdminRepository = {
  /** One page of the brand's invitations, newest first (fetches `limit` rows). */
  async page(
    db: Db,
    brandId: string,
    filter: { status?: InvitationStatus | undefined; limit: number; cursor?: string | undefined },
  ): Promise<InvitationListRow[]> {
    const conditions: SQL[] = [eq(partnerInvitations.brandId, brandId)];
    if (filter.status) conditions.push(sql`${statusExpression} = ${filter.status}`);
    if (filter.cursor)
      conditions.push(
        sql`(${partnerInvitations.createdAt}, ${partnerInvitations.id}) < (select i.created_at, i.id from partner_invitations i where i.id = ${filter.cursor})`,
      );
    return db
      .select(listColumns)
      .from(partnerInvitations)
      .where(and(...conditions))
      .orderBy(desc(partnerInvitations.createdAt), desc(partnerInvitations.id))
      .limit(filter.limit);
  },

  /** The brand's invitation, locked against a concurrent accept; another brand's is undefined. */
  async findForBrand(db: Db, brandId: string, id: string): Promise<InvitationListRow | undefined> {
    const [row] = await db
      .select(listColumns)
      .from(partnerInvitations)
      .where(and(eq(partnerInvitations.id, id), eq(partnerInvitations.brandId, brandId)))
      .for('update')
      .limit(1);
    return row;
  },

  /**
   * Resends: a new token (the old hash is replaced, so the old link stops working), a restarted
   * expiry and the resend times of the last hour. Returns the invitation as it now is.
   */
  async reissue(
    db: Db,
    id: string,
    values: { tokenHash: string; expiresAt: Date; resentAt: Date[] },
  ): Promise<InvitationListRow> {
    const [row] = await db
      .update(partnerInvitations)
      .set(values)
      .where(eq(partnerInvitations.id, id))
      .returning(listColumns);
    if (!row) throw new Error('reissue found no invitation');
    return row;
  },

  /** Revokes by replacing the token hash with the revoked marker (see above). */
  async markRevoked(db: Db, id: string): Promise<void> {
    await db
      .update(partnerInvitations)
      .set({ tokenHash: revokedMarker })
      .where(eq(partnerInvitations.id, id));
  },
};
