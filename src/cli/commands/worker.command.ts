import { createContainer } from '../../app/container.js';
import { installGracefulShutdown } from '../../app/graceful-shutdown.js';
import { runMigrations } from '../../platform/db/migrations.js';
import { createLogger, prettyLogs } from '../../platform/logging/logger.js';
import { loadConfigOrExit } from '../cli-context.js';

/**
 * `spareflow worker`: only the job worker, for scale-out next to API processes
 * (`WORKER_IN_PROCESS=false spareflow start`). Needs a shared database (DATABASE_URL), or attaches
 * to the embedded server of a SpareFlow running on the same data folder.
 */
export async function workerCommand(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({
    level: config.logLevel,
    pretty: prettyLogs({
      isProduction: config.isProduction,
      isTerminal: process.stdout.isTTY === true,
    }),
  });
  const container = await createContainer({ config, logger, attachToRunningServer: true });
  installGracefulShutdown(
    { stop: () => container.dispose() },
    { logger, timeoutMs: config.http.shutdownTimeoutMs },
  );
  await runMigrations(container.database.pool);
  await container.jobs.work();
  logger.info(
    { queues: container.jobs.names, database: container.database.description },
    'worker running',
  );
}
