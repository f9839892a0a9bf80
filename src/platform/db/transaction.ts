import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from './database.js';
import * as schema from './schema.js';

/**
 * One database transaction, usable both through Drizzle (`db`) and as raw SQL (`client`), so a
 * repository write, its domain event and the jobs that follow from it commit or roll back together.
 */
export interface Tx {
  readonly db: Db;
  readonly client: pg.PoolClient;
}

export async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Drizzle builds its relational config from the whole schema on construction (about 2 ms of
    // CPU): built on first use only, so raw-SQL writers (the ledgers) never pay for it.
    let db: Db | undefined;
    const tx: Tx = {
      client,
      get db() {
        db ??= drizzle(client, { schema }) as unknown as Db;
        return db;
      },
    };
    const result = await work(tx);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
