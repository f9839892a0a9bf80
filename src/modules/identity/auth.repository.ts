import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  memberships,
  organizations,
  users,
  type MemberRole,
  type OrganizationType,
} from './identity.tables.js';

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
  organizationStatus: 'active' | 'suspended';
  role: MemberRole;
}

/** Consecutive failures that lock an account, and for how long. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

/** Whole seconds until the lock ends (database clock), 0 when not locked. */
const lockSecondsRemaining = sql<number>`coalesce(greatest(0, ceil(extract(epoch from ${users.lockedUntil} - now())))::int, 0)`;
const notLocked = sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= now())`;

/** Login bookkeeping and the membership views of a user. */
export const authRepository = {
  /** A user's memberships, oldest first (the default organization of a login is the oldest). */
  async listMemberships(db: Db, userId: string): Promise<MembershipView[]> {
    return db
      .select({
        organizationId: organizations.id,
        organizationName: organizations.name,
        organizationType: organizations.type,
        organizationStatus: organizations.status,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt), asc(organizations.id));
  },

  async findUserById(db: Db, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        phone: users.phone,
        emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    return row;
  },

  /** The login facts of a user by e-mail (case-insensitive), with the lock's remaining seconds. */
  async findLoginUser(db: Db, email: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        passwordHash: users.passwordHash,
        lockSeconds: lockSecondsRemaining,
      })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
      .limit(1);
    return row;
  },

  /**
   * Counts one failed login in a single atomic statement; the failure that reaches the limit
   * locks the account and restarts the count. Returns the seconds the account stays locked (it
   * may have been locked by this failure or by a concurrent one), or 0 when it is not locked.
   */
  async recordFailedLogin(db: Db, userId: string): Promise<number> {
    const reachesLimit = sql`${users.failedLoginCount} + 1 >= ${lockoutPolicy.maxFailures}`;
    const [row] = await db
      .update(users)
      .set({
        failedLoginCount: sql`case when ${reachesLimit} then 0 else ${users.failedLoginCount} + 1 end`,
        lockedUntil: sql`case when ${reachesLimit}
          then now() + make_interval(mins => ${lockoutPolicy.lockMinutes})
          else ${users.lockedUntil} end`,
      })
      .where(and(eq(users.id, userId), notLocked))
      .returning({ lockSeconds: lockSecondsRemaining });
    if (row) return row.lockSeconds;
    const [current] = await db
      .select({ lockSeconds: lockSecondsRemaining })
      .from(users)
      .where(eq(users.id, userId));
    return current?.lockSeconds ?? 0;
  },

  async resetFailedLogins(db: Db, userId: string): Promise<void> {
    await db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(
        sql`${users.id} = ${userId} and (${users.failedLoginCount} <> 0 or ${users.lockedUntil} is not null)`,
      );
  },
};
