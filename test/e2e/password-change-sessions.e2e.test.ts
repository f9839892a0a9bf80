import { describe, expect, it } from 'vitest';
import { authClient, authTestPassword, newAccount } from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const { call, query } = authClient(testApp);

interface Session {
  accessToken: string;
  refreshToken: string;
}

/** A registered user with three sessions: the registration's and two more logins. */
async function userWithThreeSessions() {
  const account = newAccount();
  const registered = await call('POST', '/api/v1/auth/register', account);
  expect(registered.status).toBe(201);
  const sessions: Session[] = [registered.json as Session];
  for (let login = 0; login < 2; login += 1) {
    const response = await call('POST', '/api/v1/auth/login', {
      email: account.email,
      password: authTestPassword,
    });
    expect(response.status).toBe(200);
    sessions.push(response.json as Session);
  }
  return { account, userId: registered.json.user.id as string, sessions };
}

const refresh = async (session: Session) =>
  (await call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status;

const changePassword = (accessToken: string) =>
  call(
    'POST',
    '/api/v1/auth/password-change',
    { currentPassword: authTestPassword, newPassword: 'A-new-long-passphrase-8' },
    accessToken,
  );

describe('POST /api/v1/auth/password-change ends the other sessions', () => {
  it('revokes every other refresh token of the user and keeps the caller’s session', async () => {
    const { userId, sessions } = await userWithThreeSessions();
    const [first, current, third] = sessions as [Session, Session, Session];
    expect((await changePassword(current.accessToken)).status).toBe(204);

    expect(await refresh(first)).toBe(401);
    expect(await refresh(third)).toBe(401);
    expect(await refresh(current)).toBe(200);

    const audit = await query(
      `select after from audit_log where action = 'user.password_changed' and entity_id = $1`,
      [userId],
    );
    expect(audit).toEqual([{ after: { revokedSessions: 2, keptSession: true } }]);
  });

  it('revokes every session when the access token names none (issued before sessions were named)', async () => {
    const { userId, sessions } = await userWithThreeSessions();
    const membership = await query(
      'select organization_id, role from memberships where user_id = $1',
      [userId],
    );
    const unnamed = await testApp().container.accessTokens.sign({
      userId,
      organizationId: String(membership[0]?.organization_id),
      role: membership[0]?.role as 'owner',
    });
    expect((await changePassword(unnamed)).status).toBe(204);
    for (const session of sessions) expect(await refresh(session)).toBe(401);
  });
});
