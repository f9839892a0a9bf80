import closeWithGrace from 'close-with-grace';
import { startApp } from '../../app/app-runtime.js';
import { createLogger } from '../../platform/logging/logger.js';
import { loadConfigOrExit } from '../cli-context.js';
import { formatDemoLogins } from './seed.command.js';

/**
 * `spareflow start`: API, web and (unless WORKER_IN_PROCESS=false) the job worker in one process.
 * SIGTERM/SIGINT stop it gracefully: in-flight requests finish, workers stop, the pool closes and
 * the embedded PostgreSQL shuts down, then the process exits 0.
 */
export async function startCommand(options: { worker?: boolean }): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel });
  const started = Date.now();
  const app = await startApp({
    config,
    logger,
    ...(options.worker === false ? { worker: false } : {}),
  });

  closeWithGrace(
    {
      delay: config.http.shutdownTimeoutMs,
      logger: { error: (message: unknown) => logger.error(message) },
    },
    async ({ signal, err }) => {
      if (err) logger.error({ err }, 'shutting down after an unexpected error');
      else logger.info({ signal }, 'shutting down gracefully');
      await app.stop();
      logger.info('stopped');
    },
  );

  const lines = [
    '',
    `SpareFlow is ready at ${app.url}  (started in ${Date.now() - started} ms)`,
    `  API reference  ${app.url}/docs`,
    `  Readiness      ${app.url}/health/ready`,
    `  Database       ${app.container.database.description}`,
    `  Integrations   ${Object.entries(config.integrations)
      .map(([name, mode]) => `${name}: ${mode}`)
      .join(', ')}`,
  ];
  if (app.seededDemo)
    lines.push('', formatDemoLogins(app.seededDemo.logins, app.seededDemo.password));
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
