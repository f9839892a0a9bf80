import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberRoles } from '../../src/modules/identity/identity.tables.js';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let brand: Org;
let other: Org;

function as(org: Org, role: string) {
  const found: TestMember | undefined = org.members[role];
  if (!found) throw new Error(`no ${role}`);
  return { bearer: found.accessToken };
}

const uniqueEmail = (label: string) =>
  `${label}.${crypto.randomBytes(4).toString('hex')}@test.spareflow.in`;

async function invite(org: Org, role: string, inviter = 'owner') {
  const email = uniqueEmail(role);
  const invited = await call('POST', '/api/v1/team/invitations', as(org, inviter), {
    email,
    role,
  });
  expect(invited.status).toBe(201);
  return { id: invited.json.id as string, email };
}

const list = (org: Org, role: string, query = '') =>
  call('GET', `/api/v1/team/invitations${query}`, as(org, role));
const revoke = (org: Org, role: string, id: string) =>
  call('POST', `/api/v1/team/invitations/${id}/revoke`, as(org, role));
const acceptAsNewPerson = (token: string) =>
  call('POST', '/api/v1/team/invitations/accept', null, {
    token,
    name: 'New Person',
    password: 'Invitee-password-1',
  });

beforeAll(async () => {
  const container = testApp().container;
  brand = await makeOrganization(container, 'brand', memberRoles);
  other = await makeOrganization(container, 'distributor', ['owner', 'admin']);
});

describe('GET /api/v1/team/invitations', () => {
  it('lists pending, accepted, revoked and expired staff invitations, filtered by status', async () => {
    const pending = await invite(brand, 'viewer');
    const accepted = await invite(brand, 'operator', 'admin');
    const { token } = await waitForEmail(testApp(), accepted.email, /invited/i);
    expect((await acceptAsNewPerson(token)).status).toBe(200);
    const expired = await invite(brand, 'manager');
    await testApp().database.pool.query(
      "update one_time_tokens set expires_at = now() - interval '1 minute' where id = $1",
      [expired.id],
    );
    const revoked = await invite(brand, 'admin');
    expect((await revoke(brand, 'admin', revoked.id)).status).toBe(200);

    const all = await list(brand, 'admin');
    expect(all.status).toBe(200);
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.items).toContainEqual({
      id: pending.id,
      email: pending.email,
      role: 'viewer',
      status: 'pending',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const statuses = Object.fromEntries(
      (all.json.items as Array<{ id: string; status: string }>).map((item) => [
        item.id,
        item.status,
      ]),
    );
    expect(statuses).toEqual({
      [pending.id]: 'pending',
      [accepted.id]: 'accepted',
      [expired.id]: 'expired',
      [revoked.id]: 'revoked',
    });
    for (const [status, id] of [
      ['pending', pending.id],
      ['accepted', accepted.id],
      ['expired', expired.id],
      ['revoked', revoked.id],
    ] as const) {
      const filtered = await list(brand, 'owner', `?status=${status}`);
      expect({ status, ids: filtered.json.items.map((item: { id: string }) => item.id) }).toEqual({
        status,
        ids: [id],
      });
    }
    const page = await list(brand, 'owner', '?limit=2');
    expect(page.json.items).toHaveLength(2);
    const rest = await list(brand, 'owner', `?limit=2&cursor=${page.json.nextCursor as string}`);
    expect(rest.json.items).toHaveLength(2);
    expect(rest.json.nextCursor).toBeNull();
    // Another organization sees none of them.
    const others = await list(other, 'owner');
    expect(others.status).toBe(200);
    expect(others.json.items).toEqual([]);
  });

  it('refuses managers, operators and viewers: 403', async () => {
    for (const role of ['manager', 'operator', 'viewer']) {
      const refused = await list(brand, role);
      expect([role, refused.status, refused.json.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
  });
});

describe('POST /api/v1/team/invitations/:id/revoke', () => {
  it('revokes a pending invitation: audited, and the e-mailed link then fails to accept', async () => {
    const invited = await invite(other, 'viewer');
    const { token } = await waitForEmail(testApp(), invited.email, /invited/i);
    const revoked = await revoke(other, 'admin', invited.id);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({
      id: invited.id,
      email: invited.email,
      role: 'viewer',
      status: 'revoked',
    });
    const refused = await acceptAsNewPerson(token);
    expect([refused.status, refused.json.code]).toEqual([400, 'TOKEN_INVALID']);
    const audit = await testApp().database.pool.query(
      "select organization_id from audit_log where entity_id = $1 and action = 'invitation.revoked'",
      [invited.id],
    );
    expect(audit.rows).toEqual([{ organization_id: other.organizationId }]);
  });

  it('answers 409 CONFLICT to an accepted, expired or already revoked invitation', async () => {
    const accepted = await invite(brand, 'viewer');
    const { token } = await waitForEmail(testApp(), accepted.email, /invited/i);
    expect((await acceptAsNewPerson(token)).status).toBe(200);
    const expired = await invite(brand, 'viewer');
    await testApp().database.pool.query(
      "update one_time_tokens set expires_at = now() - interval '1 minute' where id = $1",
      [expired.id],
    );
    const revoked = await invite(brand, 'viewer');
    expect((await revoke(brand, 'owner', revoked.id)).status).toBe(200);
    for (const id of [accepted.id, expired.id, revoked.id]) {
      const conflict = await revoke(brand, 'owner', id);
      expect([conflict.status, conflict.json.code]).toEqual([409, 'CONFLICT']);
    }
  });

  it("answers 404 to another organization's invitation and leaves it usable", async () => {
    const invited = await invite(brand, 'operator');
    const foreign = await revoke(other, 'owner', invited.id);
    expect([foreign.status, foreign.json.code]).toEqual([404, 'NOT_FOUND']);
    const { token } = await waitForEmail(testApp(), invited.email, /invited/i);
    expect((await acceptAsNewPerson(token)).status).toBe(200);
  });

  it('lets only an owner revoke an owner invitation, and refuses managers: 403', async () => {
    const ownerInvite = await invite(brand, 'owner');
    const byAdmin = await revoke(brand, 'admin', ownerInvite.id);
    expect([byAdmin.status, byAdmin.json.code]).toEqual([403, 'FORBIDDEN']);
    const viewerInvite = await invite(brand, 'viewer');
    const byManager = await revoke(brand, 'manager', viewerInvite.id);
    expect([byManager.status, byManager.json.code]).toEqual([403, 'FORBIDDEN']);
    expect((await revoke(brand, 'owner', ownerInvite.id)).status).toBe(200);
  });
});
