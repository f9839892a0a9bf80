/**
 * The audit module's public surface: the tamper-evident audit log. Other modules record what they
 * change with `recordAudit` inside their own transaction (last, after every other lock) and build
 * its context from a request with `auditContextOf`; actions come from the labelled catalogue
 * (`AuditAction`, audit-vocabulary.ts). The composition root registers the audit-log routes with
 * the modules' name readers (`AuditNameSources`: actor names from identity, target labels from
 * each owner — the audit module imports no other module) and the daily checkpoint job;
 * `spareflow audit verify` checks every chain (ADR 0008).
 */
export { recordAudit } from './audit.service.js';
export type { AuditAction } from './audit-vocabulary.js';
export {
  noAuditNames,
  uuidIds,
  type AuditNameSources,
  type AuditTargetLabels,
} from './audit-names.js';
export { auditContextOf, type AuditContext } from './audit-context.js';
export { registerAuditRoutes } from './audit.routes.js';
export { auditCheckpointJob, logCheckpoints } from './audit-checkpoint.service.js';
export { checkpointVerifiedChains, verifyAuditChains } from './audit-verify.service.js';
export { formatAuditVerification } from './audit-verify-report.js';
export { readWitnessCheckpoints } from './audit-witness.js';
