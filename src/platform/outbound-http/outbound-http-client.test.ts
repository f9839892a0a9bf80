import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { OutboundHttpClient, OutboundHttpError, redactHeaders } from './outbound-http-client.js';
import { OutboundHttpMetrics } from './outbound-http-metrics.js';
import { isForbiddenAddress } from './address-guard.js';

/** A vendor on loopback that misbehaves in each of the ways real ones do. */
let vendor: FastifyInstance;
let baseUrl: string;
const hits = new Map<string, number>();
const hit = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};

beforeAll(async () => {
  vendor = Fastify();
  vendor.get('/ok', async (request) => ({ ok: true, auth: request.headers.authorization }));
  vendor.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { late: true };
  });
  vendor.get('/hang', (_request, reply) => {
    void reply; // never answers
  });
  vendor.get('/reset', (request) => {
    request.raw.socket.destroy();
  });
  vendor.get('/flaky/:key', async (request, reply) => {
    const n = hit((request.params as { key: string }).key);
    if (n < 3) return reply.status(503).send({ error: 'down' });
    return { attempt: n };
  });
  vendor.get('/rate-limited/:key', async (request, reply) => {
    const n = hit((request.params as { key: string }).key);
    if (n === 1) return reply.status(429).header('retry-after', '0').send({});
    return { attempt: n };
  });
  vendor.post('/charge/:key', async (request, reply) => {
    hit((request.params as { key: string }).key);
    return reply.status(502).send({});
  });
  vendor.get('/not-found/:key', async (request, reply) => {
    hit((request.params as { key: string }).key);
    return reply.status(404).send({ error: { code: 'NOPE' } });
  });
  baseUrl = await vendor.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await vendor.close();
});

const lines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  }),
});

function makeClient(overrides: Partial<ConstructorParameters<typeof OutboundHttpClient>[0]> = {}) {
  const registry = new client.Registry();
  const metrics = new OutboundHttpMetrics(registry);
  const http = new OutboundHttpClient({
    vendor: 'testvendor',
    baseUrl,
    allowLoopback: true,
    timeoutMs: 2000,
    retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
    metrics,
    logger,
    defaultHeaders: { authorization: 'Basic c2VjcmV0OnNlY3JldA==' },
    ...overrides,
  });
  return { http, registry };
}

const counter = async (registry: client.Registry, name: string) =>
  (await registry.getSingleMetric(name)?.get())?.values ?? [];

