import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../support/test-app.js';

// The machine's Redis (CI starts it in .ci/run). Unreachable Redis fails this file, never skips it.
const redisUrl = 'redis://127.0.0.1:6379';
const prefix = `spareflow-test:${crypto.randomBytes(6).toString('hex')}:`;
const shared = { REDIS_URL: redisUrl, RATE_LIMIT_REDIS_PREFIX: prefix };
const limits = { RATE_LIMIT_AUTH_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000' };

const appA = useTestApp({ ...shared, ...limits });
const appB = useTestApp({ ...shared, ...limits });
// Nothing listens on port 1: the limiter must fail open, not take the API down.
const appWithoutRedis = useTestApp({ ...limits, REDIS_URL: 'redis://127.0.0.1:1' });

const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
beforeAll(async () => {
  await redis.connect();
  expect(await redis.ping()).toBe('PONG');
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function login(app: () => TestApp) {
  const response = await fetch(`${app().url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `nobody.${crypto.randomBytes(4).toString('hex')}@example.in`,
      password: 'Not-the-password-1',
    }),
  });
  const body = (await response.json()) as { code: string; retryAfterSeconds?: number };
  return {
    status: response.status,
    code: body.code,
    retryAfter: response.headers.get('retry-after'),
  };
}

describe('rate limiting with REDIS_URL', () => {
  it('shares the count between two instances: 3 allowed across both, the 4th is refused', async () => {
    expect((await login(appA)).status).toBe(401);
    expect((await login(appB)).status).toBe(401);
    expect((await login(appA)).status).toBe(401);
    const fourth = await login(appB);
    expect(fourth).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await login(appA)).status).toBe(429);
    // The counters are in Redis, under our prefix.
    expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);
  });

  it('fails open when Redis is unreachable: requests pass, nothing is limited', async () => {
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await login(appWithoutRedis)).toMatchObject({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
    expect((await fetch(`${appWithoutRedis().url}/health/ready`)).status).toBe(200);
  });
});
