import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { apiKeys } from './session.tables.js';

/** What may be shown about a key: never the key, never its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  scope: 'read' | 'read_write';
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** An organization's API keys. Every query is filtered by the caller's organization id. */
export const apiKeyRepository = {
  async insert(
    db: Db,
    values: {
      organizationId: string;
      name: string;
      scope: 'read' | 'read_write';
      prefix: string;
      keyHash: string;
      createdBy: string;
    },
  ): Promise<ApiKeySummary> {
    const [row] = await db.insert(apiKeys).values(values).returning(summaryColumns);
    if (!row) throw new Error('api key insert returned nothing');
    return row;
  },

  async listForOrganization(db: Db, organizationId: string): Promise<ApiKeySummary[]> {
    return db
      .select(summaryColumns)
      .from(apiKeys)
      .where(eq(apiKeys.organizationId, organizationId))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  },

  async findInOrganization(
    db: Db,
    organizationId: string,
    id: string,
  ): Promise<ApiKeySummary | undefined> {
    const [row] = await db
      .select(summaryColumns)
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, organizationId)))
      .for('update')
      .limit(1);
    return row;
  },

  /** Sets `revoked_at` once; revoking an already revoked key keeps the first time. */
  async revoke(db: Db, organizationId: string, id: string): Promise<ApiKeySummary | undefined> {
    const [row] = await db
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, organizationId)))
      .returning(summaryColumns);
    return row;
  },
};
