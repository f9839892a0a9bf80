import type { Tx } from '../../platform/db/transaction.js';
import { removeSecrets } from '../../platform/logging/redaction.js';
import { auditChainOf } from './audit-chain.js';
import { auditChainRepository } from './audit-chain.repository.js';
import { auditRowHash, type AuditContent } from './audit-hash.js';
import type { AuditAction } from './audit-vocabulary.js';

export interface AuditEntry {
  actor: { userId?: string | null; apiKeyId?: string | null };
  organizationId: string | null;
  /** Stable verb from the labelled catalogue (`audit-vocabulary.ts`), e.g. `api_key.revoked`. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

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
 * Appends one entry to its organization's hash chain (the platform chain when it has none) inside
 * the caller's transaction, so the entry exists exactly when the change it records committed.
 *
 * Lock order: this locks the chain's head row until commit, so call it LAST in the transaction,
 * after every other row lock (documents, stock levels, wallet accounts…); a transaction appends to
 * one chain (two chains in opposite orders in two transactions would deadlock). Audited writes of
 * different organizations never wait on each other (ADR 0008).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const chain = auditChainOf(entry.organizationId);
  const head = await auditChainRepository.lockHead(tx, chain);
  const occurredAt = (await auditChainRepository.now(tx)).toISOString();
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
    chain,
    sequence: head.sequence + 1,
  };
  await auditChainRepository.append(tx, {
    ...content,
    chain,
    sequence: head.sequence + 1,
    previousHash: head.hash,
    hash: auditRowHash(head.hash, content),
  });
}
