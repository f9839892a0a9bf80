import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { defineJob } from '../../../src/platform/jobs/job-definition.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { useTestDatabase } from '../../support/test-database.js';
import {
  createEffectsTable,
  createTestQueue,
  effectsFor,
  recordEffect,
  waitForJobSettled,
  waitForJobState,
} from './jobs-test-kit.js';

const database = useTestDatabase();
const keyed = z.object({ key: z.string() });

describe('JobQueue retries and failed jobs', () => {
  let queue: JobQueue;
  /** Attempts each handler saw, by payload key. */
  const attempts = new Map<string, number[]>();
  const observe = (key: string, attempt: number) =>
    attempts.set(key, [...(attempts.get(key) ?? []), attempt]);
  /** Flipped by a test to "repair" the dependency the broken job needs. */
  let dependencyRepaired = false;

  beforeAll(async () => {
    await createEffectsTable(database().pool);
    queue = createTestQueue(database());
    queue.define(
      defineJob({
        name: 'test.flaky',
        payload: keyed,
        retryLimit: 3,
        retryDelaySeconds: 1,
        handler: async ({ key }, context) => {
          observe(key, context.attempt);
          if (context.attempt < 2) throw new Error(`transient failure ${context.attempt}`);
          await context.once(`test.flaky:${key}`, (tx) => recordEffect(tx, key, context.attempt));
        },
      }),
    );
    queue.define(
      defineJob({
        name: 'test.broken',
        payload: keyed,
        retryLimit: 1,
        retryDelaySeconds: 1,
        handler: async ({ key }, context) => {
          observe(key, context.attempt);
          if (!dependencyRepaired) throw new Error(`warehouse API down for ${key}`);
          await context.once(`test.broken:${key}`, (tx) => recordEffect(tx, key, context.attempt));
        },
      }),
    );
    queue.define(
      defineJob({
        name: 'test.mixed-batch',
        payload: z.object({ key: z.string(), fail: z.boolean() }),
        retryLimit: 0,
        handler: async ({ key, fail }, context) => {
          observe(key, context.attempt);
          if (fail) throw new Error(`${key} is invalid`);
          await context.once(`test.mixed-batch:${key}`, (tx) =>
            recordEffect(tx, key, context.attempt),
          );
        },
      }),
    );
    await queue.work();
  });

  afterAll(async () => {
    await queue?.stop();
  });

  const enqueue = (name: string, payload: object) =>
    inTransaction(database().pool, async (tx) => (await queue.enqueue(tx, name, payload)) ?? '');

  it('retries a failing handler with backoff until it succeeds, with a single effect', async () => {
    const { pool } = database();
    const id = await enqueue('test.flaky', { key: 'flaky-1' });

    const job = await waitForJobState(pool, id, 'completed');

    expect(attempts.get('flaky-1')).toEqual([0, 1, 2]);
    expect(job.retryCount).toBe(2);
    expect(await effectsFor(pool, 'flaky-1')).toEqual([{ attempt: 2 }]);
  });

  it('marks a job failed once retries are exhausted, lists it, and re-runs it on retry()', async () => {
    const { pool } = database();
    const id = await enqueue('test.broken', { key: 'broken-1' });

    await waitForJobState(pool, id, 'failed');
    expect(attempts.get('broken-1')).toEqual([0, 1]);
    expect(await effectsFor(pool, 'broken-1')).toEqual([]);

    const failed = (await queue.listFailed()).find((job) => job.id === id);
    expect(failed).toMatchObject({
      queue: 'test.broken',
      payload: { key: 'broken-1' },
      error: { message: 'warehouse API down for broken-1' },
      attempts: 2,
      failedAt: expect.any(Date),
    });
    const stats = await queue.stats();
    expect(stats.find((queueStats) => queueStats.name === 'test.broken')).toEqual({
      name: 'test.broken',
      queued: 0,
      active: 0,
      failed: 1,
    });

    dependencyRepaired = true;
    await queue.retry('test.broken', id);

    const job = await waitForJobState(pool, id, 'completed');
    expect(attempts.get('broken-1')).toEqual([0, 1, 2]);
    expect(job.retryCount).toBe(2);
    expect(await effectsFor(pool, 'broken-1')).toEqual([{ attempt: 2 }]);
    expect((await queue.listFailed()).map((job) => job.id)).not.toContain(id);
    expect((await queue.stats()).find((queueStats) => queueStats.name === 'test.broken')).toEqual({
      name: 'test.broken',
      queued: 0,
      active: 0,
      failed: 0,
    });
  });

  it("settles each job of a fetched batch on its own: one job's failure does not fail the other", async () => {
    const { pool } = database();
    // One transaction commits both, so the worker (batch size 2) fetches them in the same poll.
    const [goodId, badId] = await inTransaction(pool, async (tx) => [
      (await queue.enqueue(tx, 'test.mixed-batch', { key: 'batch-good', fail: false })) ?? '',
      (await queue.enqueue(tx, 'test.mixed-batch', { key: 'batch-bad', fail: true })) ?? '',
    ]);

    const bad = await waitForJobSettled(pool, badId);
    const good = await waitForJobSettled(pool, goodId);

    expect(bad.state).toBe('failed');
    expect(good.state).toBe('completed');
    expect(bad.output).toMatchObject({ message: 'batch-bad is invalid' });
    expect(good.retryCount).toBe(0);
    expect(attempts.get('batch-good')).toEqual([0]);
    expect(await effectsFor(pool, 'batch-good')).toEqual([{ attempt: 0 }]);
    const failedIds = (await queue.listFailed()).map((job) => job.id);
    expect(failedIds).toContain(badId);
    expect(failedIds).not.toContain(goodId);
  });
});
