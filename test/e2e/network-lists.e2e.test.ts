import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

type OrgType = 'brand' | 'distributor' | 'service_center' | 'customer';
interface Org {
  organizationId: string;
  name: string;
  members: Record<string, TestMember>;
}

async function org(type: OrgType, roles = ['owner'] as const as readonly string[]): Promise<Org> {
  return makeOrganization(testApp().container, type, roles as never);
}

function as(o: Org, role = 'owner') {
  const member = o.members[role];
  if (!member) throw new Error(`no ${role}`);
  return { bearer: member.accessToken };
}

const requestAccess = (partner: Org, brand: Org, message?: string) =>
  call('POST', '/api/v1/network/access-requests', as(partner), {
    brandId: brand.organizationId,
    ...(message ? { message } : {}),
  });

async function rename(o: Org, name: string): Promise<void> {
  await testApp().database.pool.query('update organizations set name = $1 where id = $2', [
    name,
    o.organizationId,
  ]);
}

describe('GET /api/v1/network/access-requests', () => {
  let brand: Org;
  let otherBrand: Org;
  let distributor: Org;
  let center: Org;
  let pendingId: string;
  let rejectedId: string;

  beforeAll(async () => {
    brand = await org('brand', ['owner', 'admin', 'manager']);
    otherBrand = await org('brand');
    distributor = await org('distributor', ['owner', 'manager', 'operator']);
    center = await org('service_center');
    const pending = await requestAccess(distributor, brand, 'We stock your spares in Pune.');
    expect(pending.status).toBe(201);
    pendingId = pending.json.id as string;
    const rejected = await requestAccess(center, brand);
    rejectedId = rejected.json.id as string;
    const decided = await call(
      'POST',
      `/api/v1/network/access-requests/${rejectedId}/reject`,
      as(brand),
    );
    expect(decided.status).toBe(200);
    expect((await requestAccess(distributor, otherBrand)).status).toBe(201);
  });

  it("shows a brand the requests addressed to it, with the partner's name and type", async () => {
    const { status, json } = await call('GET', '/api/v1/network/access-requests', as(brand));
    expect(status).toBe(200);
    expect(json.nextCursor).toBeNull();
    expect(json.items).toHaveLength(2);
    const byId = new Map((json.items as Array<{ id: string }>).map((item) => [item.id, item]));
    expect(byId.get(pendingId)).toEqual({
      id: pendingId,
      partnerId: distributor.organizationId,
      partnerName: distributor.name,
      partnerType: 'distributor',
      message: 'We stock your spares in Pune.',
      status: 'pending',
      createdAt: expect.any(String),
      decidedAt: null,
    });
    expect(byId.get(rejectedId)).toMatchObject({
      partnerId: center.organizationId,
      partnerType: 'service_center',
      message: null,
      status: 'rejected',
      decidedAt: expect.any(String),
    });
    const admin = await call('GET', '/api/v1/network/access-requests', as(brand, 'admin'));
    expect(admin.json.items).toHaveLength(2);
  });

  it('filters by status and pages with limit and cursor', async () => {
    const pending = await call('GET', '/api/v1/network/access-requests?status=pending', as(brand));
    expect(pending.json.items.map((item: { id: string }) => item.id)).toEqual([pendingId]);
    const rejected = await call(
      'GET',
      '/api/v1/network/access-requests?status=rejected',
      as(brand),
    );
    expect(rejected.json.items.map((item: { id: string }) => item.id)).toEqual([rejectedId]);
    const approved = await call(
      'GET',
      '/api/v1/network/access-requests?status=approved',
      as(brand),
    );
    expect(approved.json.items).toEqual([]);
    const invalid = await call('GET', '/api/v1/network/access-requests?status=maybe', as(brand));
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe('VALIDATION_FAILED');

    const first = await call('GET', '/api/v1/network/access-requests?limit=1', as(brand));
    expect(first.json.items).toHaveLength(1);
    expect(first.json.nextCursor).toBe(first.json.items[0].id);
    const second = await call(
      'GET',
      `/api/v1/network/access-requests?limit=1&cursor=${first.json.nextCursor as string}`,
      as(brand),
    );
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    expect(
      [first.json.items[0].id, second.json.items[0].id].sort((a: string, b: string) =>
        a.localeCompare(b),
      ),
    ).toEqual([pendingId, rejectedId].sort((a, b) => a.localeCompare(b)));
  });

  it("shows a partner its own outgoing requests with the brand's name, never others'", async () => {
    const { status, json } = await call(
      'GET',
      '/api/v1/network/access-requests',
      as(distributor, 'manager'),
    );
    expect(status).toBe(200);
    expect(json.items).toHaveLength(2);
    expect(json.items).toContainEqual({
      id: pendingId,
      brandId: brand.organizationId,
      brandName: brand.name,
      message: 'We stock your spares in Pune.',
      status: 'pending',
      createdAt: expect.any(String),
      decidedAt: null,
    });
    expect(json.items).toContainEqual(
      expect.objectContaining({ brandId: otherBrand.organizationId, status: 'pending' }),
    );
    const centers = await call('GET', '/api/v1/network/access-requests', as(center));
    expect(centers.json.items).toMatchObject([{ id: rejectedId, status: 'rejected' }]);
    const others = await call('GET', '/api/v1/network/access-requests', as(otherBrand));
    expect(others.json.items.map((item: { id: string }) => item.id)).not.toContain(pendingId);
    expect(others.json.items).toHaveLength(1);
  });

  it('refuses brand managers (they cannot decide), partner operators and customers: 403', async () => {
    for (const [who, role] of [
      [brand, 'manager'],
      [distributor, 'operator'],
    ] as const) {
      const refused = await call('GET', '/api/v1/network/access-requests', as(who, role));
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe('FORBIDDEN');
    }
    const customer = await org('customer');
    const refused = await call('GET', '/api/v1/network/access-requests', as(customer));
    expect(refused.status).toBe(403);
  });
});

