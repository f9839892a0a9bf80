import { describe, expect, it } from 'vitest';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { authClient, newAccount } from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ CORS_ORIGINS: 'https://console.example.in' });
const { query } = authClient(testApp);

interface Jar {
  sf_refresh?: string;
  sf_csrf?: string;
}

interface BrowserResponse {
  status: number;
  // Test-side view of whatever the server sent; each test asserts the fields it relies on.
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  setCookies: string[];
}

/** Cookie values out of Set-Cookie lines, as a browser would keep them (empty value = deleted). */
function absorb(jar: Jar, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const [name, ...rest] = (pair ?? '').split('=');
    const value = rest.join('=');
    if (name === 'sf_refresh' || name === 'sf_csrf') {
      if (value === '') delete jar[name];
      else jar[name] = value;
    }
  }
}

/** A tiny browser: sends the cookie header from its jar and keeps what the server sets. */
async function browser(
  jar: Jar,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; bearer?: string } = {},
): Promise<BrowserResponse> {
  const cookie = Object.entries(jar)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('; ');
  const response = await fetch(`${testApp().url}${path}`, {
    method: 'POST',
    headers: {
      'x-spareflow-session': 'cookie',
      ...(cookie ? { cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const setCookies = response.headers.getSetCookie();
  absorb(jar, setCookies);
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as BrowserResponse['json'],
    setCookies,
  };
}

async function signedInBrowser(): Promise<{ jar: Jar; login: BrowserResponse }> {
  const account = newAccount();
  const jar: Jar = {};
  const registered = await browser(jar, '/api/v1/auth/register', { body: account });
  expect(registered.status).toBe(201);
  const login = await browser(jar, '/api/v1/auth/login', {
    body: { email: account.email, password: account.password },
  });
  expect(login.status).toBe(200);
  return { jar, login };
}

const csrf = (jar: Jar) => ({ 'x-csrf-token': jar.sf_csrf ?? '' });

describe('browser sessions: cookies and CSRF', () => {
  it('sets an HttpOnly strict refresh cookie on /api/v1/auth and a readable CSRF cookie, body unchanged', async () => {
    const { jar, login } = await signedInBrowser();
    expect(Object.keys(login.json).sort()).toEqual(
      ['accessToken', 'expiresIn', 'organization', 'refreshToken', 'role', 'user'].sort(),
    );
    const refresh = login.setCookies.find((line) => line.startsWith('sf_refresh='));
    const token = login.setCookies.find((line) => line.startsWith('sf_csrf='));
    expect(refresh).toBeDefined();
    expect(token).toBeDefined();
    expect(refresh).toContain(`sf_refresh=${String(login.json.refreshToken)}`);
    expect(refresh).toMatch(/; HttpOnly/i);
    expect(refresh).toMatch(/; SameSite=Strict/i);
    expect(refresh).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
    expect(refresh).toMatch(/; Max-Age=2592000(;|$)/);
    // Plain http here: no Secure attribute (it is set exactly when the request came over https).
    expect(refresh).not.toMatch(/; Secure/i);
    expect(token).not.toMatch(/HttpOnly/i);
    expect(token).toMatch(/; SameSite=Strict/i);
    expect(token).toMatch(/; Path=\/(;|$)/);
    expect(jar.sf_csrf).toMatch(/^[\w-]{40,}$/);
  });

  it('sets no cookies for API clients that do not ask for them', async () => {
    const response = await fetch(`${testApp().url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newAccount()),
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refreshes from the cookie with the CSRF header and rotates both cookies', async () => {
    const { jar } = await signedInBrowser();
    const before = { ...jar };
    const refreshed = await browser(jar, '/api/v1/auth/refresh', { headers: csrf(jar) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refreshToken).toMatch(/^sfr_/);
    expect(jar.sf_refresh).toBe(refreshed.json.refreshToken);
    expect(jar.sf_refresh).not.toBe(before.sf_refresh);
    expect(jar.sf_csrf).not.toBe(before.sf_csrf);
    const me = await fetch(`${testApp().url}/api/v1/me`, {
      headers: { authorization: `Bearer ${String(refreshed.json.accessToken)}` },
    });
    expect(me.status).toBe(200);
    // An empty JSON object body works like no body.
    const again = await browser(jar, '/api/v1/auth/refresh', { body: {}, headers: csrf(jar) });
    expect(again.status).toBe(200);
  });

  it('refuses a cookie refresh without, or with a wrong, CSRF header: 403 CSRF_TOKEN_INVALID', async () => {
    const { jar } = await signedInBrowser();
    const missing = await browser(jar, '/api/v1/auth/refresh');
    expect(missing.status).toBe(403);
    expect(missing.json.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await browser(jar, '/api/v1/auth/refresh', {
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('CSRF_TOKEN_INVALID');
    const noCsrfCookie = await browser({ sf_refresh: jar.sf_refresh }, '/api/v1/auth/refresh', {
      headers: csrf(jar),
    });
    expect(noCsrfCookie.status).toBe(403);
    // The session survived the refused attempts.
    expect((await browser(jar, '/api/v1/auth/refresh', { headers: csrf(jar) })).status).toBe(200);
  });

  it('checks the Origin of cookie requests: own and CORS origins pass, others are 403', async () => {
    const { jar } = await signedInBrowser();
    const foreign = await browser(jar, '/api/v1/auth/refresh', {
      headers: { ...csrf(jar), origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.code).toBe('CSRF_TOKEN_INVALID');
    const own = await browser(jar, '/api/v1/auth/refresh', {
      headers: { ...csrf(jar), origin: new URL(testApp().url).origin },
    });
    expect(own.status).toBe(200);
    const cors = await browser(jar, '/api/v1/auth/refresh', {
      headers: { ...csrf(jar), origin: 'https://console.example.in' },
    });
    expect(cors.status).toBe(200);
    const account = newAccount();
    const foreignRegister = await browser({}, '/api/v1/auth/register', {
      body: account,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignRegister.status).toBe(403);
    expect(foreignRegister.json.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('answers 401 UNAUTHENTICATED without cookie and body token', async () => {
    const response = await browser({}, '/api/v1/auth/refresh');
    expect(response.status).toBe(401);
    expect(response.json.code).toBe('UNAUTHENTICATED');
    const logout = await browser({}, '/api/v1/auth/logout', { body: {} });
    expect(logout.status).toBe(401);
  });

  it('still detects reuse through the cookie: a replayed cookie revokes the family', async () => {
    const { jar } = await signedInBrowser();
    const stolen = { ...jar };
    expect((await browser(jar, '/api/v1/auth/refresh', { headers: csrf(jar) })).status).toBe(200);
    const replay = await browser(stolen, '/api/v1/auth/refresh', { headers: csrf(stolen) });
    expect(replay.status).toBe(401);
    expect(replay.json.code).toBe('UNAUTHENTICATED');
    // The replay cleared the thief's cookies, and the rightful holder's newer token is dead too.
    expect(stolen.sf_refresh).toBeUndefined();
    const victim = await browser(jar, '/api/v1/auth/refresh', { headers: csrf(jar) });
    expect(victim.status).toBe(401);
  });

  it('logs out through the cookie: revokes the family and clears both cookies', async () => {
    const { jar } = await signedInBrowser();
    const token = jar.sf_refresh;
    const withoutCsrf = await browser({ ...jar }, '/api/v1/auth/logout');
    expect(withoutCsrf.status).toBe(403);
    const logout = await browser(jar, '/api/v1/auth/logout', { headers: csrf(jar) });
    expect(logout.status).toBe(204);
    expect(logout.setCookies.some((line) => /^sf_refresh=;.*Max-Age=0/i.test(line))).toBe(true);
    expect(logout.setCookies.some((line) => /^sf_csrf=;.*Max-Age=0/i.test(line))).toBe(true);
    expect(jar).toEqual({});
    const reuse = await browser({}, '/api/v1/auth/refresh', { body: { refreshToken: token } });
    expect(reuse.status).toBe(401);
  });

  it('logout-all revokes every session of the user in every organization, audited', async () => {
    const account = newAccount();
    const first: Jar = {};
    const registered = await browser(first, '/api/v1/auth/register', { body: account });
    const second: Jar = {};
    const login = await browser(second, '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect(login.status).toBe(200);
    // A membership in a second organization, with its own session.
    const other = await makeOrganization(testApp().container, 'distributor', ['owner']);
    await query(
      `insert into memberships (user_id, organization_id, role) values ($1, $2, 'viewer')`,
      [registered.json.user.id, other.organizationId],
    );
    const third: Jar = {};
    const elsewhere = await browser(third, '/api/v1/auth/login', {
      body: {
        email: account.email,
        password: account.password,
        organizationId: other.organizationId,
      },
    });
    expect(elsewhere.status).toBe(200);

    const all = await browser(first, '/api/v1/auth/logout-all', {
      bearer: String(login.json.accessToken),
    });
    expect(all.status).toBe(204);
    expect(first).toEqual({});
    for (const jar of [second, third]) {
      const refreshed = await browser(jar, '/api/v1/auth/refresh', { headers: csrf(jar) });
      expect(refreshed.status).toBe(401);
    }
    const rows = await query(
      `select action, after from audit_log where entity_id = $1 and action = 'session.revoked_all'`,
      [registered.json.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ revokedTokens: 3 });
  });

  it('logout-all and switch-organization are refused to API keys and without credentials', async () => {
    const { organizationId } = await makeOrganization(testApp().container, 'brand', ['owner']);
    const key = await makeApiKey(testApp().container, organizationId, 'read_write');
    for (const path of ['/api/v1/auth/logout-all', '/api/v1/auth/switch-organization']) {
      const anonymous = await browser({}, path, { body: { organizationId } });
      expect(anonymous.status).toBe(401);
      const machine = await browser({}, path, {
        body: { organizationId },
        headers: { 'x-api-key': key },
      });
      expect(machine.status).toBe(403);
    }
  });

  it('switch-organization: 200 with a login-shaped answer for an own organization, 404 otherwise', async () => {
    const { jar, login } = await signedInBrowser();
    const bearer = String(login.json.accessToken);
    const userId = String(login.json.user.id);
    const mine = await makeOrganization(testApp().container, 'service_center', ['owner']);
    const foreign = await makeOrganization(testApp().container, 'brand', ['owner']);
    const suspended = await makeOrganization(testApp().container, 'distributor', ['owner']);
    for (const organizationId of [mine.organizationId, suspended.organizationId]) {
      await query(
        `insert into memberships (user_id, organization_id, role) values ($1, $2, 'manager')`,
        [userId, organizationId],
      );
    }
    await query(`update organizations set status = 'suspended' where id = $1`, [
      suspended.organizationId,
    ]);

    const before = jar.sf_refresh;
    const switched = await browser(jar, '/api/v1/auth/switch-organization', {
      bearer,
      body: { organizationId: mine.organizationId },
    });
    expect(switched.status).toBe(200);
    expect(switched.json).toMatchObject({
      user: { id: userId },
      organization: { id: mine.organizationId, type: 'service_center', name: mine.name },
      role: 'manager',
      expiresIn: 900,
    });
    expect(jar.sf_refresh).toBe(switched.json.refreshToken);
    expect(jar.sf_refresh).not.toBe(before);
    const me = await fetch(`${testApp().url}/api/v1/me`, {
      headers: { authorization: `Bearer ${String(switched.json.accessToken)}` },
    });
    expect(((await me.json()) as { organization: { id: string } }).organization.id).toBe(
      mine.organizationId,
    );
    // The previous session still works.
    const old = await browser({}, '/api/v1/auth/refresh', {
      body: { refreshToken: login.json.refreshToken },
    });
    expect(old.status).toBe(200);

    for (const organizationId of [foreign.organizationId, suspended.organizationId]) {
      const refused = await browser({}, '/api/v1/auth/switch-organization', {
        bearer,
        body: { organizationId },
      });
      expect(refused.status).toBe(404);
      expect(refused.json.code).toBe('NOT_FOUND');
    }
    const audited = await query(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'session.organization_switched'`,
      [userId],
    );
    expect(audited[0]?.n).toBe(1);
  });
});
