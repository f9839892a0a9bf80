import pg from 'pg';
import type { Logger } from '../logging/logger.js';

export interface PoolOptions {
  connectionString: string;
  max: number;
  /** Shown in `pg_stat_activity` (`spareflow`, `spareflow-read`). */
  applicationName: string;
  /** Session settings, as libpq `options` (`-c name=value …`). */
  options?: string;
  /** Where a lost idle connection is reported; without it, it is only replaced. */
  logger?: Pick<Logger, 'warn'>;
}

/**
 * What to log of a lost connection: pg attaches the whole client (connection parameters, prepared
 * statement texts) to the error, which the log must not carry.
 */
function connectionErrorFacts(error: Error & { code?: string }): Record<string, unknown> {
  return { message: error.message, code: error.code };
}

/** A pg pool whose idle connections may be lost without crashing the process (replaced). */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: options.applicationName,
    ...(options.options ? { options: options.options } : {}),
  });
  pool.on('error', (error) =>
    options.logger?.warn(
      { error: connectionErrorFacts(error), pool: options.applicationName },
      'idle database connection lost',
    ),
  );
  return pool;
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
