import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { createPool, endPool, type PoolOptions } from './pool.js';

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

export type ReadPoolOptions = Omit<PoolOptions, 'applicationName' | 'options'>;

export function createReadPool(options: ReadPoolOptions): ReadPool {
  const pool = createPool({
    ...options,
    applicationName: 'spareflow-read',
    options: '-c default_transaction_read_only=on -c plan_cache_mode=force_generic_plan',
  });
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
