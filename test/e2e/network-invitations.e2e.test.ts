import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/platform/crypto/secret-hash.js';
import { isActivePartner } from '../../src/modules/network/index.js';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

interface Org {
  organizationId: string;
  owner: TestMember;
  members: Record<string, TestMember>;
}

type PartnerType = 'distributor' | 'service_center';

async function org(
  type: 'brand' | PartnerType,
  roles: ReadonlyArray<'owner' | 'admin' | 'manager'> = ['owner'],
): Promise<Org> {
  const made = await makeOrganization(testApp().container, type, roles);
  return { ...made, owner: made.members.owner as TestMember };
}

const as = (o: Org) => ({ bearer: o.owner.accessToken });

let brand: Org;

async function invite(partnerType: PartnerType, email: string) {
  const created = await call('POST', '/api/v1/network/invitations', as(brand), {
    email,
    partnerType,
  });
  expect(created.status).toBe(201);
  const token = new URL(created.json.acceptUrl as string).searchParams.get('token') ?? '';
  return { created: created.json, token };
}

const accept = (partner: Org, token: string, member: TestMember = partner.owner) =>
  call('POST', '/api/v1/network/invitations/accept', { bearer: member.accessToken }, { token });

/** A distributor linked to the brand through an invitation its owner accepted. */
async function activePartner(): Promise<Org> {
  const distributor = await org('distributor');
  const { token } = await invite('distributor', distributor.owner.email);
  expect((await accept(distributor, token)).status).toBe(200);
  return distributor;
}

/** `member`'s user also belongs to `other` with `role`, signed in there. */
async function alsoMemberOf(member: TestMember, other: Org, role: 'owner'): Promise<TestMember> {
  const { container, database } = testApp();
  await database.pool.query(
    'insert into memberships (user_id, organization_id, role) values ($1, $2, $3)',
    [member.userId, other.organizationId, role],
  );
  const accessToken = await container.accessTokens.sign({
    userId: member.userId,
    organizationId: other.organizationId,
    role,
  });
  return { ...member, organizationId: other.organizationId, role, accessToken };
}

const transition = (partner: Org, action: string) =>
  call('POST', `/api/v1/network/partners/${partner.organizationId}/${action}`, as(brand));

beforeAll(async () => {
  brand = await org('brand');
});

describe('partner network: invitations', () => {
  it('e-mails the invitee the single-use accept link, which a service center can use', async () => {
    const serviceCenter = await org('service_center');
    const email = serviceCenter.owner.email;
    const created = await call('POST', '/api/v1/network/invitations', as(brand), {
      email,
      partnerType: 'service_center',
    });
    expect(created.status).toBe(201);
    const { item, token } = await waitForEmail(
      testApp(),
      email,
      /invites you to its service centre network/,
    );
    expect(item.links.some((link) => link === created.json.acceptUrl)).toBe(true);
    expect(await accept(serviceCenter, token)).toMatchObject({
      status: 200,
      json: { brandId: brand.organizationId, status: 'active' },
    });
  });

  it('invites (token stored hashed, sandbox acceptUrl), accepts once, then refuses the used token', async () => {
    const distributor = await org('distributor');
    // Addresses are compared without regard to case.
    const { created, token } = await invite('distributor', distributor.owner.email.toUpperCase());
    expect(created).toMatchObject({
      email: distributor.owner.email.toLowerCase(),
      partnerType: 'distributor',
    });
    const days = (Date.parse(created.expiresAt as string) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(token).toMatch(/^sfi_/);

    const pool = testApp().database.pool;
    const stored = await pool.query('select token_hash from partner_invitations where id = $1', [
      created.id,
    ]);
    expect(stored.rows[0].token_hash).toBe(hashSecret(token));
    const leaks = await pool.query(
      "select count(*)::int as n from (select payload::text as t from domain_events union all select row_to_json(audit_log)::text from audit_log) x where t like '%' || $1 || '%'",
      [token],
    );
    expect(leaks.rows[0].n).toBe(0);

    const accepted = await accept(distributor, token);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ brandId: brand.organizationId, status: 'active' });
    const brands = await call('GET', '/api/v1/network/partners', as(distributor));
    expect(brands.json.items).toMatchObject([{ brandId: brand.organizationId, status: 'active' }]);

    const reused = await accept(await org('distributor'), token);
    expect(reused.status).toBe(400);
    expect(reused.json.code).toBe('INVITATION_INVALID');
    expect((await accept(distributor, 'sfi_unknown')).json.code).toBe('INVITATION_INVALID');
  });

  it('refuses an expired token', async () => {
    const { created, token } = await invite('service_center', 'late@partner.example.in');
    await testApp().database.pool.query(
      "update partner_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [created.id],
    );
    const expired = await accept(await org('service_center'), token);
    expect(expired.status).toBe(400);
    expect(expired.json.code).toBe('INVITATION_INVALID');
  });

  it('answers 409 when a distributor accepts a service_center invitation, leaving it usable', async () => {
    const serviceCenter = await org('service_center');
    const { token } = await invite('service_center', serviceCenter.owner.email);
    // The invited person also owns a distributor and accepts from there.
    const distributor = await org('distributor');
    const fromDistributor = await alsoMemberOf(serviceCenter.owner, distributor, 'owner');
    const wrongType = await accept(distributor, token, fromDistributor);
    expect(wrongType.status).toBe(409);
    expect(wrongType.json.code).toBe('CONFLICT');
    expect((await accept(serviceCenter, token)).status).toBe(200);
  });
});

