import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.js';
import type { Logger } from '../../platform/logging/logger.js';
import { auditCheckpointRepository, type ChainCheckpoint } from './audit-checkpoint.repository.js';
import type { AuditCheckpointSource } from './audit.tables.js';

/**
 * Writes each checkpoint to the log as well: a witness outside the database, so someone who can
 * rewrite the audit tables (triggers disabled) still cannot make the record agree (ADR 0008).
 */
export function logCheckpoints(
  logger: Logger,
  source: AuditCheckpointSource,
  checkpoints: readonly ChainCheckpoint[],
): void {
  for (const { chain, sequence, hash } of checkpoints)
    logger.info(
      { auditCheckpoint: { chain, sequence, entryHash: hash, source } },
      'audit chain checkpoint',
    );
}

/** Checkpoints every chain whose head moved since its newest checkpoint, and logs each one. */
export async function checkpointAuditChains(db: Db, logger: Logger): Promise<ChainCheckpoint[]> {
  const checkpoints = await auditCheckpointRepository.checkpointHeads(db, 'schedule');
  logCheckpoints(logger, 'schedule', checkpoints);
  logger.info({ chains: checkpoints.length }, 'audit chains checkpointed');
  return checkpoints;
}

/** Daily at 00:10 UTC, on whichever worker picks it up (the inventory reconciler's pattern). */
export function auditCheckpointJob(db: Db): JobDefinition<Record<string, unknown>> {
  return defineJob({
    name: 'audit.checkpoint',
    payload: z.object({}).loose(),
    cron: '10 0 * * *',
    retryLimit: 3,
    handler: async (_payload, context) => {
      // A repeated delivery finds nothing newer to checkpoint: it is idempotent by construction.
      await checkpointAuditChains(db, context.logger);
    },
  });
}
