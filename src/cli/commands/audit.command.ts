import { formatAuditVerification } from '../../modules/audit/audit-verify-report.js';
import {
  checkpointVerifiedChains,
  verifyAuditChains,
} from '../../modules/audit/audit-verify.service.js';
import { logCheckpoints } from '../../modules/audit/audit-checkpoint.service.js';
import { withContainer } from '../cli-context.js';

/**
 * `spareflow audit verify`: recomputes every audit chain and checks it against its checkpoints;
 * exit 1 names the first broken entry of each broken chain. Intact chains are checkpointed.
 */
export async function auditVerifyCommand(): Promise<void> {
  await withContainer({ migrate: false }, async (container) => {
    const { db } = container.database;
    const result = await verifyAuditChains(db);
    const checkpoints = await checkpointVerifiedChains(db, result);
    logCheckpoints(container.logger, 'verify', checkpoints);
    process.stdout.write(`${formatAuditVerification(result, checkpoints.length).join('\n')}\n`);
    if (!result.ok) process.exitCode = 1;
  });
}
