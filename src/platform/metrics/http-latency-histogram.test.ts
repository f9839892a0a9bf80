import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HttpLatencyHistogram } from './http-latency-histogram.js';

describe('HttpLatencyHistogram', () => {
  it('exports cumulative buckets, sum and count per method × route × status in Prometheus text', async () => {
    const histogram = new HttpLatencyHistogram();
    const registry = new client.Registry();
    registry.registerMetric(histogram as unknown as client.Metric);
    const parts = histogram.recorder('/api/v1/parts');
    parts('GET', 200, 0.002);
    parts('GET', 200, 0.005); // exactly on a bound counts in that bucket
    parts('GET', 200, 20); // above every bound: only +Inf
    parts('POST', 409, 0.03);

    const text = await registry.metrics();
    const series = (labels: string) =>
      text
        .split('\n')
        .filter((line) => line.includes(labels))
        .map((line) => line.replace(/^spareflow_http_request_duration_seconds_/, ''));
    expect(series('method="GET",route="/api/v1/parts",status_code="200"')).toEqual(
      expect.arrayContaining([
        'bucket{method="GET",route="/api/v1/parts",status_code="200",le="0.001"} 0',
        'bucket{method="GET",route="/api/v1/parts",status_code="200",le="0.005"} 2',
        'bucket{method="GET",route="/api/v1/parts",status_code="200",le="10"} 2',
        'bucket{method="GET",route="/api/v1/parts",status_code="200",le="+Inf"} 3',
        'sum{method="GET",route="/api/v1/parts",status_code="200"} 20.007',
        'count{method="GET",route="/api/v1/parts",status_code="200"} 3',
      ]),
    );
    expect(text).toContain('# TYPE spareflow_http_request_duration_seconds histogram');
    expect(text).toMatch(/_count\{method="POST",route="\/api\/v1\/parts",status_code="409"\} 1/);
  });
});
