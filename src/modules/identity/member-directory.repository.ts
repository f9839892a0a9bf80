import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { memberships, users } from './identity.tables.js';
import { apiKeys } from './session.tables.js';

/**
 * Names of an organization's people and API keys. Every read is bounded by one organization's
 * memberships (or keys): a name is never read for someone outside it.
 */
export const memberDirectoryRepository = {
  /** `[userId, name]` of those of `userIds` who are members of the organization. */
  async memberNames(
    db: Db,
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Array<{ id: string; name: string }>> {
    if (userIds.length === 0) return [];
    return db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, organizationId),
          inArray(memberships.userId, [...userIds]),
        ),
      );
  },

  /** `[apiKeyId, name]` of those of `apiKeyIds` that belong to the organization (revoked too). */
  async apiKeyNames(
    db: Db,
    organizationId: string,
    apiKeyIds: readonly string[],
  ): Promise<Array<{ id: string; name: string }>> {
    if (apiKeyIds.length === 0) return [];
    return db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, organizationId), inArray(apiKeys.id, [...apiKeyIds])));
  },

  /** A member's name and contact, or undefined when the user is not a member of the organization. */
  async memberContact(
    db: Db,
    organizationId: string,
    userId: string,
  ): Promise<{ name: string; email: string; phone: string | null } | undefined> {
    const [row] = await db
      .select({ name: users.name, email: users.email, phone: users.phone })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .limit(1);
    return row;
  },
};
