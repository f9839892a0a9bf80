import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../src/modules/notifications/smtp-sink.js';
import { runDoctor } from '../../src/modules/ops/doctor.service.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { authTestSecret, newAccount } from '../support/auth-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Live mode (EMAIL_HOST set) against a relay we control: an SMTP sink outside the app.
let relay: SmtpSink;
let app: TestApp;

beforeAll(async () => {
  relay = await SmtpSink.start(createLogger({ level: 'silent' }));
  app = await startTestApp({
    JWT_SECRET: authTestSecret,
    EMAIL_HOST: '127.0.0.1',
    EMAIL_PORT: String(relay.port),
    EMAIL_FROM: 'SpareFlow <no-reply@spareflow.test>',
    APP_URL: 'https://app.spareflow.test',
  });
});

afterAll(async () => {
  await app.stop();
  await relay.stop();
});

describe('e-mail in live mode', () => {
  it('has no sandbox mailbox route (404) and no in-process sink', async () => {
    expect(app.container.config.integrations.email).toBe('live');
    expect(app.container.emailSink).toBeUndefined();
    const response = await fetch(`${app.url}/api/v1/sandbox/mailbox`);
    expect(response.status).toBe(404);
  });

  it('sends the verification e-mail to the configured relay with an APP_URL link', async () => {
    const account = newAccount();
    const registered = await fetch(`${app.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    expect(registered.status).toBe(201);
    const deadline = Date.now() + 20_000;
    while (relay.list(account.email).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const [message] = relay.list(account.email);
    expect(message?.links[0]).toMatch(
      /^https:\/\/app\.spareflow\.test\/verify-email\?token=sft_[\w-]+$/,
    );
  });

  it('reports the relay as reachable in the doctor', async () => {
    const report = await runDoctor(app.container.doctorChecks);
    expect(report.findings.find((finding) => finding.name === 'email')).toEqual({
      name: 'email',
      status: 'ok',
      detail: `SMTP relay 127.0.0.1:${relay.port} accepted the connection`,
    });
  });
});
