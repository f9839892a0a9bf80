import client from 'prom-client';
import type pg from 'pg';
import type { JobQueue, QueueStats } from '../jobs/job-queue.js';
import { HttpLatencyHistogram } from './http-latency-histogram.js';
import { OutboundHttpMetrics } from '../outbound-http/outbound-http-metrics.js';

/**
 * One Prometheus registry per app instance (tests run several apps in one process, so no global
 * registry). Gauges that describe other components read them at scrape time.
 */
export class Metrics {
  readonly registry = new client.Registry();
  readonly httpDuration: HttpLatencyHistogram;
  /** Calls to vendor APIs (outbound-http): attempts by outcome, retries, latency. */
  readonly outboundHttp: OutboundHttpMetrics;

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'spareflow_' });
    this.httpDuration = new HttpLatencyHistogram();
    // prom-client's registry accepts any metric with a name and get(); see the class comment.
    this.registry.registerMetric(this.httpDuration as unknown as client.Metric);
    this.outboundHttp = new OutboundHttpMetrics(this.registry);
  }

  /** A latency recorder bound to one route template (see HttpLatencyHistogram). */
  httpRouteRecorder(route: string): (method: string, statusCode: number, seconds: number) => void {
    return this.httpDuration.recorder(route);
  }

  /** Connection gauges of each named pool (`pool` label: `app`, `read`), read at scrape time. */
  observeDatabasePools(pools: Readonly<Record<string, pg.Pool>>): void {
    const gauge = (name: string, help: string, read: (pool: pg.Pool) => number) =>
      new client.Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers: [this.registry],
        collect() {
          for (const [label, pool] of Object.entries(pools)) this.set({ pool: label }, read(pool));
        },
      });
    gauge('spareflow_db_pool_connections', 'Open connections in the pool', (p) => p.totalCount);
    gauge('spareflow_db_pool_idle', 'Idle connections in the pool', (p) => p.idleCount);
    gauge(
      'spareflow_db_pool_waiting',
      'Queries waiting for a connection of the pool',
      (p) => p.waitingCount,
    );
  }

  observeJobQueue(queue: JobQueue): void {
    // One query feeds every queue gauge; scrapes within a second share it.
    let latest: { at: number; stats: Promise<QueueStats[]> } | undefined;
    const readStats = () => {
      if (!latest || Date.now() - latest.at > 1000)
        latest = { at: Date.now(), stats: queue.stats() };
      return latest.stats;
    };
    const queueGauge = (name: string, help: string, pick: (stats: QueueStats) => number) =>
      new client.Gauge({
        name,
        help,
        labelNames: ['queue'],
        registers: [this.registry],
        async collect() {
          for (const stats of await readStats().catch(() => []))
            this.set({ queue: stats.name }, pick(stats));
        },
      });
    queueGauge(
      'spareflow_jobs_queued',
      'Jobs waiting to run, including scheduled retries',
      (s) => s.queued,
    );
    queueGauge('spareflow_jobs_active', 'Jobs running now', (s) => s.active);
    queueGauge(
      'spareflow_jobs_failed',
      'Jobs that exhausted their retries and wait for a person',
      (s) => s.failed,
    );
  }
}
