import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from './database.js';

/**
 * One connection of the read pool, lent for a multi-statement read. Every statement runs as a
 * named prepared statement (named after its text, prepared once per connection) whose generic
 * plan the server keeps: a statement is planned once per connection, not on every call.
 */
export interface Reader {
  /** The rows of one read-only statement. */
  rows<Row>(statement: SQL): Promise<Row[]>;
}

/**
 * A small pool of its own for hot, read-only statements (catalog search): a bulkhead that a burst
 * of searches cannot exhaust the transactional pool through, whose sessions refuse writes
 * (`default_transaction_read_only`) and reuse generic plans (`plan_cache_mode =
 * force_generic_plan`: a search statement plans in ~0.25 ms and executes in ~0.1 ms, so planning
 * was most of its database time). Its statements must therefore be written so that a generic plan
 * is a good plan: parameters as range bounds an index can use, not `LIKE` patterns. ADR 0007.
 */
export interface ReadPool {
  /** Runs `work` on one connection, so a read of several statements waits for the pool once. */
  read<T>(work: (reader: Reader) => Promise<T>): Promise<T>;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

const dialect = new PgDialect();

/** Statement name: a digest of its text, so equal texts share one prepared statement. */
function statementName(text: string): string {
  return `sf_${crypto.createHash('sha1').update(text).digest('base64url')}`;
}

/** The rows of `statement` on `client`, as a named prepared statement. */
async function preparedRows<Row>(client: pg.PoolClient, statement: SQL): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  const result = await client.query({
    name: statementName(query.sql),
    text: query.sql,
    values: query.params,
  });
  return result.rows as Row[];
}

/**
 * Ends `pool` and resolves once every connection has closed: `pool.end()` resolves before they
 * have, and stopping (or dropping) the database meanwhile terminates them mid-close, an 'error'
 * on each.
 */
export async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open <= 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/**
 * What to log of a lost connection: pg attaches the whole client (connection parameters, prepared
 * statement texts) to the error, which the log must not carry.
 */
export function connectionErrorFacts(error: Error & { code?: string }): Record<string, unknown> {
  return { message: error.message, code: error.code };
}

export interface ReadPoolOptions {
  connectionString: string;
  max: number;
  /** Called when an idle connection is lost (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

export function createReadPool(options: ReadPoolOptions): ReadPool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: 'spareflow-read',
    options: '-c default_transaction_read_only=on -c plan_cache_mode=force_generic_plan',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return {
    pool,
    async read(work) {
      const client = await pool.connect();
      try {
        return await work({ rows: (statement) => preparedRows(client, statement) });
      } finally {
        client.release();
      }
    },
    close: () => endPool(pool),
  };
}

/**
 * A `Reader` over an ordinary database handle or transaction (unnamed statements, custom plans):
 * for reads that must see a transaction's own writes, and for tests.
 */
export function readerOf(db: Pick<Db, 'execute'>): Reader {
  return {
    async rows<Row>(statement: SQL): Promise<Row[]> {
      const result = await db.execute(statement);
      return result.rows as Row[];
    },
  };
}