describe('partner invitations are bound to the invited address', () => {
  /** Rows that accepting would change: the partner link, the invitation, the audit trail. */
  async function stateOf(invitationId: string) {
    const { rows } = await testApp().database.pool.query(
      `select (select count(*)::int from partner_links where brand_id = $1) as links,
              (select accepted_at from partner_invitations where id = $2) as accepted_at,
              (select count(*)::int from audit_log where entity_id = $2::text) as audited,
              (select count(*)::int from domain_events where aggregate_id = $2::text) as events`,
      [brand.organizationId, invitationId],
    );
    return rows[0];
  }

  it('refuses an unrelated distributor holding the link, changing nothing; the invitee accepts', async () => {
    const invitee = await org('distributor');
    const { created, token } = await invite('distributor', invitee.owner.email);
    const before = await stateOf(created.id as string);

    const stranger = await org('distributor');
    const refused = await accept(stranger, token);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect(refused.json.detail).toMatch(/sign in with the address the invitation was sent to/i);
    expect(JSON.stringify(refused.json)).not.toContain(invitee.owner.email);
    expect(await stateOf(created.id as string)).toEqual(before);
    const strangers = await call('GET', '/api/v1/network/partners', as(stranger));
    expect(strangers.json.items).toEqual([]);

    const accepted = await accept(invitee, token);
    expect(accepted).toMatchObject({
      status: 200,
      json: { brandId: brand.organizationId, status: 'active' },
    });
  });

  it('lets an admin with the invited address accept', async () => {
    const distributor = await org('distributor', ['owner', 'admin']);
    const admin = distributor.members.admin as TestMember;
    const { token } = await invite('distributor', admin.email);
    expect((await accept(distributor, token, admin)).status).toBe(200);
  });

  it('refuses a member with the invited address who is not an owner or admin', async () => {
    const distributor = await org('distributor', ['owner', 'manager']);
    const manager = distributor.members.manager as TestMember;
    const { created, token } = await invite('distributor', manager.email);
    const before = await stateOf(created.id as string);
    const refused = await accept(distributor, token, manager);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('FORBIDDEN');
    // The organization's owner is signed in with another address.
    const owner = await accept(distributor, token);
    expect(owner.json.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect(await stateOf(created.id as string)).toEqual(before);
  });

  it('accepts right after registering with the invited address (the accept page’s path)', async () => {
    const email = `new.partner.${Date.now().toString(36)}@partner.example.in`;
    const { token } = await invite('service_center', email);
    const registered = await call('POST', '/api/v1/auth/register', null, {
      email: email.toUpperCase(),
      password: 'A-long-enough-password-1',
      name: 'Imran Sheikh',
      organization: { type: 'service_center', name: 'Koramangala Service Point' },
    });
    expect(registered.status).toBe(201);
    const accepted = await call(
      'POST',
      '/api/v1/network/invitations/accept',
      { bearer: registered.json.accessToken as string },
      { token },
    );
    expect(accepted).toMatchObject({ status: 200, json: { brandId: brand.organizationId } });
  });
});

describe('partner network: suspend, reactivate, revoke', () => {
  it('suspends and reactivates, refusing transitions from the wrong state', async () => {
    const partner = await activePartner();
    expect((await transition(partner, 'reactivate')).status).toBe(409);
    const suspended = await transition(partner, 'suspend');
    expect(suspended.status).toBe(200);
    expect(suspended.json).toEqual({ partnerId: partner.organizationId, status: 'suspended' });
    expect((await transition(partner, 'suspend')).status).toBe(409);
    const { db } = testApp().database;
    expect(await isActivePartner(db, brand.organizationId, partner.organizationId)).toBe(false);
    const brands = await call('GET', '/api/v1/network/partners', as(partner));
    expect(brands.json.items).toMatchObject([{ status: 'suspended' }]);
    const reactivated = await transition(partner, 'reactivate');
    expect(reactivated.json).toEqual({ partnerId: partner.organizationId, status: 'active' });
    expect(await isActivePartner(db, brand.organizationId, partner.organizationId)).toBe(true);

    const audit = await testApp().database.pool.query(
      "select action from audit_log where entity_type = 'partner_link' and organization_id = $1 order by position",
      [brand.organizationId],
    );
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(['partner.suspended', 'partner.reactivated']),
    );
  });

  it('revokes for good: no reactivation, no new request, no invitation acceptance', async () => {
    const partner = await activePartner();
    const revoked = await transition(partner, 'revoke');
    expect(revoked.json).toEqual({ partnerId: partner.organizationId, status: 'revoked' });
    expect((await transition(partner, 'reactivate')).status).toBe(409);
    expect((await transition(partner, 'revoke')).status).toBe(409);
    const asked = await call('POST', '/api/v1/network/access-requests', as(partner), {
      brandId: brand.organizationId,
    });
    expect(asked.status).toBe(409);
    const { token } = await invite('distributor', partner.owner.email);
    expect((await accept(partner, token)).status).toBe(409);
  });

  it("answers 404 for a partner outside the brand's network", async () => {
    const stranger = await org('distributor');
    expect((await transition(stranger, 'suspend')).status).toBe(404);
    const otherBrand = await org('brand');
    const partner = await activePartner();
    const foreign = await call(
      'POST',
      `/api/v1/network/partners/${partner.organizationId}/revoke`,
      as(otherBrand),
    );
    expect(foreign.status).toBe(404);
  });
});
