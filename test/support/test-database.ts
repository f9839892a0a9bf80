import crypto from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import * as schema from '../../src/platform/db/schema.js';
import type { Db } from '../../src/platform/db/database.js';
import { endPool } from '../../src/platform/db/pool.js';
import { createReadPool, type ReadPool } from '../../src/platform/db/read-pool.js';
import { adminQuery, dropDatabase, withDatabase } from './test-database-server.js';

export interface TestDatabase {
  url: string;
  name: string;
  pool: pg.Pool;
  db: Db;
  /** A read pool on the database, as the app has (catalog search). */
  reads: ReadPool;
  /** Closes the pools and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database: a copy of the run's template. The caller drops it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateName } = inject('testDatabase');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}" template "${templateName}"`);
  const url = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  const reads = createReadPool({ connectionString: url, max: 4 });
  const drop = async () => {
    await Promise.all([endPool(pool), endPool(reads.pool)]);
    await dropDatabase(adminUrl, name);
  };
  return { url, name, pool, db: drizzle(pool, { schema }) as unknown as Db, reads, drop };
}

/**
 * Call at the top of a test file: a fresh database for the file's tests, dropped afterwards.
 * Returns a getter because the database exists only once `beforeAll` has run.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('test database used outside a test');
    return database;
  };
}
