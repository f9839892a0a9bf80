import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { apiCaller } from '../support/api-call.js';
import { waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let brand: Org;
let other: Org;

function member(org: Org, role: string): TestMember {
  const found = org.members[role];
  if (!found) throw new Error(`no ${role}`);
  return found;
}
const as = (org: Org, role: string) => ({ bearer: member(org, role).accessToken });

beforeAll(async () => {
  const container = testApp().container;
  brand = await makeOrganization(container, 'brand', [
    'owner',
    'admin',
    'manager',
    'operator',
    'viewer',
  ]);
  other = await makeOrganization(container, 'brand', ['owner', 'operator']);
});

describe('team members', () => {
  it('lists the members of the caller’s organization only, to any role', async () => {
    const { status, json } = await call('GET', '/api/v1/team/members', as(brand, 'viewer'));
    expect(status).toBe(200);
    const items = json.items as Array<{ userId: string; email: string; role: string }>;
    expect(items.map((item) => item.role).sort()).toEqual(
      ['admin', 'manager', 'operator', 'owner', 'viewer'].sort(),
    );
    expect(items.find((item) => item.role === 'owner')).toMatchObject({
      userId: member(brand, 'owner').userId,
      email: member(brand, 'owner').email,
    });
    expect(items.map((item) => item.userId)).not.toContain(member(other, 'owner').userId);
  });

  it('lets an admin promote an operator to manager, and audits it', async () => {
    const operator = member(brand, 'operator');
    const { status, json } = await call(
      'PATCH',
      `/api/v1/team/members/${operator.userId}`,
      as(brand, 'admin'),
      { role: 'manager' },
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ userId: operator.userId, role: 'manager' });
    const audit = await testApp().container.database.pool.query<{
      before: unknown;
      after: unknown;
    }>(
      `select before, after from audit_log where action = 'membership.role_changed' and entity_id = $1`,
      [operator.userId],
    );
    expect(audit.rows).toEqual([{ before: { role: 'operator' }, after: { role: 'manager' } }]);
  });

  it('forbids (403) an admin to change or remove the owner, or to grant owner', async () => {
    const owner = member(brand, 'owner');
    const admin = as(brand, 'admin');
    const demote = await call('PATCH', `/api/v1/team/members/${owner.userId}`, admin, {
      role: 'viewer',
    });
    expect([demote.status, demote.json.code]).toEqual([403, 'FORBIDDEN']);
    const remove = await call('DELETE', `/api/v1/team/members/${owner.userId}`, admin);
    expect(remove.status).toBe(403);
    const grant = await call(
      'PATCH',
      `/api/v1/team/members/${member(brand, 'viewer').userId}`,
      admin,
      { role: 'owner' },
    );
    expect(grant.status).toBe(403);
  });

  it('refuses (409) to demote or remove the last owner, even by that owner', async () => {
    const owner = member(brand, 'owner');
    const demote = await call('PATCH', `/api/v1/team/members/${owner.userId}`, as(brand, 'owner'), {
      role: 'admin',
    });
    expect([demote.status, demote.json.code]).toEqual([409, 'CONFLICT']);
    const remove = await call('DELETE', `/api/v1/team/members/${owner.userId}`, as(brand, 'owner'));
    expect(remove.status).toBe(409);
  });

  it('answers 404 for a member of another organization', async () => {
    const stranger = member(other, 'operator').userId;
    const patch = await call('PATCH', `/api/v1/team/members/${stranger}`, as(brand, 'owner'), {
      role: 'viewer',
    });
    expect([patch.status, patch.json.code]).toEqual([404, 'NOT_FOUND']);
    const remove = await call('DELETE', `/api/v1/team/members/${stranger}`, as(brand, 'owner'));
    expect(remove.status).toBe(404);
  });

  it('removes a member: their token stops working for the organization and refresh is revoked', async () => {
    const container = testApp().container;
    const org = await makeOrganization(container, 'distributor', ['owner', 'operator']);
    const operator = member(org, 'operator');
    const login = await call('POST', '/api/v1/auth/login', null, {
      email: operator.email,
      password: operator.password,
    });
    expect(login.status).toBe(200);
    const removed = await call(
      'DELETE',
      `/api/v1/team/members/${operator.userId}`,
      as(org, 'owner'),
    );
    expect(removed.status).toBe(204);
    expect((await call('GET', '/api/v1/me', { bearer: operator.accessToken })).status).toBe(401);
    const live = await container.database.pool.query(
      `select 1 from refresh_tokens where user_id = $1 and organization_id = $2 and revoked_at is null`,
      [operator.userId, org.organizationId],
    );
    expect(live.rowCount).toBe(0);
    const refresh = await call('POST', '/api/v1/auth/refresh', null, {
      refreshToken: login.json.refreshToken,
    });
    expect(refresh.status).toBe(401);
  });
});

