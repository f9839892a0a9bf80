import crypto from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  authClient,
  authTestPassword,
  authTestSecret,
  bodiesWithPasswordHashes,
  newAccount,
} from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ JWT_SECRET: authTestSecret });
const { call, query, bodies } = authClient(testApp);
const password = authTestPassword;

describe('identity: credentials, lockout, tokens and organizations', () => {
  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const account = newAccount();
    await call('POST', '/api/v1/auth/register', account);
    const wrong = await call('POST', '/api/v1/auth/login', {
      email: account.email,
      password: 'Wrong-password-1',
    });
    const unknown = await call('POST', '/api/v1/auth/login', {
      email: `nobody.${account.email}`,
      password,
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.json.code).toBe('INVALID_CREDENTIALS');
    }
    expect(wrong.json.detail).toBe(unknown.json.detail);
    expect(wrong.json.title).toBe(unknown.json.title);
  });

  it('locks the account after 5 failures, refuses even the right password, and unlocks when it expires', async () => {
    const account = newAccount('service_center');
    await call('POST', '/api/v1/auth/register', account);
    const attempt = (pw: string) =>
      call('POST', '/api/v1/auth/login', { email: account.email, password: pw });
    for (let failure = 1; failure <= 4; failure += 1) {
      expect((await attempt(`Wrong-password-${failure}`)).json.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await attempt('Wrong-password-5');
    expect(fifth.status).toBe(429);
    expect(fifth.json.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(fifth.headers.get('retry-after')).toBe(String(fifth.json.retryAfterSeconds));

    const rightButLocked = await attempt(password);
    expect(rightButLocked.status).toBe(429);
    expect(rightButLocked.json.code).toBe('ACCOUNT_LOCKED');
    expect(Number(rightButLocked.headers.get('retry-after'))).toBeGreaterThan(0);

    await query(
      `update users set locked_until = now() - interval '1 second' where lower(email) = lower($1)`,
      [account.email],
    );
    expect((await attempt(password)).status).toBe(200);
    const [row] = await query(
      'select failed_login_count from users where lower(email) = lower($1)',
      [account.email],
    );
    expect(row?.failed_login_count).toBe(0);
  });

  it('refuses forged, foreign, mis-addressed and expired access tokens on /me', async () => {
    const account = newAccount('customer');
    const registered = await call('POST', '/api/v1/auth/register', account);
    const payload = { org: registered.json.organization.id, role: 'owner', typ: 'access' };
    const iat = Math.floor(Date.now() / 1000);
    const build = (key: string, options: { aud?: string; exp?: number } = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(registered.json.user.id)
        .setIssuer('spareflow')
        .setAudience(options.aud ?? 'spareflow-api')
        .setIssuedAt(iat - 3600)
        .setExpirationTime(options.exp ?? iat + 600)
        .sign(new TextEncoder().encode(key));
    const secret = authTestSecret;
    expect((await call('GET', '/api/v1/me', undefined, await build(secret))).status).toBe(200);
    const none = new UnsecuredJWT(payload)
      .setSubject(registered.json.user.id)
      .setIssuer('spareflow')
      .setAudience('spareflow-api')
      .setExpirationTime('10m')
      .encode();
    for (const token of [
      none,
      await build('some-other-secret-some-other-secret-01234'),
      await build(secret, { aud: 'another-api' }),
      await build(secret, { exp: iat - 60 }),
    ]) {
      const response = await call('GET', '/api/v1/me', undefined, token);
      expect(response.status).toBe(401);
      expect(response.json.code).toBe('UNAUTHENTICATED');
    }
  });

  it('logs into the oldest membership by default, a chosen one on request, never a foreign one', async () => {
    const alice = await call('POST', '/api/v1/auth/register', newAccount('brand'));
    const other = await call('POST', '/api/v1/auth/register', newAccount('distributor'));
    const email = alice.json.user.email as string;
    await query(
      `insert into memberships (user_id, organization_id, role, created_at)
       values ($1, $2, 'viewer', now() + interval '1 minute')`,
      [alice.json.user.id, other.json.organization.id],
    );
    const byDefault = await call('POST', '/api/v1/auth/login', { email, password });
    expect(byDefault.json.organization.id).toBe(alice.json.organization.id);
    expect(byDefault.json.role).toBe('owner');
    const chosen = await call('POST', '/api/v1/auth/login', {
      email,
      password,
      organizationId: other.json.organization.id,
    });
    expect(chosen.status).toBe(200);
    expect(chosen.json).toMatchObject({ role: 'viewer', organization: { type: 'distributor' } });
    const me = await call('GET', '/api/v1/me', undefined, chosen.json.accessToken);
    expect(me.json.memberships).toHaveLength(2);
    const foreign = await call('POST', '/api/v1/auth/login', {
      email,
      password,
      organizationId: crypto.randomUUID(),
    });
    expect(foreign.status).toBe(401);
    expect(foreign.json.code).toBe('INVALID_CREDENTIALS');

    // The role is re-read on refresh: a demotion shows in the next access token's session.
    await query(
      `update memberships set role = 'operator' where user_id = $1 and organization_id = $2`,
      [alice.json.user.id, other.json.organization.id],
    );
    const refreshed = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: chosen.json.refreshToken,
    });
    expect((await call('GET', '/api/v1/me', undefined, refreshed.json.accessToken)).json.role).toBe(
      'operator',
    );

    // A suspended organization: no login, no refresh, and its tokens stop working at once.
    await query(`update organizations set status = 'suspended' where id = $1`, [
      other.json.organization.id,
    ]);
    const suspended = await call('POST', '/api/v1/auth/login', {
      email,
      password,
      organizationId: other.json.organization.id,
    });
    expect(suspended.status).toBe(403);
    expect(suspended.json.code).toBe('ORGANIZATION_SUSPENDED');
    const refreshSuspended = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: refreshed.json.refreshToken,
    });
    expect(refreshSuspended.json.code).toBe('ORGANIZATION_SUSPENDED');
    expect((await call('GET', '/api/v1/me', undefined, refreshed.json.accessToken)).status).toBe(
      401,
    );
    const otherOwner = await call('POST', '/api/v1/auth/login', {
      email: other.json.user.email,
      password,
    });
    expect(otherOwner.json.code).toBe('ORGANIZATION_SUSPENDED');
  });

  it('lets only one of two simultaneous refreshes of a token win, then revokes the family', async () => {
    const registered = await call('POST', '/api/v1/auth/register', newAccount('customer'));
    const results = await Promise.all(
      [1, 2].map(() =>
        call('POST', '/api/v1/auth/refresh', { refreshToken: registered.json.refreshToken }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    const winner = results.find((result) => result.status === 200);
    const next = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: winner?.json.refreshToken,
    });
    expect(next.status).toBe(401);
    const live = await query(
      'select count(*)::int as n from refresh_tokens where user_id = $1 and revoked_at is null',
      [registered.json.user.id],
    );
    expect(live).toEqual([{ n: 0 }]);
  });

  it('never puts a password hash in a response body', () => {
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodiesWithPasswordHashes(bodies)).toEqual([]);
  });
});
