import { verifyAuditChain } from '../../modules/audit/audit-verify.service.js';
import { withContainer } from '../cli-context.js';

/** `spareflow audit verify`: recomputes the hash chain; exit 1 names the first tampered entry. */
export async function auditVerifyCommand(): Promise<void> {
  await withContainer({ migrate: false }, async (container) => {
    const result = await verifyAuditChain(container.database.db);
    if (result.ok) {
      process.stdout.write(`Audit log intact: ${result.rows} entries verified.\n`);
      return;
    }
    process.stdout.write(
      `Audit log TAMPERED at entry #${result.brokenAt.position}: ${result.brokenAt.reason}\n`,
    );
    process.exitCode = 1;
  });
}
