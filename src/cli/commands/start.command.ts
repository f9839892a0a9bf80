import { startApp, type RunningApp } from '../../app/app-runtime.js';
import { installGracefulShutdown } from '../../app/graceful-shutdown.js';
import { DataDirInUseError } from '../../platform/data-dir/data-dir-lock.js';
import { createLogger, prettyLogs } from '../../platform/logging/logger.js';
import { loadConfigOrExit } from '../cli-context.js';
import { formatDemoLogins } from './demo-logins.js';

/**
 * `spareflow start`: API, web and (unless WORKER_IN_PROCESS=false) the job worker in one process.
 * SIGTERM/SIGINT stop it gracefully: in-flight requests finish, workers stop, the pool closes and
 * the embedded PostgreSQL shuts down, then the process exits 0 (see `installGracefulShutdown`).
 */
export async function startCommand(options: { worker?: boolean }): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({
    level: config.logLevel,
    pretty: prettyLogs({
      isProduction: config.isProduction,
      isTerminal: process.stdout.isTTY === true,
    }),
  });
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
  process.stdout.write(
    formatReadyBanner(app, Date.now() - started, { terminal: process.stdout.isTTY === true }),
  );
}

/**
 * The start-up banner: where to point a browser, what runs, and — on every start while the
 * database has a demo world (never in production) — the demo logins and their password, or where
 * it is kept when the output is not a terminal (see `formatDemoLogins`).
 */
export function formatReadyBanner(
  app: Pick<RunningApp, 'url' | 'demo' | 'container'>,
  startedInMs: number,
  output: { terminal: boolean },
): string {
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
  const { demo } = app;
  if (demo && !config.isProduction) {
    const history = demo.seeded?.history;
    if (history)
      lines.push(
        '',
        `Seeded the demo world in ${demo.seededInMs ?? 0} ms: ${history.parts} parts, ${history.locations} locations, ${history.movements} stock movements over ${history.days} days.`,
      );
    lines.push(
      '',
      formatDemoLogins(demo.logins, {
        file: demo.passwordFile,
        value: demo.password,
        show: output.terminal,
      }),
    );
  }
  return `${lines.join('\n')}\n\n`;
}
