import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/transaction.js';
import { removeSecrets } from '../../platform/logging/redaction.js';
import { auditRowHash, genesisHash, type AuditContent } from './audit-hash.js';
import { auditLog } from './audit.tables.js';

export interface AuditEntry {
  actor: { userId?: string | null; apiKeyId?: string | null };
  organizationId: string | null;
  /** Stable verb, e.g. `user.registered`, `api_key.revoked`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

/** Arbitrary constant: audited transactions take it to append to the chain one at a time. */
const auditChainLockKey = 724_310_002;

/**
 * Secrets never enter the audit log: the same keys as the logs (passwords, tokens, keys…). The
 * value is then taken through JSON, as jsonb stores it, so the hash covers exactly what is stored
 * (a `Date` becomes its ISO string) and `spareflow audit verify` can recompute it.
 */
function withoutSecrets(value: unknown): unknown {
  const json = value === undefined ? undefined : JSON.stringify(removeSecrets(value));
  return json === undefined ? null : (JSON.parse(json) as unknown);
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction, so the entry
 * exists exactly when the change it records committed. The chain is global: a transaction-scoped
 * advisory lock orders appends, and is released at commit or rollback.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.client.query('select pg_advisory_xact_lock($1)', [auditChainLockKey]);
  const [last] = await tx.db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.position))
    .limit(1);
  const previousHash = last?.hash ?? genesisHash;
  const { rows } = await tx.client.query<{ now: Date }>('select clock_timestamp() as now');
  const occurredAt = (rows[0]?.now ?? new Date()).toISOString();
  const content: AuditContent = {
    occurredAt,
    actorUserId: entry.actor.userId ?? null,
    actorApiKeyId: entry.actor.apiKeyId ?? null,
    organizationId: entry.organizationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: withoutSecrets(entry.before),
    after: withoutSecrets(entry.after),
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
  await tx.db.insert(auditLog).values({
    ...content,
    occurredAt: sql`${occurredAt}::timestamptz`,
    previousHash,
    hash: auditRowHash(previousHash, content),
  });
}
