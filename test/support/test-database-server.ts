import os from 'node:os';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { EmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../../src/platform/db/migrations.js';
import { endPool } from '../../src/platform/db/pool.js';
import { createLogger } from '../../src/platform/logging/logger.js';

export interface TestDatabaseServer {
  /** Connection string of a maintenance database on the server (for CREATE/DROP DATABASE). */
  adminUrl: string;
  /** Migrated template every test file copies (`CREATE DATABASE … TEMPLATE`). */
  templateName: string;
  stop(): Promise<void>;
}

/** Replaces the database name of a connection string. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The PostgreSQL the integration and e2e tiers use: `TEST_DATABASE_URL` when set (CI runs the suites
 * against the machine's PostgreSQL 15 that way), otherwise a throw-away embedded PostgreSQL 18 in a
 * temporary folder, tuned for speed (no fsync: its data is discarded anyway).
 */
export async function startTestDatabaseServer(
  externalUrl: string | undefined,
): Promise<TestDatabaseServer> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (externalUrl) {
    const baseName = new URL(externalUrl).pathname.slice(1) || 'spareflow_test';
    const adminUrl = withDatabase(externalUrl, 'postgres');
    const templateName = `${baseName}_tmpl_${runId}`.slice(0, 60);
    await prepareTemplate(adminUrl, templateName);
    return { adminUrl, templateName, stop: () => dropDatabase(adminUrl, templateName, true) };
  }
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-test-pg-'));
  await fs.chmod(directory, 0o755);
  const server = await EmbeddedPostgres.start({
    directory: path.join(directory, 'pg'),
    password: 'test',
    logger: createLogger({ level: 'silent' }),
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '400',
    },
  });
  const adminUrl = server.connectionString('postgres');
  const templateName = 'spareflow_template';
  await prepareTemplate(adminUrl, templateName);
  return {
    adminUrl,
    templateName,
    async stop() {
      await server.stop();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

async function prepareTemplate(adminUrl: string, templateName: string) {
  await adminQuery(adminUrl, `create database "${templateName}"`);
  const url = withDatabase(adminUrl, templateName);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await runMigrations(pool);
  } finally {
    await endPool(pool);
  }
  // The job queue's schema, installed once here so every copy starts with it.
  const boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(
  adminUrl: string,
  name: string,
  isTemplate = false,
): Promise<void> {
  if (isTemplate)
    await adminQuery(adminUrl, `alter database "${name}" is_template false`).catch(() => undefined);
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
}
