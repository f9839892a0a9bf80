import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Organization } from './identity.repository.js';
import { memberships, organizations, users, type MemberRole } from './identity.tables.js';
import { oneTimeTokens } from './session.tables.js';

export interface StaffInvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
}

/** Staff invitations: `one_time_tokens` rows of purpose `staff_invitation`. */
export const teamInvitationRepository = {
  async insert(
    db: Db,
    values: {
      organizationId: string;
      email: string;
      role: MemberRole;
      tokenHash: string;
      ttlDays: number;
    },
  ): Promise<StaffInvitationRow> {
    const [row] = await db
      .insert(oneTimeTokens)
      .values({
        purpose: 'staff_invitation',
        tokenHash: values.tokenHash,
        organizationId: values.organizationId,
        email: values.email,
        role: values.role,
        expiresAt: sql`now() + make_interval(days => ${values.ttlDays})`,
      })
      .returning({
        id: oneTimeTokens.id,
        email: oneTimeTokens.email,
        role: oneTimeTokens.role,
        expiresAt: oneTimeTokens.expiresAt,
      });
    if (!row) throw new Error('invitation insert returned nothing');
    return { ...row, role: row.role as MemberRole };
  },

  /**
   * Marks a live invitation used and returns it, in one statement: of two concurrent accepts
   * exactly one wins. Unknown, expired or already used tokens return undefined.
   */
  async consume(db: Db, tokenHash: string) {
    const [row] = await db
      .update(oneTimeTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, 'staff_invitation'),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({
        email: oneTimeTokens.email,
        organizationId: oneTimeTokens.organizationId,
        role: oneTimeTokens.role,
      });
    if (!row?.organizationId || !row.role) return undefined;
    return { email: row.email, organizationId: row.organizationId, role: row.role as MemberRole };
  },

  /**
   * What the accept page shows: the live invitation (unused, unexpired, organization active), its
   * organization, and whether an account with the invited e-mail exists (then the page asks for
   * that account's password instead of a new name and password). Reads only.
   */
  async findPendingPreview(db: Db, tokenHash: string) {
    const [row] = await db
      .select({
        organizationName: organizations.name,
        organizationType: organizations.type,
        role: oneTimeTokens.role,
        email: oneTimeTokens.email,
        expiresAt: oneTimeTokens.expiresAt,
        existingUser: sql<boolean>`exists (select 1 from ${users} where lower(${users.email}) = lower(${oneTimeTokens.email}))`,
      })
      .from(oneTimeTokens)
      .innerJoin(organizations, eq(organizations.id, oneTimeTokens.organizationId))
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, 'staff_invitation'),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, sql`now()`),
          eq(organizations.status, 'active'),
        ),
      )
      .limit(1);
    if (!row?.role) return undefined;
    return { ...row, role: row.role as MemberRole };
  },

  async findOrganization(db: Db, id: string): Promise<Organization | undefined> {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
    return row;
  },

  /** Adds a membership; false when the user is already a member (the role is left unchanged). */
  async addMembership(
    db: Db,
    values: { userId: string; organizationId: string; role: MemberRole },
  ): Promise<boolean> {
    const rows = await db
      .insert(memberships)
      .values(values)
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    return rows.length > 0;
  },
};
