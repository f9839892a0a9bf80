import fs from 'node:fs/promises';
import {
  checkpointVerifiedChains,
  formatAuditVerification,
  logCheckpoints,
  readWitnessCheckpoints,
  verifyAuditChains,
} from '../../modules/audit/index.js';
import { withContainer } from '../cli-context.js';

/**
 * `spareflow audit verify [--witness <log file>]`: recomputes every audit chain and checks it
 * against its checkpoints (and those logged in the file, if given); exit 1 names the first broken
 * entry of each broken chain. Intact chains are checkpointed.
 */
export async function auditVerifyCommand(options: { witness?: string }): Promise<void> {
  const witnesses = options.witness
    ? readWitnessCheckpoints(await fs.readFile(options.witness, 'utf8'))
    : [];
  await withContainer({ migrate: false }, async (container) => {
    const { db } = container.database;
    const result = await verifyAuditChains(db, witnesses);
    const checkpoints = await checkpointVerifiedChains(db, result);
    logCheckpoints(container.logger, 'verify', checkpoints);
    const lines = formatAuditVerification(result, checkpoints.length);
    if (options.witness)
      lines.push(`Checked against ${witnesses.length} checkpoints logged in ${options.witness}.`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!result.ok) process.exitCode = 1;
  });
}
