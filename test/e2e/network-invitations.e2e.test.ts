import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/modules/identity/secret-hash.js';
import { isActivePartner } from '../../src/modules/network/partner-link.repository.js';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

interface Org {
  organizationId: string;
  owner: TestMember;
}

async function org(type: 'brand' | 'distributor' | 'service_center'): Promise<Org> {
  const made = await makeOrganization(testApp().container, type, ['owner']);
  return { organizationId: made.organizationId, owner: made.members.owner as TestMember };
}

const as = (o: Org) => ({ bearer: o.owner.accessToken });

let brand: Org;

async function invite(partnerType: 'distributor' | 'service_center') {
  const created = await call('POST', '/api/v1/network/invitations', as(brand), {
    email: 'Stores@Partner.example.in',
    partnerType,
  });
  expect(created.status).toBe(201);
  const token = new URL(created.json.acceptUrl as string).searchParams.get('token') ?? '';
  return { created: created.json, token };
}

const accept = (partner: Org, token: string) =>
  call('POST', '/api/v1/network/invitations/accept', as(partner), { token });

/** A distributor linked to the brand through an accepted invitation. */
async function activePartner(): Promise<Org> {
  const distributor = await org('distributor');
  const { token } = await invite('distributor');
  expect((await accept(distributor, token)).status).toBe(200);
  return distributor;
}

const transition = (partner: Org, action: string) =>
  call('POST', `/api/v1/network/partners/${partner.organizationId}/${action}`, as(brand));

beforeAll(async () => {
  brand = await org('brand');
});

describe('partner network: invitations', () => {
  it('e-mails the invitee the single-use accept link, which a service center can use', async () => {
    const email = `invitee.${Date.now().toString(36)}@partner.example.in`;
    const created = await call('POST', '/api/v1/network/invitations', as(brand), {
      email,
      partnerType: 'service_center',
    });
    expect(created.status).toBe(201);
    const { item, token } = await waitForEmail(testApp(), email, /invited to join a brand network/);
    expect(item.links.some((link) => link === created.json.acceptUrl)).toBe(true);
    const serviceCenter = await org('service_center');
    expect(await accept(serviceCenter, token)).toMatchObject({
      status: 200,
      json: { brandId: brand.organizationId, status: 'active' },
    });
  });

  it('invites (token stored hashed, sandbox acceptUrl), accepts once, then refuses the used token', async () => {
    const { created, token } = await invite('distributor');
    expect(created).toMatchObject({
      email: 'stores@partner.example.in',
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

    const distributor = await org('distributor');
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
    const { created, token } = await invite('service_center');
    await testApp().database.pool.query(
      "update partner_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [created.id],
    );
    const expired = await accept(await org('service_center'), token);
    expect(expired.status).toBe(400);
    expect(expired.json.code).toBe('INVITATION_INVALID');
  });

  it('answers 409 when a distributor accepts a service_center invitation, leaving it usable', async () => {
    const { token } = await invite('service_center');
    const wrongType = await accept(await org('distributor'), token);
    expect(wrongType.status).toBe(409);
    expect(wrongType.json.code).toBe('CONFLICT');
    expect((await accept(await org('service_center'), token)).status).toBe(200);
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
    const { token } = await invite('distributor');
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
