import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from './identity.tables.js';
import { oneTimeTokens, refreshTokens, type OneTimeTokenPurpose } from './session.tables.js';

/** E-mailed single-use tokens and the account changes they authorise. Times use the DB clock. */
export const oneTimeTokenRepository = {
  async insert(
    db: Db,
    values: {
      purpose: OneTimeTokenPurpose;
      tokenHash: string;
      userId: string;
      email: string;
      ttlMinutes: number;
    },
  ): Promise<void> {
    await db.insert(oneTimeTokens).values({
      purpose: values.purpose,
      tokenHash: values.tokenHash,
      userId: values.userId,
      email: values.email,
      expiresAt: sql`now() + make_interval(mins => ${values.ttlMinutes})`,
    });
  },

  /**
   * Marks a live token used and returns whom it was for, in one statement: of two concurrent
   * uses exactly one wins. Unknown, expired, already used or other-purpose tokens return undefined.
   */
  async consume(db: Db, purpose: OneTimeTokenPurpose, tokenHash: string) {
    const [row] = await db
      .update(oneTimeTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: oneTimeTokens.userId, email: oneTimeTokens.email });
    return row?.userId ? { userId: row.userId, email: row.email } : undefined;
  },

  /** Sets a new password hash and clears the failed-login count and any lock. */
  async setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
    await db
      .update(users)
      .set({ passwordHash, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, userId));
  },

  /** Revokes every live refresh token of the user (all sessions, all families). */
  async revokeAllSessions(db: Db, userId: string): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  },

  /** Marks the address verified if it is still the user's address; true when it is. */
  async markEmailVerified(db: Db, userId: string, email: string): Promise<boolean> {
    const rows = await db
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, userId), sql`lower(${users.email}) = lower(${email})`))
      .returning({ id: users.id });
    return rows.length > 0;
  },

  async findAccount(db: Db, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        passwordHash: users.passwordHash,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    return row;
  },
};