describe('OutboundHttpClient', () => {
  it('returns the answer with its status and parsed JSON, sending default headers', async () => {
    const { http, registry } = makeClient();
    const response = await http.send({ method: 'GET', path: '/ok', endpoint: '/ok' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true, auth: 'Basic c2VjcmV0OnNlY3JldA==' });
    expect(response.attempts).toBe(1);
    expect(await counter(registry, 'spareflow_outbound_http_requests_total')).toEqual([
      expect.objectContaining({
        value: 1,
        labels: { vendor: 'testvendor', endpoint: 'GET /ok', outcome: 'success' },
      }),
    ]);
    await http.close();
  });

  it('retries 5xx with backoff until the vendor answers 200, counting each attempt', async () => {
    const { http, registry } = makeClient();
    const response = await http.send({ method: 'GET', path: '/flaky/a', endpoint: '/flaky/:key' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ attempt: 3 });
    expect(response.attempts).toBe(3);
    const values = await counter(registry, 'spareflow_outbound_http_requests_total');
    const byOutcome = Object.fromEntries(values.map((v) => [v.labels.outcome, v.value]));
    expect(byOutcome).toEqual({ server_error: 2, success: 1 });
    await http.close();
  });

  it('retries a 429 after its Retry-After', async () => {
    const { http } = makeClient();
    const response = await http.send({ method: 'GET', path: '/rate-limited/r', endpoint: '/r' });
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    await http.close();
  });

  it('gives up after the policy and returns the last 5xx answer', async () => {
    const { http } = makeClient({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 } });
    const response = await http.send({ method: 'GET', path: '/flaky/b', endpoint: '/flaky/:key' });
    expect(response).toMatchObject({ status: 503, attempts: 2 });
    await http.close();
  });

  it('does not retry a POST unless the caller marks it safe', async () => {
    const { http } = makeClient();
    const once = await http.send({
      method: 'POST',
      path: '/charge/p1',
      endpoint: '/charge',
      json: {},
    });
    expect(once).toMatchObject({ status: 502, attempts: 1 });
    expect(hits.get('p1')).toBe(1);
    const safe = await http.send({
      method: 'POST',
      path: '/charge/p2',
      endpoint: '/charge',
      json: {},
      retrySafe: true,
    });
    expect(safe).toMatchObject({ status: 502, attempts: 4 });
    expect(hits.get('p2')).toBe(4);
    await http.close();
  });

  it('does not retry a 4xx: it is an answer', async () => {
    const { http } = makeClient();
    const response = await http.send({ method: 'GET', path: '/not-found/n', endpoint: '/nf' });
    expect(response).toMatchObject({ status: 404, attempts: 1 });
    expect(hits.get('n')).toBe(1);
    await http.close();
  });

  it('times out a hanging vendor on every attempt and reports a timeout', async () => {
    const { http, registry } = makeClient({
      timeoutMs: 100,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const started = Date.now();
    const failure = await http
      .send({ method: 'GET', path: '/hang', endpoint: '/hang' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutboundHttpError);
    expect(failure).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(1500);
    const values = await counter(registry, 'spareflow_outbound_http_requests_total');
    expect(values).toEqual([
      expect.objectContaining({
        value: 2,
        labels: expect.objectContaining({ outcome: 'timeout' }),
      }),
    ]);
    await http.close();
  });

  it('a slow answer within the timeout arrives; a per-call timeout can be shorter', async () => {
    const { http } = makeClient({ retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    expect((await http.send({ method: 'GET', path: '/slow', endpoint: '/slow' })).status).toBe(200);
    await expect(
      http.send({ method: 'GET', path: '/slow', endpoint: '/slow', timeoutMs: 50 }),
    ).rejects.toMatchObject({ kind: 'timeout' });
    await http.close();
  });

  it('reports a reset connection as a network error after retrying', async () => {
    const { http } = makeClient({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(
      http.send({ method: 'GET', path: '/reset', endpoint: '/reset' }),
    ).rejects.toMatchObject({
      kind: 'network',
      attempts: 3,
    });
    await http.close();
  });

  it('times out a connection that cannot be established', async () => {
    // 10.255.255.1 is unroutable: a SYN goes unanswered. The SSRF guard would refuse it first,
    // so this uses a public TEST-NET-1 address (RFC 5737), which is not routed either.
    const { http } = makeClient({
      baseUrl: 'http://192.0.2.1:81',
      allowLoopback: false,
      connectTimeoutMs: 100,
      timeoutMs: 3000,
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const failure = await http
      .send({ method: 'GET', path: '/ok', endpoint: '/ok' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutboundHttpError);
    // No route to a documentation address fails fast on some hosts: either way, no answer.
    expect(['timeout', 'network']).toContain((failure as OutboundHttpError).kind);
    await http.close();
  });

  it('refuses loopback when the client is not a sandbox one, without retrying', async () => {
    const { http, registry } = makeClient({
      allowLoopback: false,
      baseUrl: baseUrl.replace('127.0.0.1', 'localhost'),
    });
    await expect(http.send({ method: 'GET', path: '/ok', endpoint: '/ok' })).rejects.toMatchObject({
      kind: 'refused',
      attempts: 1,
    });
    const values = await counter(registry, 'spareflow_outbound_http_requests_total');
    expect(values[0]?.labels.outcome).toBe('refused');
    await http.close();
  });

  it('refuses private, link-local and non-http base URLs outright', () => {
    for (const url of [
      'http://169.254.169.254',
      'http://10.1.2.3',
      'http://[::1]:8080',
      'http://127.0.0.1',
    ])
      expect(() => new OutboundHttpClient({ vendor: 'v', baseUrl: url })).toThrow(
        /private or reserved/,
      );
    expect(() => new OutboundHttpClient({ vendor: 'v', baseUrl: 'file:///etc/passwd' })).toThrow(
      /only http and https/,
    );
    expect(
      () =>
        new OutboundHttpClient({ vendor: 'v', baseUrl: 'http://10.1.2.3', allowLoopback: true }),
    ).toThrow(/private or reserved/);
  });

  it('refuses a path that would leave the base URL', async () => {
    const { http } = makeClient();
    await expect(
      http.send({ method: 'GET', path: '//evil.example/x', endpoint: '/x' }),
    ).rejects.toThrow(/path must be absolute/);
    await http.close();
  });

  it('never writes credentials or signatures to the log', async () => {
    lines.length = 0;
    const { http } = makeClient();
    await http.send({
      method: 'GET',
      path: '/flaky/log',
      endpoint: '/flaky/:key',
      headers: { 'x-razorpay-signature': 'abcdef0123', 'x-refund-idempotency': 'refund_1234567' },
    });
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toContain('c2VjcmV0OnNlY3JldA==');
    expect(text).not.toContain('abcdef0123');
    expect(text).toContain('refund_1234567');
    await http.close();
  });
});

describe('redactHeaders and isForbiddenAddress', () => {
  it('redacts authorization, secrets and signatures only', () => {
    expect(
      redactHeaders({
        Authorization: 'Basic x',
        'X-Razorpay-Signature': 's',
        'x-key-secret': 'k',
        'content-type': 'application/json',
      }),
    ).toEqual({
      Authorization: '[REDACTED]',
      'X-Razorpay-Signature': '[REDACTED]',
      'x-key-secret': '[REDACTED]',
      'content-type': 'application/json',
    });
  });

  it('knows the private, loopback and link-local ranges, IPv4-mapped included', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
      '0.0.0.0',
    ])
      expect(isForbiddenAddress(address), address).toBe(true);
    for (const address of ['104.18.1.1', '8.8.8.8', '2606:4700::1111', '172.32.0.1'])
      expect(isForbiddenAddress(address), address).toBe(false);
  });
});
