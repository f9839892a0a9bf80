/**
 * The imports module's public surface: bulk CSV. The composition root registers the routes (parts
 * and stock imports as durable jobs, their status and error reports, the parts, stock and
 * movement exports) and the `import.run` job with its dependencies (`ImportDeps`).
 */
export type { ImportDeps } from './import-run.js';
export { importRunJob } from './import.job.js';
export { importAuditLabels } from './import-audit-labels.repository.js';
export { registerImportRoutes } from './import.routes.js';
