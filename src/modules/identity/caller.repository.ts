import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  memberships,
  organizations,
  type MemberRole,
  type OrganizationType,
} from './identity.tables.js';
import { apiKeys } from './session.tables.js';

export interface MembershipFacts {
  role: MemberRole;
  organizationType: OrganizationType;
  organizationStatus: 'active' | 'suspended';
}

export interface ApiKeyFacts {
  id: string;
  organizationId: string;
  organizationType: OrganizationType;
  organizationStatus: 'active' | 'suspended';
  scope: 'read' | 'read_write';
}

/** The facts authentication needs about a caller, read fresh on every request. */
export const callerRepository = {
  async findMembership(
    db: Db,
    userId: string,
    organizationId: string,
  ): Promise<MembershipFacts | undefined> {
    const [row] = await db
      .select({
        role: memberships.role,
        organizationType: organizations.type,
        organizationStatus: organizations.status,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
      .limit(1);
    return row;
  },

  async findActiveApiKey(db: Db, keyHash: string): Promise<ApiKeyFacts | undefined> {
    const [row] = await db
      .select({
        id: apiKeys.id,
        organizationId: apiKeys.organizationId,
        organizationType: organizations.type,
        organizationStatus: organizations.status,
        scope: apiKeys.scope,
      })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
      .limit(1);
    return row;
  },

  /** Records use at most once a minute per key, so busy integrations do not write on every call. */
  async touchApiKey(db: Db, id: string): Promise<void> {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  },
};
