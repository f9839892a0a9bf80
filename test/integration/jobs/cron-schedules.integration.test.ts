import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../../src/platform/jobs/job-definition.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { useTestDatabase } from '../../support/test-database.js';
import { createTestQueue } from './jobs-test-kit.js';

const database = useTestDatabase();

const sweep = defineJob({
  name: 'test.reservation-sweep',
  payload: z.object({}),
  cron: '*/5 * * * *',
  retryLimit: 2,
  retryDelaySeconds: 3,
  expireInSeconds: 120,
  handler: async () => undefined,
});

const adHoc = defineJob({
  name: 'test.ad-hoc',
  payload: z.object({}),
  handler: async () => undefined,
});

describe('JobQueue.start(): queues and cron schedules (never waiting for a schedule to fire)', () => {
  const queues: JobQueue[] = [];
  const startQueue = async (definitions: Array<typeof sweep> = [sweep, adHoc]) => {
    const queue = createTestQueue(database());
    queues.push(queue);
    for (const definition of definitions) queue.define(definition);
    await queue.start();
    return queue;
  };

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
  });

  async function schedules() {
    const { rows } = await database().pool.query<{ name: string; cron: string; timezone: string }>(
      `select name, cron, timezone from pgboss.schedule where name like 'test.%' order by name`,
    );
    return rows;
  }

  it('registers a job with a cron expression in the pg-boss schedule, in UTC', async () => {
    await startQueue();

    expect(await schedules()).toEqual([
      { name: 'test.reservation-sweep', cron: '*/5 * * * *', timezone: 'UTC' },
    ]);
  });

  it('creates each queue with the retry and expiry policy of its definition', async () => {
    await startQueue();
    const { rows } = await database().pool.query(
      `select name, retry_limit, retry_delay, retry_backoff, expire_seconds
         from pgboss.queue where name like 'test.%' order by name`,
    );

    expect(rows).toEqual([
      // Defaults: 5 retries, 5 s base backoff, presumed dead after 300 s.
      {
        name: 'test.ad-hoc',
        retry_limit: 5,
        retry_delay: 5,
        retry_backoff: true,
        expire_seconds: 300,
      },
      {
        name: 'test.reservation-sweep',
        retry_limit: 2,
        retry_delay: 3,
        retry_backoff: true,
        expire_seconds: 120,
      },
    ]);
  });

  it('replaces the schedule when a new release starts with a changed cron expression', async () => {
    const first = await startQueue();
    await first.stop();

    await startQueue([{ ...sweep, cron: '0 2 * * *' }]);

    expect(await schedules()).toEqual([
      { name: 'test.reservation-sweep', cron: '0 2 * * *', timezone: 'UTC' },
    ]);
  });

  it('drops the schedule of a job that no longer declares a cron', async () => {
    const first = await startQueue();
    await first.stop();

    await startQueue([{ ...sweep, cron: undefined }, adHoc]);

    expect(await schedules()).toEqual([]);
  });

  it('applies a changed retry policy to an existing queue and keeps jobs 14 days', async () => {
    const first = await startQueue();
    await first.stop();

    await startQueue([{ ...sweep, retryLimit: 7 }]);
    const { rows } = await database().pool.query(
      `select retry_limit, retention_minutes from pgboss.queue where name = 'test.reservation-sweep'`,
    );

    expect(rows).toEqual([{ retry_limit: 7, retention_minutes: 14 * 24 * 60 }]);
  });
});
