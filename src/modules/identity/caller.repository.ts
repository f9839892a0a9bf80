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

/**
 * The two reads every authenticated request makes, as named prepared statements (planned once per
 * connection instead of on every request). Prepared per database handle: one for the pool, one
 * per transaction that asks.
 */
function prepareCallerReads(db: Db) {
  return {
    membership: db
      .select({
        role: memberships.role,
        organizationType: organizations.type,
        organizationStatus: organizations.status,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(
        and(
          eq(memberships.userId, sql.placeholder('userId')),
          eq(memberships.organizationId, sql.placeholder('organizationId')),
        ),
      )
      .limit(1)
      .prepare('caller_membership'),
    apiKey: db
      .select({
        id: apiKeys.id,
        organizationId: apiKeys.organizationId,
        organizationType: organizations.type,
        organizationStatus: organizations.status,
        scope: apiKeys.scope,
      })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
      .where(and(eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
      .limit(1)
      .prepare('caller_api_key'),
  };
}

const preparedReads = new WeakMap<Db, ReturnType<typeof prepareCallerReads>>();

function callerReads(db: Db): ReturnType<typeof prepareCallerReads> {
  let reads = preparedReads.get(db);
  if (!reads) {
    reads = prepareCallerReads(db);
    preparedReads.set(db, reads);
  }
  return reads;
}

/** The facts authentication needs about a caller, read fresh on every request. */
export const callerRepository = {
  async findMembership(
    db: Db,
    userId: string,
    organizationId: string,
  ): Promise<MembershipFacts | undefined> {
    const [row] = await callerReads(db).membership.execute({ userId, organizationId });
    return row;
  },

  async findActiveApiKey(db: Db, keyHash: string): Promise<ApiKeyFacts | undefined> {
    const [row] = await callerReads(db).apiKey.execute({ keyHash });
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
