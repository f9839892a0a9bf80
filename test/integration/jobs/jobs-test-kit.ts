import type pg from 'pg';
import { JobQueue, type JobQueueOptions } from '../../../src/platform/jobs/job-queue.js';
import type { Tx } from '../../../src/platform/db/transaction.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import type { TestDatabase } from '../../support/test-database.js';

/** Shared by the job-queue integration tests: a queue on the test database and probes into it. */

/** Fast polling and dead-job detection (pg-boss refuses polling below 0.5 s, maintenance below 1 s). */
export function createTestQueue(
  database: TestDatabase,
  overrides: Partial<JobQueueOptions> = {},
): JobQueue {
  return new JobQueue({
    connectionString: database.url,
    pool: database.pool,
    logger: createLogger({ level: 'silent' }),
    concurrency: 2,
    pollIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    ...overrides,
  });
}

/**
 * Polls `probe` until it returns something other than undefined/null/false, or fails after the
 * deadline with `description` (a probe that throws fails at once). Deadlines are generous: they
 * bound a hang, they are not assertions.
 */
export async function waitUntil<T>(
  description: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${description}`);
}

/** No unique constraint on `key`: a duplicated effect must show up as a second row. */
export async function createEffectsTable(pool: pg.Pool): Promise<void> {
  await pool.query(`create table if not exists effects (
    id bigserial primary key,
    key text not null,
    attempt integer not null,
    created_at timestamptz not null default now()
  )`);
}

export async function recordEffect(tx: Tx, key: string, attempt: number): Promise<void> {
  await tx.client.query('insert into effects (key, attempt) values ($1, $2)', [key, attempt]);
}

export async function effectsFor(pool: pg.Pool, key: string): Promise<Array<{ attempt: number }>> {
  const { rows } = await pool.query<{ attempt: number }>(
    'select attempt from effects where key = $1 order by id',
    [key],
  );
  return rows;
}

export interface JobRow {
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  data: unknown;
  output: unknown;
}

export async function findJob(pool: pg.Pool, id: string): Promise<JobRow | undefined> {
  const { rows } = await pool.query<JobRow>(
    `select name, state::text as state, retry_count as "retryCount", retry_limit as "retryLimit",
            data, output
       from pgboss.job where id = $1`,
    [id],
  );
  return rows[0];
}

export function waitForJobState(
  pool: pg.Pool,
  id: string,
  state: 'completed' | 'failed' | 'active',
  timeoutMs?: number,
): Promise<JobRow> {
  return waitUntil(
    `job ${id} is ${state}`,
    async () => {
      const job = await findJob(pool, id);
      return job?.state === state ? job : undefined;
    },
    timeoutMs,
  );
}

/** Waits until the job has finished for good, either way (completed, or failed with no retry left). */
export function waitForJobSettled(pool: pg.Pool, id: string): Promise<JobRow> {
  return waitUntil(`job ${id} is settled`, async () => {
    const job = await findJob(pool, id);
    return job?.state === 'completed' || job?.state === 'failed' ? job : undefined;
  });
}