describe('GET /api/v1/network/brands', () => {
  const tag = `dir${crypto.randomBytes(4).toString('hex')}`;
  let distributor: Org;
  const brands: Record<string, Org> = {};

  beforeAll(async () => {
    distributor = await org('distributor', ['owner', 'manager', 'operator']);
    for (const key of ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'suspended']) {
      const made = await org('brand');
      await rename(made, `${key === 'beta' ? 'BETA' : key} ${tag} Spares`);
      brands[key] = made;
    }
    await testApp().database.pool.query(
      "update organizations set status = 'suspended' where id = $1",
      [brands.suspended?.organizationId],
    );
    const brand = (key: string) => brands[key] as Org;
    // alpha: pending request; beta: active (approved); gamma: approved then suspended;
    // delta: approved then revoked; epsilon: nothing (a rejected request only).
    expect((await requestAccess(distributor, brand('alpha'))).status).toBe(201);
    for (const key of ['beta', 'gamma', 'delta']) {
      const requested = await requestAccess(distributor, brand(key));
      const approved = await call(
        'POST',
        `/api/v1/network/access-requests/${requested.json.id as string}/approve`,
        as(brand(key)),
      );
      expect(approved.status).toBe(200);
    }
    for (const [key, action] of [
      ['gamma', 'suspend'],
      ['delta', 'revoke'],
    ] as const) {
      const changed = await call(
        'POST',
        `/api/v1/network/partners/${distributor.organizationId}/${action}`,
        as(brand(key)),
      );
      expect(changed.status).toBe(200);
    }
    const rejected = await requestAccess(distributor, brand('epsilon'));
    await call(
      'POST',
      `/api/v1/network/access-requests/${rejected.json.id as string}/reject`,
      as(brand('epsilon')),
    );
  });

  it("lists active brands by name (case-insensitive search) with the caller's relationship", async () => {
    const { status, json } = await call(
      'GET',
      `/api/v1/network/brands?q=${tag.toUpperCase()}`,
      as(distributor),
    );
    expect(status).toBe(200);
    expect(json).toEqual({
      items: [
        { id: brands.alpha?.organizationId, name: `alpha ${tag} Spares`, relationship: 'pending' },
        { id: brands.beta?.organizationId, name: `BETA ${tag} Spares`, relationship: 'active' },
        { id: brands.delta?.organizationId, name: `delta ${tag} Spares`, relationship: 'revoked' },
        { id: brands.epsilon?.organizationId, name: `epsilon ${tag} Spares`, relationship: null },
        {
          id: brands.gamma?.organizationId,
          name: `gamma ${tag} Spares`,
          relationship: 'suspended',
        },
      ],
      nextCursor: null,
    });
  });

  it('pages with limit and cursor, and another partner sees no relationships', async () => {
    const first = await call('GET', `/api/v1/network/brands?q=${tag}&limit=2`, as(distributor));
    expect(first.json.items.map((item: { name: string }) => item.name)).toEqual([
      `alpha ${tag} Spares`,
      `BETA ${tag} Spares`,
    ]);
    expect(first.json.nextCursor).toBe(brands.beta?.organizationId);
    const rest = await call(
      'GET',
      `/api/v1/network/brands?q=${tag}&limit=2&cursor=${first.json.nextCursor as string}`,
      as(distributor),
    );
    expect(rest.json.items.map((item: { name: string }) => item.name)).toEqual([
      `delta ${tag} Spares`,
      `epsilon ${tag} Spares`,
    ]);
    const center = await org('service_center');
    const fresh = await call('GET', `/api/v1/network/brands?q=${tag}`, as(center));
    expect(fresh.status).toBe(200);
    expect(fresh.json.items).toHaveLength(5);
    expect(
      fresh.json.items.every((item: { relationship: unknown }) => item.relationship === null),
    ).toBe(true);
  });

  it('treats % and _ in the search literally', async () => {
    const { json } = await call('GET', `/api/v1/network/brands?q=${tag}%25`, as(distributor));
    expect(json.items).toEqual([]);
  });

  it('refuses brands, customers and partner operators: 403', async () => {
    const brand = brands.alpha as Org;
    for (const [who, role] of [
      [brand, 'owner'],
      [distributor, 'operator'],
      [await org('customer'), 'owner'],
    ] as const) {
      const refused = await call('GET', '/api/v1/network/brands', as(who, role));
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe('FORBIDDEN');
    }
  });
});

