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

describe('identity: register, login, me, refresh, logout', () => {
  it('runs the whole session life cycle with refresh-token rotation and family revocation', async () => {
    const account = newAccount();
    const registered = await call('POST', '/api/v1/auth/register', account);
    expect(registered.status).toBe(201);
    expect(Object.keys(registered.json).sort()).toEqual(
      ['accessToken', 'organization', 'refreshToken', 'user'].sort(),
    );
    expect(registered.json.user).toEqual({
      id: expect.any(String),
      email: account.email.toLowerCase(),
      name: account.name,
    });
    expect(registered.json.organization).toMatchObject({
      type: 'brand',
      name: account.organization.name,
    });

    const audit = await query(
      'select action from audit_log where entity_id = $1 or entity_id = $2',
      [registered.json.user.id, registered.json.organization.id],
    );
    expect(audit.map((row) => row.action).sort()).toEqual([
      'organization.created',
      'user.registered',
    ]);

    const again = await call('POST', '/api/v1/auth/register', {
      ...account,
      email: account.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('CONFLICT');

    const login = await call('POST', '/api/v1/auth/login', { email: account.email, password });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ expiresIn: 900, role: 'owner', user: registered.json.user });
    expect(login.json.organization).toEqual(registered.json.organization);
    expect(login.json.refreshToken).toMatch(/^sfr_/);

    const me = await call('GET', '/api/v1/me', undefined, login.json.accessToken);
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      user: { ...registered.json.user, phone: account.phone, emailVerified: false },
      organization: registered.json.organization,
      role: 'owner',
      memberships: [
        {
          organizationId: registered.json.organization.id,
          organizationName: account.organization.name,
          organizationType: 'brand',
          role: 'owner',
        },
      ],
      // A brand owner may do everything a brand does, but nothing of partners or the platform.
      capabilities: [
        'account.use',
        'audit.read',
        'catalog.read',
        'catalog.write',
        'catalog.import',
        'catalog.export',
        'imports.read',
        'stock.read',
        'stock.write',
        'stock.import',
        'stock.export',
        'locations.read',
        'locations.write',
        'pincodes.read',
        'organization.read',
        'organization.edit',
        'team.read',
        'team.manage',
        'api_keys.manage',
        'network.read',
        'network.decide',
        'network.requests.read',
        'invoices.read',
        'wallet.read',
        'wallet.manage',
        'wallet.topup',
        'rates.quote',
      ],
    });

    const refreshed = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: login.json.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refreshToken).not.toBe(login.json.refreshToken);
    expect((await call('GET', '/api/v1/me', undefined, refreshed.json.accessToken)).status).toBe(
      200,
    );

    // The rotated token comes back: refused, and the token issued from it dies with its family.
    const replay = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: login.json.refreshToken,
    });
    expect(replay.status).toBe(401);
    expect(replay.json.code).toBe('UNAUTHENTICATED');
    const afterReplay = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: refreshed.json.refreshToken,
    });
    expect(afterReplay.status).toBe(401);

    // Logout revokes a live session's token; the first session (registration) is unaffected.
    const second = await call('POST', '/api/v1/auth/login', { email: account.email, password });
    const logout = await call('POST', '/api/v1/auth/logout', {
      refreshToken: second.json.refreshToken,
    });
    expect(logout.status).toBe(204);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { refreshToken: second.json.refreshToken }))
        .status,
    ).toBe(401);
    const first = await call('POST', '/api/v1/auth/refresh', {
      refreshToken: registered.json.refreshToken,
    });
    expect(first.status).toBe(200);
  });

  it('refuses role smuggling and platform registration, creating nothing', async () => {
    const before = await query(
      `select count(*)::int as n from memberships m join organizations o on o.id = m.organization_id where o.type = 'platform'`,
    );
    for (const body of [
      { ...newAccount(), role: 'owner' },
      { ...newAccount(), isPlatformAdmin: true },
      newAccount('platform'),
      { ...newAccount(), organization: { ...newAccount().organization, role: 'owner' } },
    ]) {
      const response = await call('POST', '/api/v1/auth/register', body);
      expect(response.status).toBe(400);
      expect(response.json.code).toBe('VALIDATION_FAILED');
      expect(
        await query('select 1 from users where lower(email) = lower($1)', [body.email]),
      ).toEqual([]);
    }
    const after = await query(
      `select count(*)::int as n from memberships m join organizations o on o.id = m.organization_id where o.type = 'platform'`,
    );
    expect(after).toEqual(before);
    expect(
      await query(`select 1 from organizations where type = 'platform' and name like 'Org %'`),
    ).toEqual([]);
  });

  it('never puts a password hash in a response body', () => {
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodiesWithPasswordHashes(bodies)).toEqual([]);
  });
});
