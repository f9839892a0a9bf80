/**
 * The HTTP latency histogram (`spareflow_http_request_duration_seconds{method,route,status_code}`),
 * accumulated in plain arrays on the request path and turned into Prometheus series only when
 * scraped. prom-client's Histogram validates and hashes labels on every observation, which was a
 * measurable share of a small request (bench/http-baseline); here the route is bound once per route
 * and an observation is a bucket search and three additions. It registers in the prom-client
 * registry like any metric (an object with `name` and `get()`), so `/metrics` is unchanged.
 */
export const httpLatencyBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { method: string; route: string; status_code: string };
  /** Per-bucket (non-cumulative) counts; the last slot counts values above every bound. */
  counts: Float64Array;
  sum: number;
  count: number;
}

interface ExportedValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

export class HttpLatencyHistogram {
  readonly name = 'spareflow_http_request_duration_seconds';
  readonly help = 'HTTP request latency by route template and status code';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series: Series[] = [];

  /** A recorder for one route template; each method × status gets its series on first use. */
  recorder(route: string): (method: string, statusCode: number, seconds: number) => void {
    const byKey = new Map<number, Map<string, Series>>();
    return (method, statusCode, seconds) => {
      let byMethod = byKey.get(statusCode);
      if (!byMethod) {
        byMethod = new Map();
        byKey.set(statusCode, byMethod);
      }
      let series = byMethod.get(method);
      if (!series) {
        series = {
          labels: { method, route, status_code: String(statusCode) },
          counts: new Float64Array(httpLatencyBuckets.length + 1),
          sum: 0,
          count: 0,
        };
        byMethod.set(method, series);
        this.series.push(series);
      }
      let bucket = 0;
      while (bucket < httpLatencyBuckets.length && seconds > (httpLatencyBuckets[bucket] ?? 0)) {
        bucket += 1;
      }
      series.counts[bucket] = (series.counts[bucket] ?? 0) + 1;
      series.sum += seconds;
      series.count += 1;
    };
  }

  /** The registry's export contract (what prom-client's own metrics return). */
  async get() {
    const values: ExportedValue[] = [];
    for (const series of this.series) {
      let cumulative = 0;
      httpLatencyBuckets.forEach((bound, index) => {
        cumulative += series.counts[index] ?? 0;
        values.push({
          labels: { ...series.labels, le: bound },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      });
      values.push({
        labels: { ...series.labels, le: '+Inf' },
        value: series.count,
        metricName: `${this.name}_bucket`,
      });
      values.push({ labels: series.labels, value: series.sum, metricName: `${this.name}_sum` });
      values.push({ labels: series.labels, value: series.count, metricName: `${this.name}_count` });
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }

  reset(): void {
    this.series.length = 0;
  }
}
