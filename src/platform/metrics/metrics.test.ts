import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { JobQueue, QueueStats } from '../jobs/job-queue.js';
import { Metrics } from './metrics.js';

/** Current values of one metric, keyed by their labels as JSON (`{}` for an unlabelled gauge). */
async function valuesOf(metrics: Metrics, name: string): Promise<Record<string, number>> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  expect(metric, `metric ${name}`).toBeDefined();
  return Object.fromEntries(
    (metric?.values ?? []).map((value) => [JSON.stringify(value.labels), value.value]),
  );
}

/** A stand-in for the queue: only `stats()` is read by the gauges. */
function fakeQueue(read: () => Promise<QueueStats[]>) {
  const calls = { count: 0 };
  const queue = {
    stats: () => {
      calls.count += 1;
      return read();
    },
  };
  // The gauges only call stats(); a real JobQueue would need PostgreSQL.
  return { queue: queue as unknown as JobQueue, calls };
}

describe('Metrics', () => {
  it('exposes the default process metrics under the spareflow_ prefix', async () => {
    const text = await new Metrics().registry.metrics();
    expect(text).toContain('spareflow_process_cpu_user_seconds_total');
    expect(text).toContain('spareflow_nodejs_heap_size_used_bytes');
    expect(text).toContain('spareflow_http_request_duration_seconds');
    const names = [...text.matchAll(/^# TYPE (\S+)/gm)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name).toMatch(/^spareflow_/);
  });

  it('gives each instance its own registry', async () => {
    const first = new Metrics();
    const second = new Metrics();
    expect(first.registry).not.toBe(second.registry);
    first.httpRouteRecorder('/parts')('GET', 200, 0.02);
    expect(await first.registry.metrics()).toContain('route="/parts"');
    expect(await second.registry.metrics()).not.toContain('route="/parts"');
  });

  it('reads the database pools at scrape time, one series per pool', async () => {
    const metrics = new Metrics();
    const app = { totalCount: 5, idleCount: 3, waitingCount: 1 };
    const read = { totalCount: 2, idleCount: 2, waitingCount: 0 };
    // Only the three counters are read; a real pg.Pool would need a server.
    metrics.observeDatabasePools({ app, read } as unknown as Record<string, pg.Pool>);
    expect(await valuesOf(metrics, 'spareflow_db_pool_connections')).toEqual({
      '{"pool":"app"}': 5,
      '{"pool":"read"}': 2,
    });
    expect(await valuesOf(metrics, 'spareflow_db_pool_idle')).toEqual({
      '{"pool":"app"}': 3,
      '{"pool":"read"}': 2,
    });
    Object.assign(app, { totalCount: 10, idleCount: 0, waitingCount: 7 });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^spareflow_db_pool_connections\{pool="app"\} 10$/m);
    expect(text).toMatch(/^spareflow_db_pool_idle\{pool="app"\} 0$/m);
    expect(text).toMatch(/^spareflow_db_pool_waiting\{pool="app"\} 7$/m);
    expect(text).toMatch(/^spareflow_db_pool_waiting\{pool="read"\} 0$/m);
  });

  it('reports per-queue job gauges from a single stats() call per scrape', async () => {
    const metrics = new Metrics();
    const { queue, calls } = fakeQueue(async () => [
      { name: 'shipment.book', queued: 4, active: 1, failed: 0 },
      { name: 'wallet.settle', queued: 0, active: 2, failed: 3 },
    ]);
    metrics.observeJobQueue(queue);
    expect(calls.count).toBe(0);
    const text = await metrics.registry.metrics();
    expect(calls.count).toBe(1);
    expect(text).toContain('spareflow_jobs_queued{queue="shipment.book"} 4');
    expect(text).toContain('spareflow_jobs_queued{queue="wallet.settle"} 0');
    expect(text).toContain('spareflow_jobs_active{queue="shipment.book"} 1');
    expect(text).toContain('spareflow_jobs_active{queue="wallet.settle"} 2');
    expect(text).toContain('spareflow_jobs_failed{queue="shipment.book"} 0');
    expect(text).toContain('spareflow_jobs_failed{queue="wallet.settle"} 3');
  });

  it('still answers a scrape when the queue cannot be read', async () => {
    const metrics = new Metrics();
    const { queue, calls } = fakeQueue(async () => {
      throw new Error('database unavailable');
    });
    metrics.observeJobQueue(queue);
    const text = await metrics.registry.metrics();
    expect(calls.count).toBe(1);
    expect(text).toContain('# TYPE spareflow_jobs_queued gauge');
    expect(text).not.toMatch(/^spareflow_jobs_queued\{/m);
    expect(text).toContain('spareflow_process_cpu_user_seconds_total');
  });
});
