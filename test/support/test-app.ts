import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startApp, type RunningApp } from '../../src/app/app-runtime.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp extends RunningApp {
  database: TestDatabase;
  dataDir: string;
}

/**
 * The whole app, in this process, on a fresh copy of the template database, with every integration
 * in sandbox mode and HTTP on a free loopback port. `stop()` also drops the database.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    jobMaintenanceIntervalSeconds?: number;
    webAppDir?: string;
    /** Where the app's JSON log lines go (with `LOG_LEVEL` set in `env`); tests read them back. */
    logDestination?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const { logDestination, ...startOptions } = options;
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    SPAREFLOW_DATA_DIR: dataDir,
    WORKER_POLL_INTERVAL_SECONDS: '1',
    // Suites make many requests from 127.0.0.1; a test that checks limits passes its own.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    ...env,
  });
  const app = await startApp({
    config,
    logger: createLogger({
      level: config.logLevel,
      ...(logDestination ? { destination: logDestination } : {}),
    }),
    seedDemoOnFirstStart: false,
    ...startOptions,
  });
  const stop = app.stop;
  return Object.assign(app, {
    database,
    dataDir,
    stop: async () => {
      await stop();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Call at the top of a test file: the app runs for the file's tests; returns a getter. */
export function useTestApp(...args: Parameters<typeof startTestApp>): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(...args);
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('test app used outside a test');
    return app;
  };
}