describe('team invitations', () => {
  it('forbids a viewer to invite (403) and an admin to invite an owner (403)', async () => {
    const viewer = await call('POST', '/api/v1/team/invitations', as(brand, 'viewer'), {
      email: 'nobody@test.spareflow.in',
      role: 'viewer',
    });
    expect(viewer.status).toBe(403);
    const owner = await call('POST', '/api/v1/team/invitations', as(brand, 'admin'), {
      email: 'nobody@test.spareflow.in',
      role: 'owner',
    });
    expect(owner.status).toBe(403);
  });

  it('e-mails an invitation; a new person accepts, logs in with the role; the token is single use', async () => {
    const email = `invitee.${Date.now()}@test.spareflow.in`;
    const invited = await call('POST', '/api/v1/team/invitations', as(brand, 'admin'), {
      email,
      role: 'operator',
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ email, role: 'operator' });
    const days = (Date.parse(invited.json.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const { item, token } = await waitForEmail(testApp(), email, /invited/i);
    expect(token).toMatch(/^sft_/);
    expect(item.links.some((link) => link.includes('/accept-invitation?token='))).toBe(true);

    const password = 'Invitee-password-1';
    const weak = await call('POST', '/api/v1/team/invitations/accept', null, {
      token,
      name: 'New Operator',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    const accepted = await call('POST', '/api/v1/team/invitations/accept', null, {
      token,
      name: 'New Operator',
      password,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ organizationId: brand.organizationId, role: 'operator' });

    const login = await call('POST', '/api/v1/auth/login', null, { email, password });
    expect(login.status).toBe(200);
    const me = await call('GET', '/api/v1/me', { bearer: login.json.accessToken as string });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      role: 'operator',
      organization: { id: brand.organizationId },
    });

    const reused = await call('POST', '/api/v1/team/invitations/accept', null, {
      token,
      name: 'New Operator',
      password,
    });
    expect([reused.status, reused.json.code]).toEqual([400, 'TOKEN_INVALID']);
  });

  it('lets an existing user join only with their password (401 otherwise)', async () => {
    const existing = member(other, 'owner');
    const invited = await call('POST', '/api/v1/team/invitations', as(brand, 'owner'), {
      email: existing.email,
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const { token } = await waitForEmail(testApp(), existing.email, /invited/i);
    const withoutProof = await call('POST', '/api/v1/team/invitations/accept', null, { token });
    expect([withoutProof.status, withoutProof.json.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    const accepted = await call('POST', '/api/v1/team/invitations/accept', null, {
      token,
      password: existing.password,
    });
    expect(accepted.json).toEqual({ organizationId: brand.organizationId, role: 'viewer' });
  });

  it('answers 400 TOKEN_INVALID to an unknown token', async () => {
    const { status, json } = await call('POST', '/api/v1/team/invitations/accept', null, {
      token: 'sft_unknown',
      name: 'X',
      password: 'Long-enough-password',
    });
    expect([status, json.code]).toEqual([400, 'TOKEN_INVALID']);
  });
});
