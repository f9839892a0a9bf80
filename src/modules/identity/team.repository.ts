import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { memberships, users, type MemberRole } from './identity.tables.js';
import { refreshTokens } from './session.tables.js';

export interface TeamMemberRow {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

/** Members of one organization. Every query is filtered by the caller's organization id. */
export const teamRepository = {
  async list(db: Db, organizationId: string): Promise<TeamMemberRow[]> {
    return db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organizationId))
      .orderBy(asc(memberships.createdAt), asc(memberships.userId));
  },

  /** The membership, locked for the rest of the transaction. */
  async findForUpdate(
    db: Db,
    organizationId: string,
    userId: string,
  ): Promise<TeamMemberRow | undefined> {
    const [row] = await db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .for('update', { of: memberships })
      .limit(1);
    return row;
  },

  /** Owners of the organization, locked, so two concurrent demotions cannot both pass the check. */
  async lockOwners(db: Db, organizationId: string): Promise<number> {
    const rows = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')))
      .for('update');
    return rows.length;
  },

  async setRole(db: Db, organizationId: string, userId: string, role: MemberRole): Promise<void> {
    await db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  },

  async remove(db: Db, organizationId: string, userId: string): Promise<void> {
    await db
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  },

  /** Revokes the user's live refresh tokens (every family) that act for this organization. */
  async revokeSessions(db: Db, organizationId: string, userId: string): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          eq(refreshTokens.organizationId, organizationId),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    return rows.length;
  },
};
