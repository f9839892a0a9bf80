import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/platform/crypto/secret-hash.js';
import {
  authClient,
  authTestPassword,
  authTestSecret,
  newAccount,
} from '../support/auth-client.js';
import { mailbox, waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ JWT_SECRET: authTestSecret });
const { call, query } = authClient(testApp);
const verifySubject = /Confirm your e-mail/;
const resetSubject = /Reset your SpareFlow password/;
const newPassword = 'Another-long-passphrase-7';

async function register() {
  const account = newAccount();
  const registered = await call('POST', '/api/v1/auth/register', account);
  expect(registered.status).toBe(201);
  return { ...account, email: account.email.toLowerCase(), registered: registered.json };
}

describe('account e-mails through the sandbox SMTP sink', () => {
  it('e-mails a verification link on registration; the token verifies once', async () => {
    const account = await register();
    const { item, token } = await waitForEmail(testApp(), account.email, verifySubject);
    expect(item.to).toEqual([account.email]);
    expect(item.links[0]).toMatch(/\/verify-email\?token=sft_/);
    const userId = account.registered.user.id as string;
    const before = await query('select email_verified_at from users where id = $1', [userId]);
    expect(before[0]?.email_verified_at).toBeNull();
    const accessToken = account.registered.accessToken as string;
    const meBefore = await call('GET', '/api/v1/me', undefined, accessToken);
    expect(meBefore.json.user.emailVerified).toBe(false);

    expect((await call('POST', '/api/v1/auth/verify-email', { token })).status).toBe(204);
    const after = await query('select email_verified_at from users where id = $1', [userId]);
    expect(after[0]?.email_verified_at).toBeInstanceOf(Date);
    const meAfter = await call('GET', '/api/v1/me', undefined, accessToken);
    expect(meAfter.json.user.emailVerified).toBe(true);
    const again = await call('POST', '/api/v1/auth/verify-email', { token });
    expect({ status: again.status, code: again.json.code }).toEqual({
      status: 400,
      code: 'TOKEN_INVALID',
    });
  });

  it('re-sends a verification link to a signed-in, unverified user', async () => {
    const account = await register();
    await waitForEmail(testApp(), account.email, verifySubject);
    const token = account.registered.accessToken as string;
    const resent = await call('POST', '/api/v1/auth/verify-email/resend', {}, token);
    expect(resent.status).toBe(202);
    // Documented without a body (contract fuzzing found a JSON `null` here).
    expect(resent.headers.get('content-length')).toBe('0');
    expect(resent.headers.get('content-type')).toBeNull();
    await waitForEmail(testApp(), account.email, verifySubject, { count: 2 });
  });

  it('answers 202 for an unknown address without issuing a token or an e-mail', async () => {
    const unknown = `nobody.${Date.now()}@example.in`;
    const response = await call('POST', '/api/v1/auth/password-reset/request', { email: unknown });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await query('select 1 from one_time_tokens where email = $1', [unknown])).toEqual([]);
    const jobs = await query(
      `select 1 from pgboss.job where name = 'email.send' and data->>'to' = $1`,
      [unknown],
    );
    expect(jobs).toEqual([]);
    expect(await mailbox(testApp(), unknown)).toEqual([]);
  });

  it('resets the password with the e-mailed token, ends old sessions, and spends the token', async () => {
    const account = await register();
    const oldRefresh = account.registered.refreshToken as string;
    const request = await call('POST', '/api/v1/auth/password-reset/request', {
      email: account.email.toUpperCase(),
    });
    expect(request.status).toBe(202);
    const { item, token } = await waitForEmail(testApp(), account.email, resetSubject);
    expect(item.links[0]).toMatch(/\/reset-password\?token=sft_/);

    const confirm = await call('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      newPassword,
    });
    expect(confirm.status).toBe(204);
    const login = (password: string) =>
      call('POST', '/api/v1/auth/login', { email: account.email, password });
    expect((await login(newPassword)).status).toBe(200);
    expect((await login(authTestPassword)).json.code).toBe('INVALID_CREDENTIALS');
    const refresh = await call('POST', '/api/v1/auth/refresh', { refreshToken: oldRefresh });
    expect(refresh.status).toBe(401);
    const audit = await query(`select 1 from audit_log where action = $1 and entity_id = $2`, [
      'user.password_reset',
      account.registered.user.id,
    ]);
    expect(audit).toHaveLength(1);

    const reuse = await call('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'Yet-another-passphrase-3',
    });
    expect({ status: reuse.status, code: reuse.json.code }).toEqual({
      status: 400,
      code: 'TOKEN_INVALID',
    });
  });

  it('refuses an expired reset token with 400 TOKEN_INVALID', async () => {
    const account = await register();
    await call('POST', '/api/v1/auth/password-reset/request', { email: account.email });
    const { token } = await waitForEmail(testApp(), account.email, resetSubject);
    await query(
      `update one_time_tokens set expires_at = now() - interval '1 minute' where token_hash = $1`,
      [hashSecret(token)],
    );
    const expired = await call('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      newPassword,
    });
    expect({ status: expired.status, code: expired.json.code }).toEqual({
      status: 400,
      code: 'TOKEN_INVALID',
    });
    const unknown = await call('POST', '/api/v1/auth/password-reset/confirm', {
      token: 'sft_unknown',
      newPassword,
    });
    expect(unknown.json.code).toBe('TOKEN_INVALID');
  });

  it('changes the password only with the right current password', async () => {
    const account = await register();
    const token = account.registered.accessToken as string;
    const wrong = await call(
      'POST',
      '/api/v1/auth/password-change',
      { currentPassword: 'not-my-password-1', newPassword },
      token,
    );
    expect({ status: wrong.status, code: wrong.json.code }).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    const right = await call(
      'POST',
      '/api/v1/auth/password-change',
      { currentPassword: authTestPassword, newPassword },
      token,
    );
    expect(right.status).toBe(204);
    const login = await call('POST', '/api/v1/auth/login', {
      email: account.email,
      password: newPassword,
    });
    expect(login.status).toBe(200);
    const audit = await query(`select 1 from audit_log where action = $1 and entity_id = $2`, [
      'user.password_changed',
      account.registered.user.id,
    ]);
    expect(audit).toHaveLength(1);
  });
});
