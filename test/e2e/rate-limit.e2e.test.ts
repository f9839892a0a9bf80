import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authClient, newAccount } from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '50' });
const { call } = authClient(testApp);

/** A login for an e-mail no one has: 401, and no account to lock, so only the IP limit applies. */
const strangerLogin = () =>
  call('POST', '/api/v1/auth/login', {
    email: `nobody.${crypto.randomBytes(4).toString('hex')}@example.in`,
    password: 'Not-the-password-1',
  });

describe('rate limiting per client IP (in-memory counters)', () => {
  it('answers the 4th login within a minute with 429 RATE_LIMITED problem+json and Retry-After', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const response = await strangerLogin();
      expect(response.status).toBe(401);
      expect(response.json.code).toBe('INVALID_CREDENTIALS');
      expect(response.headers.get('ratelimit-limit')).toBe('3');
    }
    const limited = await strangerLogin();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.json).toMatchObject({
      type: 'https://spareflow.in/problems/rate-limited',
      status: 429,
      code: 'RATE_LIMITED',
      instance: '/api/v1/auth/login',
      requestId: limited.headers.get('x-request-id'),
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json.retryAfterSeconds).toBe(retryAfter);
    // Still limited: the counter does not reset on a refused request.
    expect((await strangerLogin()).status).toBe(429);
  });

  it('keeps other routes answering: the credential limit is per route', async () => {
    const registered = await call('POST', '/api/v1/auth/register', newAccount());
    expect(registered.status).toBe(201);
    const me = await call('GET', '/api/v1/me', undefined, registered.json.accessToken);
    expect(me.status).toBe(200);
    expect(me.headers.get('ratelimit-limit')).toBe('50');
    expect((await call('GET', '/api/v1/me')).status).toBe(401);
  });

  it('applies the credential limit to routes other modules add under its paths (password reset)', async () => {
    const request = () =>
      call('POST', '/api/v1/auth/password-reset/request', { email: 'someone@example.in' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const response = await request();
      expect(response.status).toBeLessThan(429);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
    }
    expect((await request()).json).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('never limits the probes and the metrics scrape', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const response = await fetch(`${testApp().url}/health/live`);
      statuses.push(response.status);
      expect(response.headers.get('ratelimit-limit')).toBeNull();
      await response.arrayBuffer();
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    for (let i = 0; i < 60; i += 1) {
      const response = await fetch(`${testApp().url}/metrics`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('limits every other route at RATE_LIMIT_PER_MINUTE per IP, with one counter across routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      statuses.push((await call('GET', i % 2 === 0 ? '/api/v1/me' : '/openapi.json')).status);
    }
    // Earlier tests already spent part of the 50; once refused, every later request is refused.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused).toBeLessThanOrEqual(50);
    expect(statuses.slice(firstRefused)).toEqual(statuses.slice(firstRefused).map(() => 429));
    const limited = await call('GET', '/api/v1/me');
    expect(limited.json).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