describe('partner invitations: list and revoke', () => {
  let brand: Org;
  let otherBrand: Org;

  beforeAll(async () => {
    brand = await org('brand', ['owner', 'admin', 'manager']);
    otherBrand = await org('brand');
  });

  async function invite(partnerType: 'distributor' | 'service_center', email: string) {
    const created = await call('POST', '/api/v1/network/invitations', as(brand), {
      email,
      partnerType,
    });
    expect(created.status).toBe(201);
    const token = new URL(created.json.acceptUrl as string).searchParams.get('token') ?? '';
    return { id: created.json.id as string, token };
  }

  const list = (query = '', who: Org = brand, role = 'owner') =>
    call('GET', `/api/v1/network/invitations${query}`, as(who, role));
  const revoke = (id: string, who: Org = brand, role = 'owner') =>
    call('POST', `/api/v1/network/invitations/${id}/revoke`, as(who, role));
  const accept = (partner: Org, token: string) =>
    call('POST', '/api/v1/network/invitations/accept', as(partner), { token });

  it('lists pending, accepted, revoked and expired invitations, filtered by status', async () => {
    const pending = await invite('distributor', 'pending@partner.example.in');
    const center = await org('service_center');
    const accepted = await invite('service_center', (center.members.owner as TestMember).email);
    expect((await accept(center, accepted.token)).status).toBe(200);
    const expired = await invite('distributor', 'expired@partner.example.in');
    await testApp().database.pool.query(
      "update partner_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [expired.id],
    );
    const revoked = await invite('distributor', 'revoked@partner.example.in');
    expect((await revoke(revoked.id, brand, 'admin')).status).toBe(200);

    const all = await list();
    expect(all.status).toBe(200);
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.items).toContainEqual({
      id: pending.id,
      email: 'pending@partner.example.in',
      partnerType: 'distributor',
      status: 'pending',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const statusOf = new Map(
      (all.json.items as Array<{ id: string; status: string }>).map((item) => [
        item.id,
        item.status,
      ]),
    );
    expect(Object.fromEntries(statusOf)).toEqual({
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
      const filtered = await list(`?status=${status}`);
      expect({ status, ids: filtered.json.items.map((item: { id: string }) => item.id) }).toEqual({
        status,
        ids: [id],
      });
    }
    const page = await list('?limit=3');
    expect(page.json.items).toHaveLength(3);
    const rest = await list(`?limit=3&cursor=${page.json.nextCursor as string}`);
    expect(rest.json.items).toHaveLength(1);
    expect(rest.json.nextCursor).toBeNull();
    expect((await list('', otherBrand)).json.items).toEqual([]);
  });

  it('revokes a pending invitation: audited, its token then fails to accept', async () => {
    const { id, token } = await invite('distributor', 'revoke-me@partner.example.in');
    const revoked = await revoke(id);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id, status: 'revoked', partnerType: 'distributor' });
    const distributor = await org('distributor');
    const refused = await accept(distributor, token);
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('INVITATION_INVALID');
    const partners = await call('GET', '/api/v1/network/partners', as(brand));
    expect(partners.json.items.map((item: { partnerId: string }) => item.partnerId)).not.toContain(
      distributor.organizationId,
    );
    const pool = testApp().database.pool;
    const audit = await pool.query(
      "select organization_id from audit_log where entity_id = $1 and action = 'partner.invitation_revoked'",
      [id],
    );
    expect(audit.rows).toEqual([{ organization_id: brand.organizationId }]);
    const events = await pool.query(
      "select count(*)::int as n from domain_events where type = 'partner.invitation_revoked' and aggregate_id = $1",
      [id],
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('answers 409 CONFLICT to revoking an accepted, expired or revoked invitation', async () => {
    const acceptor = await org('distributor');
    const accepted = await invite('distributor', (acceptor.members.owner as TestMember).email);
    expect((await accept(acceptor, accepted.token)).status).toBe(200);
    const expired = await invite('distributor', 'e@partner.example.in');
    await testApp().database.pool.query(
      "update partner_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [expired.id],
    );
    const revoked = await invite('distributor', 'r@partner.example.in');
    expect((await revoke(revoked.id)).status).toBe(200);
    for (const id of [accepted.id, expired.id, revoked.id]) {
      const conflict = await revoke(id);
      expect(conflict.status).toBe(409);
      expect(conflict.json.code).toBe('CONFLICT');
    }
  });

  it("answers 404 to another brand's invitation and leaves it usable", async () => {
    const center = await org('service_center');
    const { id, token } = await invite(
      'service_center',
      (center.members.owner as TestMember).email,
    );
    const foreign = await revoke(id, otherBrand);
    expect(foreign.status).toBe(404);
    expect(foreign.json.code).toBe('NOT_FOUND');
    expect((await accept(center, token)).status).toBe(200);
  });

  it('refuses brand managers and partners: 403', async () => {
    const { id } = await invite('distributor', 'forbidden@partner.example.in');
    const distributor = await org('distributor');
    for (const [who, role] of [
      [brand, 'manager'],
      [distributor, 'owner'],
    ] as const) {
      expect((await list('', who, role)).status).toBe(403);
      const refused = await revoke(id, who, role);
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe('FORBIDDEN');
    }
  });
});
