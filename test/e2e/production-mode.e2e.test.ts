import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authClient, newAccount } from '../support/auth-client.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/** Production as a staging system runs it: every integration simulated, on purpose. */
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: crypto.randomBytes(32).toString('hex'),
  APP_URL: 'https://spareflow.example',
  ALLOW_SANDBOX_IN_PRODUCTION: 'true',
};

/** Waits until the sandbox SMTP sink itself (not the HTTP mailbox) holds a message for `to`. */
async function sinkReceived(app: TestApp, to: string, subject: RegExp): Promise<void> {
  const sink = app.container.emailSink;
  if (!sink) throw new Error('expected e-mail in sandbox mode');
  const deadline = Date.now() + 20_000;
  while (!sink.list(to).some((item) => subject.test(item.subject))) {
    if (Date.now() > deadline) throw new Error(`no "${String(subject)}" e-mail for ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('production with sandbox integrations allowed (ALLOW_SANDBOX_IN_PRODUCTION)', () => {
  const testApp = useTestApp(production);
  const { call } = authClient(testApp);

  it('never serves the sandbox mailbox, even while it holds a password-reset link', async () => {
    const account = newAccount();
    const email = account.email.toLowerCase();
    expect((await call('POST', '/api/v1/auth/register', account)).status).toBe(201);
    const reset = await call('POST', '/api/v1/auth/password-reset/request', { email });
    expect(reset.status).toBe(202);
    await sinkReceived(testApp(), email, /Reset your SpareFlow password/);

    for (const path of [
      `/api/v1/sandbox/mailbox?to=${encodeURIComponent(email)}`,
      '/api/v1/sandbox/mailbox',
    ]) {
      const mailbox = await call('GET', path);
      expect({ status: mailbox.status, code: mailbox.json.code }).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it('says the integrations are simulated but offers no mailbox', async () => {
    const info = await call('GET', '/api/v1/system/info');
    expect(info.json).toMatchObject({
      environment: 'production',
      sandbox: true,
      sandboxMailbox: false,
    });
  });

  it('serves no /metrics without METRICS_TOKEN', async () => {
    const response = await fetch(`${testApp().url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('spareflow_');
  });
});

describe('production /metrics with METRICS_TOKEN', () => {
  const token = crypto.randomBytes(24).toString('base64url');
  const testApp = useTestApp({ ...production, METRICS_TOKEN: token });
  const scrape = (authorization?: string) =>
    fetch(`${testApp().url}/metrics`, authorization ? { headers: { authorization } } : {});

  it('answers 401 problem+json without the bearer token or with another one', async () => {
    for (const authorization of [undefined, `Bearer ${token}x`, token, 'Bearer ']) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = await response.text();
      expect(body).toContain('UNAUTHENTICATED');
      expect(body).not.toContain('spareflow_');
    }
  });

  it('serves the Prometheus text to the scraper holding the token', async () => {
    const response = await scrape(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('spareflow_http_request_duration_seconds');
  });
});
