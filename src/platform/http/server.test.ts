import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { registerHealthRoutes } from '../health/health.routes.js';
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { buildHttpServer } from './server.js';

async function serverWithLogLines(
  env: Record<string, string> = { NODE_ENV: 'test' },
  level: 'info' | 'debug' = 'info',
) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const app = await buildHttpServer({
    config: loadConfig(env),
    logger: createLogger({ level, destination }),
    metrics: new Metrics(),
    registerRoutes: (routes) => registerHealthRoutes(routes, [], () => false),
    authenticate: async () => null,
  });
  return { app, lines };
}

describe('buildHttpServer', () => {
  it('does not log probes request by request, but logs other requests with their request id', async () => {
    const { app, lines } = await serverWithLogLines();
    await app.inject('/health/live');
    await app.inject('/health/ready?verbose=1');
    await app.inject('/metrics');
    expect(lines).toEqual([]);

    const response = await app.inject('/api/v1/unknown');
    const requestId = response.headers['x-request-id'];
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    expect(lines.every((line) => line.reqId === requestId)).toBe(true);
    await app.close();
  });

  it('writes request lines at debug in development, so a terminal shows the banner, not clicks', async () => {
    const quiet = await serverWithLogLines({ NODE_ENV: 'development' }, 'info');
    await quiet.app.inject('/api/v1/unknown');
    expect(quiet.lines.map((line) => line.msg)).not.toContain('incoming request');
    await quiet.app.close();

    const verbose = await serverWithLogLines({ NODE_ENV: 'development' }, 'debug');
    await verbose.app.inject('/api/v1/unknown');
    const requestLines = verbose.lines.filter((line) =>
      ['incoming request', 'request completed'].includes(String(line.msg)),
    );
    expect(requestLines.map((line) => line.level)).toEqual(['debug', 'debug']);
    await verbose.app.close();
  });

  it('gives each request a distinct id, and keeps a well-formed incoming X-Request-Id', async () => {
    const { app } = await serverWithLogLines();
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await app.inject('/health/live')).headers['x-request-id']),
    );
    expect(new Set(ids).size).toBe(3);
    const kept = await app.inject({
      url: '/health/live',
      headers: { 'x-request-id': 'erp-7.1:a' },
    });
    expect(kept.headers['x-request-id']).toBe('erp-7.1:a');
    const replaced = await app.inject({
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\u0000' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('bad id\u0000');
    await app.close();
  });

  it('sends the API security headers on JSON and the browser set on the HTML reference', async () => {
    const { app } = await serverWithLogLines();
    const json = await app.inject('/health/live');
    expect(json.headers).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    const page = await app.inject('/docs/');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(page.headers['content-security-policy'])).toContain('script-src');
    await app.close();
  });

  it('answers CORS only for the origins listed in CORS_ORIGINS', async () => {
    const { app } = await serverWithLogLines({ CORS_ORIGINS: 'https://app.kaveri.example' });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/health/live',
      headers: { origin: 'https://app.kaveri.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.kaveri.example');
    const foreign = await app.inject({
      url: '/health/live',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('answers router errors (bad percent-encoding, overlong parameter) as problem+json 400', async () => {
    const app = await buildHttpServer({
      config: loadConfig({}),
      logger: createLogger({ level: 'silent' }),
      metrics: new Metrics(),
      registerRoutes: (routes) => {
        routes.get(
          '/api/v1/things/:id',
          { config: { policy: { access: 'public' }, problems: [] } },
          async () => ({}),
        );
      },
      authenticate: async () => null,
    });
    // Found by contract fuzzing: Fastify's own JSON, without our headers or problem document.
    for (const url of ['/api/v1/things/y%ED%BF%BF', `/api/v1/things/${'x'.repeat(201)}`]) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        requestId: response.headers['x-request-id'],
      });
    }
    await app.close();
  });
});
