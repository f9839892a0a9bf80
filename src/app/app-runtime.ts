import type { AppConfig } from '../config/config.js';
import { runMigrations } from '../platform/db/migrations.js';
import type { FastifyZodApp } from '../platform/http/fastify-types.js';
import { buildHttpServer } from '../platform/http/server.js';
import { trackConnections } from '../platform/http/connection-drain.js';
import type { Logger } from '../platform/logging/logger.js';
import { readOrCreateSecret } from '../platform/data-dir/secrets-file.js';
import { isDemoWorldSeeded, seedDemoWorld, type DemoLogin } from '../modules/ops/index.js';
import { createContainer, type Container } from './container.js';
import { registerRoutes } from './routes.js';

export interface StartAppOptions {
  config: AppConfig;
  logger: Logger;
  /** Run the job worker in this process (default: `WORKER_IN_PROCESS`). */
  worker?: boolean;
  /** Seed the demo world on the first start of an embedded database (default true outside tests). */
  seedDemoOnFirstStart?: boolean;
  jobMaintenanceIntervalSeconds?: number;
  /**
   * Registers more routes after the product's own, with the same plugins, hooks and error
   * handling. A seam for tests (e.g. a deliberately slow route that proves graceful shutdown) and
   * for future plugins; production code adds its routes in `routes.ts`.
   */
  extraRoutes?: (app: FastifyZodApp) => void;
  /** The built web app's folder (default `dist/web` in the package); tests pass their own. */
  webAppDir?: string;
}

export interface RunningApp {
  readonly container: Container;
  readonly http: FastifyZodApp;
  readonly url: string;
  /** Demo logins created by this start, if it seeded the demo world. */
  readonly seededDemo: { password: string; logins: DemoLogin[] } | undefined;
  /** Graceful stop: finish in-flight requests, stop workers, close the pool, stop PostgreSQL. */
  stop(): Promise<void>;
}

export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const container = await createContainer({
    config,
    logger,
    ...(options.jobMaintenanceIntervalSeconds
      ? { jobMaintenanceIntervalSeconds: options.jobMaintenanceIntervalSeconds }
      : {}),
  });
  let shuttingDown = false;
  try {
    const migrated = await runMigrations(container.database.pool);
    if (migrated.applied > 0)
      logger.info({ applied: migrated.applied }, 'database migrations applied');
    if (options.worker ?? config.worker.inProcess) await container.jobs.work();
    else await container.jobs.start();

    const seededDemo = await seedOnFirstEmbeddedStart(
      container,
      options.seedDemoOnFirstStart ?? true,
    );
    const http = await buildHttpServer({
      config,
      logger,
      metrics: container.metrics,
      authenticate: container.authenticate,
      webAppDir: options.webAppDir,
      registerRoutes: (app) => {
        registerRoutes(app, container, () => shuttingDown);
        options.extraRoutes?.(app);
      },
    });
    const drain = trackConnections(http.server);
    const address = await http.listen({ host: config.http.host, port: config.http.port });
    const url = publicUrl(config, address);
    let stopping: Promise<void> | undefined;
    return {
      container,
      http,
      url,
      seededDemo,
      stop: () => {
        stopping ??= (async () => {
          shuttingDown = true;
          const stopSweep = drain.start();
          try {
            await http.close();
          } finally {
            stopSweep();
          }
          await container.dispose();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await container.dispose();
    throw error;
  }
}

async function seedOnFirstEmbeddedStart(container: Container, enabled: boolean) {
  const { config } = container;
  if (!enabled || config.isProduction || !container.database.embedded) return undefined;
  if (await isDemoWorldSeeded(container.identity)) return undefined;
  const password = await readOrCreateSecret(config.dataDir, 'demo-password', 9);
  const { logins } = await seedDemoWorld(
    { ...container.identity, isProduction: config.isProduction },
    password,
  );
  return { password, logins };
}

/** `0.0.0.0` is where we listen, not where a person should point a browser. */
function publicUrl(config: AppConfig, address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  return url.toString().replace(/\/$/, '');
}
