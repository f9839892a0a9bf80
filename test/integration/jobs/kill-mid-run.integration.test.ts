import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/test-database.js';
import {
  createEffectsTable,
  effectsFor,
  findJob,
  waitForJobState,
  waitUntil,
} from './jobs-test-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = path.join(root, 'test/support/fixtures/kill-test-worker.ts');

type WorkerEvent = Record<string, unknown> & { event: string; pid: number };

interface WorkerProcess {
  child: ChildProcess;
  events(name: string): WorkerEvent[];
  waitFor(name: string): Promise<WorkerEvent>;
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** The fixture worker in a child process; its JSON lines on stdout become `events`. */
function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const events = (name: string) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as WorkerEvent)
      .filter((event) => event.event === name);
  return {
    child,
    events,
    waitFor: (name) =>
      waitUntil(`worker ${child.pid} reports ${name}`, async () => {
        const found = events(name)[0];
        if (!found && child.exitCode !== null)
          throw new Error(`worker exited (${child.exitCode}) before ${name}:\n${stdout}${stderr}`);
        return found;
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
  };
}

async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      running.delete(child);
    }),
  );
}

const database = useTestDatabase();

async function receiptCount(key: string): Promise<number> {
  const { rows } = await database().pool.query<{ count: number }>(
    'select count(*)::int as count from job_receipts where key = $1',
    [key],
  );
  return rows[0]?.count ?? 0;
}

describe('a worker killed mid-job (at-least-once delivery, idempotent handler)', () => {
  beforeAll(async () => {
    await createEffectsTable(database().pool);
  });
  afterEach(killAll);
  afterAll(killAll);

  it('killed inside the effect transaction: the effect rolls back and the retry makes it exactly once', async () => {
    const { pool } = database();
    const first = startWorker({
      DATABASE_URL: database().url,
      KILL_WINDOW: 'inside',
      ENQUEUE_KEY: 'kill-inside',
    });
    const hanging = await first.waitFor('hanging');
    const jobId = String(hanging.jobId);
    expect(hanging).toMatchObject({ window: 'inside', key: 'kill-inside' });
    // The effect row is written but not committed: nobody else can see it.
    expect(await effectsFor(pool, 'kill-inside')).toEqual([]);
    expect((await findJob(pool, jobId))?.state).toBe('active');

    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');
    const second = startWorker({ DATABASE_URL: database().url, KILL_WINDOW: 'inside' });

    // The dead run expires (2 s), is rescheduled, and the fresh process delivers it again.
    const job = await waitForJobState(pool, jobId, 'completed');
    expect(job.retryCount).toBe(1);
    expect(await second.waitFor('once')).toMatchObject({
      key: 'kill-inside',
      attempt: 1,
      ran: true,
    });
    expect(await effectsFor(pool, 'kill-inside')).toEqual([{ attempt: 1 }]);
    expect(await receiptCount('test.kill-mid-run:kill-inside')).toBe(1);
  }, 90_000);

  it('killed after the effect committed but before the job completed: the redelivery skips the effect', async () => {
    const { pool } = database();
    const first = startWorker({
      DATABASE_URL: database().url,
      KILL_WINDOW: 'after',
      ENQUEUE_KEY: 'kill-after',
    });
    const hanging = await first.waitFor('hanging');
    const jobId = String(hanging.jobId);
    expect(hanging).toMatchObject({ window: 'after', key: 'kill-after' });
    expect(await first.waitFor('once')).toMatchObject({ attempt: 0, ran: true });
    // Effect committed, yet pg-boss still has the job active: the dangerous window.
    expect(await effectsFor(pool, 'kill-after')).toEqual([{ attempt: 0 }]);
    expect((await findJob(pool, jobId))?.state).toBe('active');

    await first.kill();
    const second = startWorker({ DATABASE_URL: database().url, KILL_WINDOW: 'after' });

    const job = await waitForJobState(pool, jobId, 'completed');
    // Delivered twice (attempts 0 and 1) …
    expect(job.retryCount).toBe(1);
    // … but the second delivery found the receipt and did not repeat the effect.
    expect(await second.waitFor('once')).toMatchObject({
      key: 'kill-after',
      attempt: 1,
      ran: false,
    });
    expect(await effectsFor(pool, 'kill-after')).toEqual([{ attempt: 0 }]);
    expect(await receiptCount('test.kill-mid-run:kill-after')).toBe(1);
  }, 90_000);
});
