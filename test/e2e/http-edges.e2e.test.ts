import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const app = {
  get url() {
    return testApp().url;
  },
};

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('HTTP edges', () => {
  it('answers liveness and readiness with every check listed', async () => {
    expect(await (await fetch(`${app.url}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      checks: Array<{ name: string; status: string }>;
    };
    expect(body.status).toBe('ready');
    expect(body.checks.map((check) => check.name)).toEqual([
      'accepting_traffic',
      'database',
      'migrations',
      'job_queue',
    ]);
  });

  it('refuses a 2 MB body with 413 problem+json and keeps serving', async () => {
    const response = await post(
      '/health/live',
      JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
  });

  it('answers an unknown route with 404 problem+json carrying the request id', async () => {
    const response = await fetch(`${app.url}/api/v1/does-not-exist`, {
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(await response.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      requestId: 'trace-42',
      title: 'Not found',
    });
  });

  it('answers malformed JSON with 400 problem+json and keeps serving', async () => {
    const response = await post('/health/live', '{"unterminated": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  });

  it('sets security headers and keeps CORS closed by default', async () => {
    const response = await fetch(`${app.url}/health/live`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves an OpenAPI 3.1 document that passes a validator, and the interactive reference', async () => {
    const document = (await (await fetch(`${app.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/metrics']),
    );
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const docs = await fetch(`${app.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics for HTTP, the pool, the queue and the process', async () => {
    await fetch(`${app.url}/health/live`);
    await fetch(`${app.url}/no-such-route`);
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(
      /spareflow_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/,
    );
    expect(text).toMatch(
      /spareflow_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
    );
    expect(text).toContain('spareflow_db_pool_connections');
    expect(text).toContain('spareflow_jobs_queued');
    expect(text).toContain('spareflow_process_resident_memory_bytes');
  });
});
