import type { AppConfig, IntegrationName } from '../../config/config.js';
import { migrationStatus } from '../../platform/db/migrations.js';
import type { Database } from '../../platform/db/database.js';
import type { ReadinessCheck } from '../../platform/health/health.routes.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { DoctorCheck } from './doctor.service.js';

/** Readiness checks used by `/health/ready`: fast, and each names what fails. */
export function readinessChecks(database: Database, jobs: JobQueue): ReadinessCheck[] {
  return [
    {
      name: 'database',
      run: async () => {
        await database.pool.query('select 1');
        return { ok: true };
      },
    },
    {
      name: 'migrations',
      run: async () => {
        const status = await migrationStatus(database.pool);
        return status.pending.length === 0
          ? { ok: true, detail: `${status.applied} applied` }
          : { ok: false, detail: `pending: ${status.pending.join(', ')}` };
      },
    },
    {
      name: 'job_queue',
      run: async () => {
        const running = jobs.isRunning;
        if (!running) return { ok: false, detail: 'queue not started' };
        await database.pool.query('select version from pgboss.version');
        return { ok: true };
      },
    },
  ];
}

const integrationLabels: Record<IntegrationName, { label: string; variable: string }> = {
  dtdc: { label: 'DTDC courier', variable: 'DTDC_API_KEY_NEW' },
  razorpay: { label: 'Razorpay payments', variable: 'RAZORPAY_KEY_ID' },
  email: { label: 'SMTP e-mail', variable: 'EMAIL_HOST' },
  whatsapp: { label: 'WhatsApp Cloud API', variable: 'WHATSAPP_ACCESS_TOKEN' },
  openai: { label: 'OpenAI', variable: 'OPENAI_API_KEY' },
};

/** The platform's own lines of the doctor report; capabilities append theirs. */
export function platformDoctorChecks(
  config: AppConfig,
  database: Database,
  jobs: JobQueue,
): DoctorCheck[] {
  const checks: DoctorCheck[] = [
    {
      name: 'configuration',
      run: async () => ({ status: 'ok', detail: `valid (NODE_ENV=${config.env})` }),
    },
    {
      name: 'jwt secret',
      run: async () =>
        config.jwtSecret
          ? { status: 'ok', detail: 'JWT_SECRET set' }
          : {
              status: config.isProduction ? 'fail' : 'info',
              detail: `generated and kept in ${config.dataDir}/jwt-secret (set JWT_SECRET in production)`,
            },
    },
    {
      name: 'database',
      run: async () => {
        const { rows } = await database.pool.query<{ server_version: string }>(
          'show server_version',
        );
        return {
          status: 'ok',
          detail: `${database.description}, PostgreSQL ${rows[0]?.server_version ?? '?'}`,
        };
      },
    },
    {
      name: 'migrations',
      run: async () => {
        const status = await migrationStatus(database.pool);
        return status.pending.length === 0
          ? { status: 'ok', detail: `current (${status.applied}/${status.total} applied)` }
          : {
              status: 'fail',
              detail: `${status.pending.length} pending: ${status.pending.join(', ')} — run \`spareflow migrate\``,
            };
      },
    },
    {
      name: 'job queue',
      run: async () => {
        const stats = await jobs.stats();
        const failed = stats.reduce((sum, queue) => sum + queue.failed, 0);
        const queued = stats.reduce((sum, queue) => sum + queue.queued, 0);
        const detail = `${stats.length} queues, ${queued} waiting, ${failed} failed`;
        return {
          status: failed > 0 ? 'warn' : 'ok',
          detail: failed > 0 ? `${detail} — see \`spareflow jobs failed\`` : detail,
        };
      },
    },
  ];
  for (const [name, mode] of Object.entries(config.integrations) as Array<
    [IntegrationName, string]
  >) {
    const { label, variable } = integrationLabels[name];
    checks.push({
      name: label,
      run: async () =>
        mode === 'live'
          ? { status: 'ok', detail: 'live (credentials present and well-formed)' }
          : {
              status: config.isProduction ? 'warn' : 'info',
              detail: `sandbox (set ${variable} and its companions for live)`,
            },
    });
  }
  return checks;
}
