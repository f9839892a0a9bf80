import { startApp, type RunningApp } from '../../app/app-runtime.js';
import { installGracefulShutdown } from '../../app/graceful-shutdown.js';
import { DataDirInUseError } from '../../platform/data-dir/data-dir-lock.js';
import { createLogger } from '../../platform/logging/logger.js';
import { loadConfigOrExit } from '../cli-context.js';
import { formatDemoLogins } from './seed.command.js';

/**
 * `spareflow start`: API, web and (unless WORKER_IN_PROCESS=false) the job worker in one process.
 * SIGTERM/SIGINT stop it gracefully: in-flight requests finish, workers stop, the pool closes and
 * the embedded PostgreSQL shuts down, then the process exits 0 (see `installGracefulShutdown`).
 */
export async function startCommand(options: { worker?: boolean }): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel });
  const started = Date.now();
  let app: RunningApp;
  try {
    app = await startApp({
      config,
      logger,
      ...(options.worker === false ? { worker: false } : {}),
    });
  } catch (error) {
    // Another SpareFlow owns the data folder: a plain sentence, not a stack trace.
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  installGracefulShutdown(app, { logger, timeoutMs: config.http.shutdownTimeoutMs });
  process.stdout.write(formatReadyBanner(app, Date.now() - started));
}

/** The start-up banner: where to point a browser, what runs, and the demo logins if just seeded. */
export function formatReadyBanner(app: RunningApp, startedInMs: number): string {
  const { config } = app.container;
  const lines = [
    '',
    `SpareFlow is ready at ${app.url}  (started in ${startedInMs} ms)`,
    `  API reference  ${app.url}/docs`,
    `  Readiness      ${app.url}/health/ready`,
    `  Database       ${app.container.database.description}`,
    `  Integrations   ${Object.entries(config.integrations)
      .map(([name, mode]) => `${name}: ${mode}`)
      .join(', ')}`,
  ];
  if (app.seededDemo)
    lines.push('', formatDemoLogins(app.seededDemo.logins, app.seededDemo.password));
  return `${lines.join('\n')}\n\n`;
}
