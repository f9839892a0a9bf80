import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { MemberRole } from './identity.tables.js';
import { oneTimeTokens } from './session.tables.js';

export const staffInvitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type StaffInvitationStatus = (typeof staffInvitationStatuses)[number];

export interface StaffInvitationListRow {
  id: string;
  email: string;
  role: MemberRole;
  status: StaffInvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  /** Resends of the last hour (see `reissue`). */
  resentAt: Date[];
}

/**
 * A revoked invitation's token hash is replaced by `revoked:<id>`: no token hashes to it (hashes
 * are hex), so accepting by token no longer finds the row, and the marker says it was revoked —
 * without a schema change to `one_time_tokens`.
 */
const revokedMarker = sql`'revoked:' || ${oneTimeTokens.id}::text`;

const statusExpression = sql<StaffInvitationStatus>`case
  when ${oneTimeTokens.tokenHash} like 'revoked:%' then 'revoked'
  when ${oneTimeTokens.usedAt} is not null then 'accepted'
  when ${oneTimeTokens.expiresAt} <= now() then 'expired'
  else 'pending' end`;

const listColumns = {
  id: oneTimeTokens.id,
  email: oneTimeTokens.email,
  role: sql<MemberRole>`${oneTimeTokens.role}`,
  status: statusExpression,
  createdAt: oneTimeTokens.createdAt,
  expiresAt: oneTimeTokens.expiresAt,
  resentAt: oneTimeTokens.resentAt,
};

const ofOrganization = (organizationId: string): SQL[] => [
  eq(oneTimeTokens.purpose, 'staff_invitation'),
  eq(oneTimeTokens.organizationId, organizationId),
];

/** An organization's view and control of the staff invitations it sent. */
export const teamInvitationAdminRepository = {
  /** One page of the organization's staff invitations, newest first (fetches `limit` rows). */
  async page(
    db: Db,
    organizationId: string,
    filter: {
      status?: StaffInvitationStatus | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<StaffInvitationListRow[]> {
    const conditions = ofOrganization(organizationId);
    if (filter.status) conditions.push(sql`${statusExpression} = ${filter.status}`);
    if (filter.cursor)
      conditions.push(
        sql`(${oneTimeTokens.createdAt}, ${oneTimeTokens.id}) < (select t.created_at, t.id from one_time_tokens t where t.id = ${filter.cursor})`,
      );
    return db
      .select(listColumns)
      .from(oneTimeTokens)
      .where(and(...conditions))
      .orderBy(desc(oneTimeTokens.createdAt), desc(oneTimeTokens.id))
      .limit(filter.limit);
  },

  /** The organization's invitation, locked against a concurrent accept; any other id is undefined. */
  async findForOrganization(
    db: Db,
    organizationId: string,
    id: string,
  ): Promise<StaffInvitationListRow | undefined> {
    const [row] = await db
      .select(listColumns)
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.id, id), ...ofOrganization(organizationId)))
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
  ): Promise<StaffInvitationListRow> {
    const [row] = await db
      .update(oneTimeTokens)
      .set(values)
      .where(eq(oneTimeTokens.id, id))
      .returning(listColumns);
    if (!row) throw new Error('reissue found no invitation');
    return row;
  },

  /** Revokes by replacing the token hash with the revoked marker (see above). */
  async markRevoked(db: Db, id: string): Promise<void> {
    await db
      .update(oneTimeTokens)
      .set({ tokenHash: revokedMarker })
      .where(eq(oneTimeTokens.id, id));
  },
};
