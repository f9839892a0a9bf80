import type { Db } from '../../platform/db/database.js';
import { legacyChain, platformChain } from './audit-chain.js';
import {
  auditCheckpointRepository,
  type ChainCheckpoint,
  type CheckpointMismatch,
  type WitnessCheckpoint,
} from './audit-checkpoint.repository.js';
import { auditRowHash, genesisHash, type AuditContent } from './audit-hash.js';
import { auditRepository, type AuditRow } from './audit.repository.js';

export type AuditTamperReason =
  /** The entry's columns no longer hash to the hash stored with it: it was edited. */
  | 'content changed'
  /** The entry does not follow the one before it: an entry before it was deleted or reordered. */
  | 'chain link broken'
  /** A checkpoint (or the chain's head) names an entry past the chain's end: its tail was deleted. */
  | 'tail missing after checkpoint'
  /** The entry a checkpoint names has another hash now: entries up to it were replaced. */
  | 'differs from checkpoint';

/** The first entry of a chain that fails, and why. */
export interface AuditChainBreak {
  /** Its sequence in the chain (for a deleted tail: the first missing one). */
  sequence: number;
  /** Its position in the log, when the entry still exists. */
  position: number | null;
  reason: AuditTamperReason;
  /**
   * For the checkpoint reasons: the checkpoint that failed (source `head`: the chain's head row;
   * `witness`: a checkpoint read from the application log).
   */
  checkpoint?: Pick<CheckpointMismatch, 'sequence' | 'source' | 'recordedAt'>;
}

export interface AuditChainReport {
  /** `org:<id>`, `platform` or `legacy`. */
  chain: string;
  /** Entries verified, in sequence order, before the break if there is one. */
  entries: number;
  /** The newest entry verified. */
  last: { sequence: number; position: number; hash: string } | null;
  broken: AuditChainBreak | null;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries verified over all chains. */
  entries: number;
  /** Every chain: legacy, platform, then organizations. */
  chains: AuditChainReport[];
}

const batchSize = 1000;

/** The content exactly as `recordAudit` hashed it, rebuilt from the stored columns. */
export function storedContent(row: AuditRow): AuditContent {
  const content: AuditContent = {
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
  // Legacy entries were hashed before entries had a chain and a sequence (ADR 0008).
  if (row.chain === legacyChain) return content;
  return { ...content, chain: row.chain, sequence: row.sequence };
}

/** Why an entry does not follow its predecessor in its chain, or `null` when it does. */
function checkRow(row: AuditRow, previous: AuditChainReport['last']): AuditTamperReason | null {
  // A deleted or reordered entry: this one no longer follows the entry before it.
  if (row.sequence !== (previous?.sequence ?? 0) + 1) return 'chain link broken';
  if (row.previousHash !== (previous?.hash ?? genesisHash)) return 'chain link broken';
  // An edited entry: its columns no longer hash to the hash stored with it.
  if (auditRowHash(row.previousHash, storedContent(row)) !== row.hash) return 'content changed';
  return null;
}

const emptyReport = (chain: string): AuditChainReport => ({
  chain,
  entries: 0,
  last: null,
  broken: null,
});

/**
 * Walks every chain in (chain, sequence) order, in batches so memory stays flat, recomputing each
 * entry's link and hash up to the chain's first failure; the rest of a broken chain is skipped.
 */
async function walkChains(db: Db): Promise<Map<string, AuditChainReport>> {
  const reports = new Map<string, AuditChainReport>();
  let current: AuditChainReport | undefined;
  let cursor: { chain: string; sequence: number } | null = null;
  for (;;) {
    const batch = await auditRepository.chainBatch(db, cursor, batchSize);
    for (const row of batch) {
      if (current?.chain !== row.chain) {
        current = emptyReport(row.chain);
        reports.set(row.chain, current);
      }
      if (current.broken) continue;
      const reason = checkRow(row, current.last);
      if (reason) {
        current.broken = { sequence: row.sequence, position: row.position, reason };
        continue;
      }
      current.last = { sequence: row.sequence, position: row.position, hash: row.hash };
      current.entries += 1;
    }
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return reports;
    // A broken chain is not read further: the next batch starts at the next chain.
    cursor = {
      chain: last.chain,
      sequence: current?.broken ? Number.MAX_SAFE_INTEGER : last.sequence,
    };
  }
}

/** The break a failed checkpoint means for its chain, given how far the walk verified it. */
function checkpointBreak(report: AuditChainReport, mismatch: CheckpointMismatch): AuditChainBreak {
  const checkpoint = {
    sequence: mismatch.sequence,
    source: mismatch.source,
    recordedAt: mismatch.recordedAt,
  };
  if (mismatch.found)
    return {
      sequence: mismatch.sequence,
      position: mismatch.found.position,
      reason: 'differs from checkpoint',
      checkpoint,
    };
  const end = report.last?.sequence ?? 0;
  return {
    sequence: mismatch.sequence > end ? end + 1 : mismatch.sequence,
    position: null,
    reason: 'tail missing after checkpoint',
    checkpoint,
  };
}

const chainRank = (chain: string) => (chain === legacyChain ? 0 : chain === platformChain ? 1 : 2);

/**
 * Verifies every audit chain: each entry's link and hash, then every checkpoint and chain head —
 * and the `witnesses`, checkpoints read from the application log — against the entries they name
 * (a deleted tail leaves a checkpoint pointing past the end). Each chain reports its first broken
 * entry. Read-only; `checkpointVerifiedChains` records the result.
 */
export async function verifyAuditChains(
  db: Db,
  witnesses: readonly WitnessCheckpoint[] = [],
): Promise<AuditVerification> {
  const reports = await walkChains(db);
  // After the walk: every checkpoint taken before or during it names an entry that existed.
  for (const mismatch of await auditCheckpointRepository.mismatches(db, witnesses)) {
    let report = reports.get(mismatch.chain);
    if (!report) {
      report = emptyReport(mismatch.chain);
      reports.set(mismatch.chain, report);
    }
    const found = checkpointBreak(report, mismatch);
    if (!report.broken || found.sequence < report.broken.sequence) report.broken = found;
  }
  const chains = [...reports.values()].sort(
    (a, b) => chainRank(a.chain) - chainRank(b.chain) || (a.chain < b.chain ? -1 : 1),
  );
  return {
    ok: chains.every((chain) => chain.broken === null),
    entries: chains.reduce((sum, chain) => sum + chain.entries, 0),
    chains,
  };
}

/**
 * Records a checkpoint of each intact chain's newest verified entry (when it is newer than the
 * chain's newest checkpoint), so deleting entries up to there is detected from now on.
 */
export async function checkpointVerifiedChains(
  db: Db,
  verification: AuditVerification,
): Promise<ChainCheckpoint[]> {
  const tails = verification.chains.flatMap((chain) =>
    chain.broken === null && chain.last
      ? [{ chain: chain.chain, sequence: chain.last.sequence, hash: chain.last.hash }]
      : [],
  );
  return auditCheckpointRepository.checkpoint(db, tails, 'verify');
}
