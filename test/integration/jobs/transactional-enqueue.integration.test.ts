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
  findJob,
  recordEffect,
  waitForJobState,
} from './jobs-test-kit.js';

const database = useTestDatabase();

describe('JobQueue.enqueue(tx, …): a job exists if and only if its transaction commits', () => {
  let queue: JobQueue;
  /** Every delivery the handler saw, by payload key (in process: the worker runs here). */
  const deliveries: string[] = [];

  beforeAll(async () => {
    const { pool } = database();
    await createEffectsTable(pool);
    queue = createTestQueue(database());
    queue.define(
      defineJob({
        name: 'test.record-effect',
        payload: z.object({ key: z.string() }),
        retryLimit: 0,
        handler: async ({ key }, context) => {
          deliveries.push(key);
          await context.once(`test.record-effect:${key}`, (tx) =>
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

  const enqueueCommitted = (key: string) =>
    inTransaction(database().pool, (tx) => queue.enqueue(tx, 'test.record-effect', { key }));

  it('never stores nor runs a job whose transaction rolls back, even while the worker polls', async () => {
    const { pool } = database();
    let rolledBackId: string | null = null;

    await expect(
      inTransaction(pool, async (tx) => {
        rolledBackId = await queue.enqueue(tx, 'test.record-effect', { key: 'rolled-back' });
        // While the job row sits uncommitted, let the worker fetch and finish another job: the
        // worker demonstrably polled and still could not see the uncommitted one.
        const probeId = await enqueueCommitted('probe-during-open-tx');
        await waitForJobState(pool, probeId ?? '', 'completed');
        throw new Error('order validation failed');
      }),
    ).rejects.toThrow('order validation failed');

    expect(rolledBackId).toEqual(expect.any(String));
    expect(await findJob(pool, rolledBackId ?? '')).toBeUndefined();

    // A sentinel committed after the rollback has run, so the worker has polled past it.
    const sentinelId = await enqueueCommitted('sentinel-after-rollback');
    await waitForJobState(pool, sentinelId ?? '', 'completed');

    expect(await effectsFor(pool, 'sentinel-after-rollback')).toHaveLength(1);
    expect(await effectsFor(pool, 'rolled-back')).toHaveLength(0);
    expect(deliveries).not.toContain('rolled-back');
  });

  it('runs a job whose transaction commits exactly once', async () => {
    const { pool } = database();
    const jobId = await enqueueCommitted('committed');
    expect(jobId).toEqual(expect.any(String));

    const job = await waitForJobState(pool, jobId ?? '', 'completed');
    expect(job.retryCount).toBe(0);
    expect(job.data).toEqual({ key: 'committed' });

    // Let the worker poll again after completion: a completed job is never delivered again.
    const sentinelId = await enqueueCommitted('sentinel-after-commit');
    await waitForJobState(pool, sentinelId ?? '', 'completed');

    expect(await effectsFor(pool, 'committed')).toEqual([{ attempt: 0 }]);
    expect(deliveries.filter((key) => key === 'committed')).toHaveLength(1);
  });

  it('validates the payload at enqueue time, so a bad job never reaches the queue', async () => {
    const { pool } = database();
    await expect(
      inTransaction(pool, (tx) => queue.enqueue(tx, 'test.record-effect', { key: 42 })),
    ).rejects.toThrow();
    await expect(
      inTransaction(pool, (tx) => queue.enqueue(tx, 'test.unknown', { key: 'x' })),
    ).rejects.toThrow('unknown job test.unknown');
  });
});
