import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

// The test client connects from 127.0.0.1: it plays the reverse proxy, which appends the address
// it saw to whatever X-Forwarded-For the client sent.
const testApp = useTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_AUTH_PER_MINUTE: '3' });

const randomAddress = () => `198.51.100.${crypto.randomInt(1, 255)}`;

/** A login for an unknown e-mail, relayed by the proxy for `client` with a forged left part. */
async function loginVia(client: string, forged: string): Promise<number> {
  const response = await fetch(`${testApp().url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `${forged}, ${client}` },
    body: JSON.stringify({ email: `nobody.${Date.now()}@example.in`, password: 'Wrong-pass-1' }),
  });
  return response.status;
}

describe('per-IP rate limit behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  it('counts a client whose forged X-Forwarded-For entries rotate as one address', async () => {
    const client = '203.0.113.7';
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await loginVia(client, `${randomAddress()}, ${randomAddress()}`)).toBe(401);
    }
    expect(await loginVia(client, randomAddress())).toBe(429);
    expect(await loginVia(client, `10.0.0.${crypto.randomInt(1, 255)}`)).toBe(429);
  });

  it('gives another client behind the same proxy its own counter', async () => {
    expect(await loginVia('203.0.113.8', randomAddress())).toBe(401);
  });
});
