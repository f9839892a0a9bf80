import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { apiCaller } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

type Org = Awaited<ReturnType<typeof makeOrganization>>;
// Only one platform organization can exist: made once for the whole file.
let platform: Org;
let brand: Org;
let distributor: Org;

const token = (org: Org) => {
  const owner = org.members.owner;
  if (!owner) throw new Error('no owner');
  return { bearer: owner.accessToken };
};

beforeAll(async () => {
  const container = testApp().container;
  platform = await makeOrganization(container, 'platform', ['owner']);
  brand = await makeOrganization(container, 'brand', ['owner']);
  distributor = await makeOrganization(container, 'distributor', ['owner']);
});

describe('platform administration of organizations', () => {
  it('lists tenant organizations (never the platform) and filters by type and name', async () => {
    const all = await call('GET', '/api/v1/admin/organizations?limit=200', token(platform));
    expect(all.status).toBe(200);
    const ids = (all.json.items as Array<{ id: string }>).map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([brand.organizationId, distributor.organizationId]));
    expect(ids).not.toContain(platform.organizationId);

    const brands = await call('GET', '/api/v1/admin/organizations?type=brand', token(platform));
    const types = (brands.json.items as Array<{ type: string }>).map((item) => item.type);
    expect(new Set(types)).toEqual(new Set(['brand']));

    const byName = await call(
      'GET',
      `/api/v1/admin/organizations?q=${encodeURIComponent(distributor.name)}`,
      token(platform),
    );
    expect(byName.json.items).toEqual([
      expect.objectContaining({
        id: distributor.organizationId,
        type: 'distributor',
        status: 'active',
      }),
    ]);
  });

  it('pages with limit and cursor', async () => {
    const first = await call('GET', '/api/v1/admin/organizations?limit=1', token(platform));
    expect(first.json.items).toHaveLength(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(
      'GET',
      `/api/v1/admin/organizations?limit=1&cursor=${first.json.nextCursor as string}`,
      token(platform),
    );
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
  });

  it('suspends a brand (its owner gets 401), audits it, and reactivates it (200 again)', async () => {
    expect((await call('GET', '/api/v1/me', token(brand))).status).toBe(200);
    const suspended = await call(
      'POST',
      `/api/v1/admin/organizations/${brand.organizationId}/suspend`,
      token(platform),
    );
    expect(suspended.status).toBe(200);
    expect(suspended.json).toEqual({ id: brand.organizationId, status: 'suspended' });
    expect((await call('GET', '/api/v1/me', token(brand))).status).toBe(401);

    const filtered = await call(
      'GET',
      '/api/v1/admin/organizations?status=suspended',
      token(platform),
    );
    expect((filtered.json.items as Array<{ id: string }>).map((item) => item.id)).toEqual([
      brand.organizationId,
    ]);

    const reactivated = await call(
      'POST',
      `/api/v1/admin/organizations/${brand.organizationId}/reactivate`,
      token(platform),
    );
    expect(reactivated.json).toEqual({ id: brand.organizationId, status: 'active' });
    expect((await call('GET', '/api/v1/me', token(brand))).status).toBe(200);

    const audit = await testApp().container.database.pool.query<{
      action: string;
      before: unknown;
      after: unknown;
    }>(
      `select action, before, after from audit_log where entity_id = $1 and action like 'organization.%' order by position`,
      [brand.organizationId],
    );
    expect(audit.rows).toEqual([
      {
        action: 'organization.suspended',
        before: { status: 'active' },
        after: { status: 'suspended' },
      },
      {
        action: 'organization.reactivated',
        before: { status: 'suspended' },
        after: { status: 'active' },
      },
    ]);
  });

  it('forbids a brand owner (403)', async () => {
    const { status } = await call('GET', '/api/v1/admin/organizations', token(brand));
    expect(status).toBe(403);
  });

  it('refuses to suspend the platform organization (409)', async () => {
    const { status, json } = await call(
      'POST',
      `/api/v1/admin/organizations/${platform.organizationId}/suspend`,
      token(platform),
    );
    expect([status, json.code]).toEqual([409, 'CONFLICT']);
  });
});
