import type { AppConfig } from '../config/config.js';
import { runMigrations } from '../platform/db/migrations.js';
import type { FastifyZodApp } from '../platform/http/fastify-types.js';
import { buildHttpServer } from '../platform/http/server.js';
import { trackConnections } from '../platform/http/connection-drain.js';
import type { Logger } from '../platform/logging/logger.js';
import path from 'node:path';
import { readOrCreateSecret, readSecret } from '../platform/data-dir/secrets-file.js';
import {
  demoLogins,
  isDemoWorldSeeded,
  seedDemoWorld,
  type DemoLogin,
  type DemoWorldSeed,
} from '../modules/ops/index.js';
import { createContainer, type Container } from './container.js';
import { announceRazorpayWebhookUrl } from '../modules/payments/index.js';
import { registerRoutes } from './routes.js';
import { fundDemoWallets } from './demo-wallets.js';

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
  /** The demo world, when the database has one (never in production): the banner prints it. */
  readonly demo: DemoWorldInfo | undefined;
  /** Graceful stop: finish in-flight requests, stop workers, close the pool, stop PostgreSQL. */
  stop(): Promise<void>;
}

/** What a start tells about the demo world: its logins and where their one password is kept. */
export interface DemoWorldInfo {
  logins: readonly DemoLogin[];
  /** The data folder's file with the password of every demo login (made by the seed). */
  passwordFile: string;
  /** Its content; absent when this data folder has none (seeded from another one). */
  password: string | undefined;
  /** What this start seeded, if it did. */
  seeded: DemoWorldSeed | undefined;
  /** How long seeding took, if this start seeded. */
  seededInMs: number | undefined;
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

    const demo = await demoWorldOnStart(container, options.seedDemoOnFirstStart ?? true);
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
    // The sandbox Razorpay sends its signed webhooks to this process (any process will do: the
    // events land in PostgreSQL and are applied by jobs).
    if (container.payments.sandbox)
      await announceRazorpayWebhookUrl(
        container.database.pool,
        `${loopbackUrl(address)}/api/v1/webhooks/razorpay`,
      );
    let stopping: Promise<void> | undefined;
    return {
      container,
      http,
      url,
      demo,
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

/**
 * The demo world at start-up, never in production: seeded on the first start of an embedded
 * database (or when it holds an older version's), then described on every start.
 */
async function demoWorldOnStart(
  container: Container,
  seedIfMissing: boolean,
): Promise<DemoWorldInfo | undefined> {
  const { config } = container;
  if (config.isProduction) return undefined;
  let seeded: DemoWorldSeed | undefined;
  let seededInMs: number | undefined;
  if (!(await isDemoWorldSeeded(container.identity))) {
    if (!seedIfMissing || !container.database.embedded) return undefined;
    const started = Date.now();
    const password = await readOrCreateSecret(config.dataDir, 'demo-password', 9);
    seeded = await seedDemoWorld(
      { ...container.identity, isProduction: config.isProduction },
      password,
    );
    if (seeded.history) await fundDemoWallets(container, password);
    seededInMs = Date.now() - started;
    container.logger.info({ ...seeded.history, seededInMs }, 'demo world seeded');
  }
  return {
    logins: demoLogins,
    passwordFile: path.join(config.dataDir, 'demo-password'),
    password: await readSecret(config.dataDir, 'demo-password'),
    seeded,
    seededInMs,
  };
}

/** `0.0.0.0` is where we listen, not where a person should point a browser. */
function publicUrl(config: AppConfig, address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  return url.toString().replace(/\/$/, '');
}

/** The listening address as a loopback URL the sandbox simulator on this machine can call. */
function loopbackUrl(address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}
