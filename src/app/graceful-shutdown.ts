import closeWithGrace from 'close-with-grace';
import type { Logger } from '../platform/logging/logger.js';

export interface GracefulShutdownOptions {
  logger: Logger;
  /** Budget for the whole stop (`SHUTDOWN_TIMEOUT_MS`); past it the process exits 1. */
  timeoutMs: number;
}

/** Anything with a graceful stop: a running app, or a worker's container. */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface GracefulShutdown {
  /** Stops the app as a signal would (exits the process when done). */
  close(): void;
  /** Removes the process-wide listeners again. */
  uninstall(): void;
}

/**
 * Makes SIGTERM/SIGINT stop a running app gracefully, then end the process. The order is that of
 * `RunningApp.stop()`: readiness turns 503 and the listener closes (new connections are refused),
 * in-flight requests finish, the job worker stops, the pool closes and the embedded PostgreSQL
 * shuts down. Exit code 0 after a clean stop; 1 after an uncaught error, a failed stop, a second
 * signal, or a stop that outlasts the budget. `spareflow start`, `spareflow worker`
 * and the e2e fixtures share this.
 *
 * The exit is explicit (`process.exit`), so a timer or handle some library forgets to release can
 * never keep a stopped server alive, and the exit code never depends on a stale `process.exitCode`.
 */
export function installGracefulShutdown(
  app: Stoppable,
  options: GracefulShutdownOptions,
): GracefulShutdown {
  const { logger, timeoutMs } = options;
  return closeWithGrace(
    {
      delay: timeoutMs,
      logger: { error: (message: unknown) => logger.error(message) },
      onTimeout: () =>
        logger.error({ timeoutMs }, 'graceful shutdown did not finish in time; exiting with 1'),
      onSecondSignal: (signal) =>
        logger.warn({ signal }, 'second signal while shutting down; exiting with 1 now'),
    },
    async ({ signal, err, manual }) => {
      if (err) logger.error({ err }, 'shutting down after an unexpected error');
      else
        logger.info(
          { signal: signal ?? (manual ? 'manual' : 'event loop empty') },
          'shutting down gracefully',
        );
      await app.stop();
      logger.info('stopped');
    },
  );
}
