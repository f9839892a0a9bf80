import type { Db } from '../../platform/db/database.js';
import { auditRowHash, genesisHash, type AuditContent } from './audit-hash.js';
import { auditRepository, type AuditRow } from './audit.repository.js';

export type AuditTamperReason = 'content changed' | 'chain link broken';

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: { position: number; reason: AuditTamperReason } };

const batchSize = 1000;

/** The content exactly as `recordAudit` hashed it, rebuilt from the stored columns. */
export function storedContent(row: AuditRow): AuditContent {
  return {
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorApiKeyId: row.actorApiKeyId,
    organizationId: row.organizationId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}

/** Why a row does not follow its predecessor in the chain, or `null` when it does. */
function checkRow(row: AuditRow, previousHash: string): AuditTamperReason | null {
  // A deleted or reordered row: this one no longer points at the row before it.
  if (row.previousHash !== previousHash) return 'chain link broken';
  // An edited row: its columns no longer hash to the hash stored with it.
  if (auditRowHash(previousHash, storedContent(row)) !== row.hash) return 'content changed';
  return null;
}

/**
 * Walks the whole audit log in position order (in batches, so memory stays flat) and recomputes
 * the hash chain. Returns the first row that fails: `rows` then counts the rows verified before it.
 * Gaps in `position` are normal (a rolled-back transaction consumes a sequence value); only the
 * hashes matter. Deleting the newest rows cannot be detected from the log alone.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let previousHash = genesisHash;
  let lastPosition = 0;
  let rows = 0;
  for (;;) {
    const batch = await auditRepository.chainBatch(db, lastPosition, batchSize);
    for (const row of batch) {
      const reason = checkRow(row, previousHash);
      if (reason) return { ok: false, rows, brokenAt: { position: row.position, reason } };
      previousHash = row.hash;
      lastPosition = row.position;
      rows += 1;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
