import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { createLogger, prettyLogs, type Logger } from '../platform/logging/logger.js';
import { createContainer, type Container } from '../app/container.js';
import { runMigrations } from '../platform/db/migrations.js';

/** Loads configuration or prints exactly what is wrong and exits 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** CLI commands print for people; logs below `warn` would drown the output. */
export function cliLogger(config: AppConfig): Logger {
  return createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: process.stderr,
    pretty: prettyLogs({
      isProduction: config.isProduction,
      isTerminal: process.stderr.isTTY === true,
    }),
  });
}

export interface OneShotOptions {
  /** Apply pending migrations first (commands that write data need the tables). */
  migrate: boolean;
}

/**
 * Runs a one-shot command with a container. On the embedded database it attaches to the server of
 * a SpareFlow already running on the same data folder, or starts its own for the duration.
 */
export async function withContainer<T>(
  options: OneShotOptions,
  work: (container: Container) => Promise<T>,
): Promise<T> {
  const config = loadConfigOrExit();
  const container = await createContainer({
    config,
    logger: cliLogger(config),
    attachToRunningServer: true,
  });
  try {
    if (options.migrate) {
      await runMigrations(container.database.pool);
      await container.jobs.start();
    }
    return await work(container);
  } finally {
    await container.dispose();
  }
}
