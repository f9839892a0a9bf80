import { z } from 'zod';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { apiKeyRepository, type ApiKeySummary } from './api-key.repository.js';
import { hashSecret, newSecret } from '../../platform/crypto/secret-hash.js';

export const apiKeyScopeSchema = z.enum(['read', 'read_write']);

export const newApiKeySchema = z
  .object({ name: z.string().trim().min(1).max(100), scope: apiKeyScopeSchema })
  .strict();
export type NewApiKey = z.infer<typeof newApiKeySchema>;

export const apiKeyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: apiKeyScopeSchema,
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const createdApiKeySchema = apiKeyViewSchema
  .pick({ id: true, name: true, scope: true, prefix: true, createdAt: true })
  .extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** How many leading characters of a key are kept in clear to tell keys apart (`sfk_` + 8). */
export const apiKeyPrefixLength = 12;

function present(row: ApiKeySummary): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The audit's view of a key: what identifies it, never the key or its hash. */
function audited(view: ApiKeyView) {
  return { name: view.name, scope: view.scope, prefix: view.prefix, revokedAt: view.revokedAt };
}

export interface ApiKeyDeps {
  pool: pg.Pool;
  db: Db;
}

/** Issues a key: returned once here, stored only as its SHA-256 hash. */
export async function createApiKey(
  deps: ApiKeyDeps,
  organizationId: string,
  createdBy: string,
  input: NewApiKey,
  audit: AuditContext,
): Promise<CreatedApiKey> {
  const key = newSecret('sfk_');
  return inTransaction(deps.pool, async (tx) => {
    const row = await apiKeyRepository.insert(tx.db, {
      organizationId,
      name: input.name,
      scope: input.scope,
      prefix: key.slice(0, apiKeyPrefixLength),
      keyHash: hashSecret(key),
      createdBy,
    });
    const view = present(row);
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: row.id,
      after: audited(view),
    });
    const { id, name, scope, prefix, createdAt } = view;
    return { id, name, scope, prefix, createdAt, key };
  });
}

export async function listApiKeys(deps: ApiKeyDeps, organizationId: string): Promise<ApiKeyView[]> {
  return (await apiKeyRepository.listForOrganization(deps.db, organizationId)).map(present);
}

/** Revokes a key of the caller's organization; any other id is NOT_FOUND. */
export async function revokeApiKey(
  deps: ApiKeyDeps,
  organizationId: string,
  id: string,
  audit: AuditContext,
): Promise<void> {
  await inTransaction(deps.pool, async (tx) => {
    const current = await apiKeyRepository.findInOrganization(tx.db, organizationId, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such API key.' });
    if (current.revokedAt) return;
    const revoked = await apiKeyRepository.revoke(tx.db, organizationId, id);
    if (!revoked) throw new AppError('NOT_FOUND', { detail: 'No such API key.' });
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: id,
      before: audited(present(current)),
      after: audited(present(revoked)),
    });
  });
}
