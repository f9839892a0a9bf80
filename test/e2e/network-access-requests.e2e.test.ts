import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

interface Org {
  organizationId: string;
  name: string;
  owner: TestMember;
}

async function org(type: 'brand' | 'distributor' | 'service_center'): Promise<Org> {
  const made = await makeOrganization(testApp().container, type, ['owner']);
  return {
    organizationId: made.organizationId,
    name: made.name,
    owner: made.members.owner as TestMember,
  };
}

const as = (o: Org) => ({ bearer: o.owner.accessToken });

async function requestAccess(partner: Org, brand: Org, message?: string) {
  return call('POST', '/api/v1/network/access-requests', as(partner), {
    brandId: brand.organizationId,
    ...(message ? { message } : {}),
  });
}

let brandA: Org;
let brandB: Org;

beforeAll(async () => {
  brandA = await org('brand');
  brandB = await org('brand');
});

describe('partner network: access requests', () => {
  it('request → approve makes both sides list each other as active, audited and published', async () => {
    const distributor = await org('distributor');
    const requested = await requestAccess(distributor, brandA, 'We stock your range in Pune');
    expect(requested.status).toBe(201);
    expect(requested.json).toEqual({ id: expect.any(String), status: 'pending' });

    const approved = await call(
      'POST',
      `/api/v1/network/access-requests/${requested.json.id}/approve`,
      as(brandA),
    );
    expect(approved.status).toBe(200);
    expect(approved.json).toEqual({ id: requested.json.id, status: 'approved' });

    const partners = await call('GET', '/api/v1/network/partners', as(brandA));
    expect(partners.json.items).toEqual([
      {
        partnerId: distributor.organizationId,
        name: distributor.name,
        type: 'distributor',
        status: 'active',
        since: expect.any(String),
      },
    ]);
    expect(partners.json.nextCursor).toBeNull();
    const brands = await call('GET', '/api/v1/network/partners', as(distributor));
    expect(brands.json.items).toEqual([
      {
        brandId: brandA.organizationId,
        name: brandA.name,
        status: 'active',
        since: expect.any(String),
      },
    ]);

    const pool = testApp().database.pool;
    const audit = await pool.query(
      'select action, organization_id from audit_log where entity_id = $1 order by position',
      [requested.json.id],
    );
    expect(audit.rows).toEqual([
      { action: 'partner.access_requested', organization_id: distributor.organizationId },
      { action: 'partner.approved', organization_id: brandA.organizationId },
    ]);
    const events = await pool.query(
      "select type, payload from domain_events where aggregate_id = $1 and type = 'partner.approved'",
      [requested.json.id],
    );
    expect(events.rows).toEqual([
      {
        type: 'partner.approved',
        payload: {
          requestId: requested.json.id,
          brandId: brandA.organizationId,
          partnerId: distributor.organizationId,
          partnerType: 'distributor',
          status: 'active',
        },
      },
    ]);

    // An active partnership: asking again is a conflict, and so is deciding again.
    expect((await requestAccess(distributor, brandA)).status).toBe(409);
    const again = await call(
      'POST',
      `/api/v1/network/access-requests/${requested.json.id}/reject`,
      as(brandA),
    );
    expect(again.status).toBe(409);
  });

  it('rejects a request: no partnership, and the partner may ask again', async () => {
    const center = await org('service_center');
    const requested = await requestAccess(center, brandA);
    const rejected = await call(
      'POST',
      `/api/v1/network/access-requests/${requested.json.id}/reject`,
      as(brandA),
    );
    expect(rejected.status).toBe(200);
    expect(rejected.json).toEqual({ id: requested.json.id, status: 'rejected' });
    const brands = await call('GET', '/api/v1/network/partners', as(center));
    expect(brands.json.items).toEqual([]);
    expect((await requestAccess(center, brandA)).status).toBe(201);
  });

  it('answers 409 to a duplicate pending request', async () => {
    const distributor = await org('distributor');
    expect((await requestAccess(distributor, brandA)).status).toBe(201);
    const duplicate = await requestAccess(distributor, brandA);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.code).toBe('CONFLICT');
  });

  it("answers 404 when brand B decides brand A's request, and for a brandId that is no brand", async () => {
    const distributor = await org('distributor');
    const requested = await requestAccess(distributor, brandA);
    for (const decision of ['approve', 'reject']) {
      const response = await call(
        'POST',
        `/api/v1/network/access-requests/${requested.json.id}/${decision}`,
        as(brandB),
      );
      expect(response.status).toBe(404);
    }
    const other = await org('distributor');
    const notABrand = await call('POST', '/api/v1/network/access-requests', as(distributor), {
      brandId: other.organizationId,
    });
    expect(notABrand.status).toBe(404);
    const unknown = await call('POST', '/api/v1/network/access-requests', as(distributor), {
      brandId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
  });

  it('lets a read API key list the network', async () => {
    const key = await makeApiKey(testApp().container, brandA.organizationId, 'read');
    const listed = await call('GET', '/api/v1/network/partners?limit=1', { apiKey: key });
    expect(listed.status).toBe(200);
    expect(listed.json.items.length).toBe(1);
  });
});
