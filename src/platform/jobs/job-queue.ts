import PgBoss from 'pg-boss';
import type pg from 'pg';
import { inTransaction, type Tx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export interface JobQueueOptions {
  connectionString: string;
  /** Our application pool, for `once()` receipts written alongside job effects. */
  pool: pg.Pool;
  logger: Logger;
  concurrency: number;
  pollIntervalSeconds: number;
  /** How long `stop()` waits for running handlers before giving up on them (default 5000). */
  stopTimeoutMs?: number;
  /** How often expired (dead-worker) jobs are detected and rescheduled. Tests shorten it. */
  maintenanceIntervalSeconds?: number;
}

export interface QueueStats {
  name: string;
  queued: number;
  active: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  payload: unknown;
  error: unknown;
  attempts: number;
  failedAt: Date | null;
}

/** Something that can run SQL: the pool, or the client of an open transaction. */
type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * SpareFlow's durable job queue on PostgreSQL (pg-boss 10). Jobs are rows in the same database as
 * the business data, so `enqueue(tx, …)` makes a job part of the caller's transaction: it exists
 * if and only if the state change it follows from committed.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private started = false;
  private working = false;

  constructor(private readonly options: JobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      max: 4,
      application_name: 'spareflow-jobs',
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    this.boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  }

  define<Payload>(definition: JobDefinition<Payload>): void {
    if (this.started) throw new Error(`job ${definition.name} defined after the queue started`);
    if (this.definitions.has(definition.name))
      throw new Error(`job ${definition.name} defined twice`);
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  get isRunning(): boolean {
    return this.started;
  }

  get names(): string[] {
    return [...this.definitions.keys()];
  }

  /** Installs or upgrades the queue schema and creates every defined queue. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      const settings = {
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: true,
        expireInSeconds: definition.expireInSeconds ?? 300,
        // pg-boss 10 reads retention in minutes only: completed and failed jobs are kept 14 days.
        retentionMinutes: 14 * 24 * 60,
      };
      // createQueue leaves an existing queue as it was; updateQueue makes the code authoritative.
      await this.boss.createQueue(definition.name, { name: definition.name, ...settings });
      await this.boss.updateQueue(definition.name, { name: definition.name, ...settings });
    }
    await this.syncSchedules();
    this.started = true;
  }

  /** Schedules every job with a cron and removes schedules whose job no longer declares one. */
  private async syncSchedules(): Promise<void> {
    for (const schedule of await this.boss.getSchedules()) {
      if (!this.definitions.get(schedule.name)?.cron) await this.boss.unschedule(schedule.name);
    }
    for (const definition of this.definitions.values()) {
      if (definition.cron)
        await this.boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
    }
  }

  /** Starts pulling jobs for every defined queue in this process. */
  async work(): Promise<void> {
    await this.start();
    if (this.working) return;
    for (const definition of this.definitions.values()) {
      await this.boss.work<object>(
        definition.name,
        {
          batchSize: definition.concurrency ?? this.options.concurrency,
          pollingIntervalSeconds: this.options.pollIntervalSeconds,
          includeMetadata: true,
        },
        // pg-boss settles a fetched batch as a whole (one rejection fails every job in it), so
        // each job is failed on its own here; pg-boss then completes only the still-active rest.
        async (jobs) => {
          await Promise.all(
            jobs.map((job) =>
              this.run(definition, job).catch((error: unknown) =>
                this.boss.fail(definition.name, job.id, failureOutput(error)),
              ),
            ),
          );
        },
      );
    }
    this.working = true;
  }

  /** Enqueues inside the caller's transaction: rolled back with it, committed with it. */
  async enqueue<Payload>(
    tx: Tx | Queryable,
    name: string,
    payload: Payload,
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<string | null> {
    const definition = this.definition(name);
    const data = definition.payload.parse(payload) as object;
    const client: Queryable = 'client' in tx ? tx.client : tx;
    return this.boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      db: { executeSql: (text, values) => client.query(text, values) },
    });
  }

  /** Enqueues on its own connection, for work not tied to a business transaction. */
  async enqueueNow<Payload>(name: string, payload: Payload): Promise<string | null> {
    const data = this.definition(name).payload.parse(payload) as object;
    return this.boss.send(name, data);
  }

  async stats(): Promise<QueueStats[]> {
    const { rows } = await this.options.pool.query<{ name: string; state: string; count: string }>(
      `select name, state::text, count(*)::text as count from pgboss.job
        where state in ('created','retry','active','failed') group by name, state`,
    );
    return this.names.map((name) => {
      const count = (states: string[]) =>
        rows
          .filter((row) => row.name === name && states.includes(row.state))
          .reduce((sum, row) => sum + Number(row.count), 0);
      return {
        name,
        queued: count(['created', 'retry']),
        active: count(['active']),
        failed: count(['failed']),
      };
    });
  }

  async listFailed(limit = 50): Promise<FailedJob[]> {
    const { rows } = await this.options.pool.query<{
      id: string;
      name: string;
      data: unknown;
      output: unknown;
      retry_count: number;
      completed_on: Date | null;
    }>(
      `select id, name, data, output, retry_count, completed_on from pgboss.job
        where state = 'failed' order by completed_on desc nulls last limit $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      queue: row.name,
      payload: row.data,
      error: row.output,
      attempts: row.retry_count + 1,
      failedAt: row.completed_on,
    }));
  }

  /** Puts a failed job back in line. */
  async retry(queue: string, id: string): Promise<void> {
    await this.boss.retry(queue, id);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    // Running handlers may finish within the budget; one that does not is retried after expiry.
    await this.boss.stop({
      graceful: true,
      wait: true,
      timeout: this.options.stopTimeoutMs ?? 5000,
    });
    this.started = false;
    this.working = false;
  }

  private definition(name: string): JobDefinition<unknown> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    return definition;
  }

  private async run(
    definition: JobDefinition<unknown>,
    job: PgBoss.JobWithMetadata<object>,
  ): Promise<void> {
    const logger = this.options.logger.child({
      job: definition.name,
      jobId: job.id,
      attempt: job.retryCount,
    });
    const payload = definition.payload.parse(job.data);
    const context: JobContext = {
      jobId: job.id,
      attempt: job.retryCount,
      logger,
      once: (key, effect) => runOnce(this.options.pool, definition.name, key, effect),
    };
    const started = Date.now();
    try {
      await definition.handler(payload, context);
      logger.debug({ ms: Date.now() - started }, 'job done');
    } catch (error) {
      logger.warn(
        { err: error, ms: Date.now() - started },
        'job failed; will retry if attempts remain',
      );
      throw error;
    }
  }
}

async function runOnce(
  pool: pg.Pool,
  queue: string,
  key: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return inTransaction(pool, async (tx) => {
    const { rowCount } = await tx.client.query(
      'insert into job_receipts (key, queue) values ($1, $2) on conflict (key) do nothing',
      [key, queue],
    );
    if (rowCount === 0) return false;
    await effect(tx);
    return true;
  });
}

/** What pg-boss stores as a failed job's output (it serializes Errors to name, message, stack). */
function failureOutput(error: unknown): object {
  return typeof error === 'object' && error !== null ? error : { message: String(error) };
}
