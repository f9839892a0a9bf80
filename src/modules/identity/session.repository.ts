import { and, eq, getTableColumns, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { refreshTokens } from './session.tables.js';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Refresh tokens live 30 days from issue; each rotation issues a fresh 30-day token. */
export const refreshTokenTtlDays = 30;

/** Data access for refresh-token families. Callers pass the transaction's `db` where it matters. */
export const sessionRepository = {
  async insert(
    db: Db,
    values: { familyId: string; userId: string; organizationId: string; tokenHash: string },
  ): Promise<void> {
    await db.insert(refreshTokens).values({
      ...values,
      expiresAt: sql`now() + make_interval(days => ${refreshTokenTtlDays})`,
    });
  },

  /**
   * The presented token's row, locked until the transaction ends, so two refreshes of one token
   * are decided one after the other (the second sees `rotated_at` and revokes the family).
   * `expired` is judged by the database clock.
   */
  async findForUpdate(
    db: Db,
    tokenHash: string,
  ): Promise<(RefreshTokenRow & { expired: boolean }) | undefined> {
    const [row] = await db
      .select({
        ...getTableColumns(refreshTokens),
        expired: sql<boolean>`${refreshTokens.expiresAt} <= now()`,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1)
      .for('update');
    return row;
  },

  async markRotated(db: Db, id: string): Promise<void> {
    await db
      .update(refreshTokens)
      .set({ rotatedAt: sql`now()` })
      .where(eq(refreshTokens.id, id));
  },

  /** Revokes every still-live token of the family; returns how many were revoked. */
  async revokeFamily(db: Db, familyId: string): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  },

  /**
   * Revokes every still-live token of the user in every family except `keepFamilyId` (the
   * caller's own session); returns how many were revoked.
   */
  async revokeOtherSessionsOfUser(
    db: Db,
    userId: string,
    keepFamilyId: string | undefined,
  ): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          keepFamilyId === undefined ? undefined : ne(refreshTokens.familyId, keepFamilyId),
        ),
      )
      .returning({ id: refreshTokens.id });
    return rows.length;
  },

  /** Revokes every still-live token of the user, in every family and organization. */
  async revokeAllOfUser(db: Db, userId: string): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  },

  async findFamilyId(db: Db, tokenHash: string): Promise<string | undefined> {
    const [row] = await db
      .select({ familyId: refreshTokens.familyId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1);
    return row?.familyId;
  },
};
