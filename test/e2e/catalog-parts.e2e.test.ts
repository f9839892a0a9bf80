import { beforeAll, describe, expect, it } from 'vitest';
import { memberRoles } from '../../src/modules/identity/identity.tables.js';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { makePart } from '../support/factories/part.factory.js';
import { brandWithMembers, type BrandWithMembers } from '../support/identity-members.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let brand: BrandWithMembers;
let otherBrand: BrandWithMembers;
let partnerToken: string;
let partnerId: string;
let strangerToken: string;
let customerToken: string;

const body = (changes: Record<string, unknown> = {}) => ({
  partNumber: 'CMP-100',
  name: 'Refrigerator compressor',
  description: 'Rotary compressor for frost-free refrigerators',
  category: 'Refrigerator',
  hsnCode: '84143000',
  gstRatePercent: 18,
  unitPricePaise: 450_000,
  mrpPaise: 520_000,
  weightGrams: 9_000,
  lengthCm: 30,
  widthCm: 25,
  heightCm: 28,
  compatibleModels: ['RF-250X', 'RF-300X'],
  ...changes,
});

async function linkPartner(brandId: string, partner: string, status: string) {
  await testApp().database.pool.query(
    `insert into partner_links (brand_id, partner_id, partner_type, status) values ($1, $2, 'distributor', $3)
     on conflict (brand_id, partner_id) do update set status = excluded.status`,
    [brandId, partner, status],
  );
}

beforeAll(async () => {
  const container = testApp().container;
  brand = await brandWithMembers(container);
  otherBrand = await brandWithMembers(container);
  const partner = await makeOrganization(container, 'distributor', ['owner']);
  partnerId = partner.organizationId;
  partnerToken = partner.members.owner!.accessToken;
  const stranger = await makeOrganization(container, 'distributor', ['owner']);
  strangerToken = stranger.members.owner!.accessToken;
  await linkPartner(brand.organizationId, partnerId, 'active');
  await linkPartner(brand.organizationId, stranger.organizationId, 'suspended');
  customerToken = (await makeOrganization(container, 'customer', ['owner'])).members.owner!
    .accessToken;
});

describe('parts: create and edit', () => {
  it('creates a part (201), audited and published, and refuses a duplicate number in any case', async () => {
    const created = await call('POST', '/api/v1/parts', { bearer: brand.tokens.manager }, body());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      partNumber: 'CMP-100',
      gstRatePercent: 18,
      status: 'active',
      brandId: brand.organizationId,
      compatibleModels: ['RF-250X', 'RF-300X'],
    });
    const pool = testApp().database.pool;
    const stored = await pool.query(
      'select gst_rate_basis_points, search_document from parts where id = $1',
      [created.json.id],
    );
    expect(stored.rows[0].gst_rate_basis_points).toBe(1800);
    expect(stored.rows[0].search_document).toContain('RF-250X');
    const terms = await pool.query<{ term: string }>(
      'select term from part_search_terms where brand_id = $1',
      [brand.organizationId],
    );
    expect(terms.rows.map((row) => row.term)).toEqual(
      expect.arrayContaining(['cmp-100', 'compressor', 'rf-250x', 'rotary']),
    );
    const typo = await call('GET', '/api/v1/parts?q=rotray', { bearer: brand.tokens.manager });
    expect(typo.json.items.map((item: { id: string }) => item.id)).toEqual([created.json.id]);
    const audit = await pool.query(
      "select 1 from audit_log where action = 'part.created' and entity_id = $1",
      [created.json.id],
    );
    expect(audit.rowCount).toBe(1);
    const events = await pool.query(
      "select payload from domain_events where type = 'part.created' and aggregate_id = $1",
      [created.json.id],
    );
    expect(events.rows[0].payload).toMatchObject({ partNumber: 'CMP-100' });

    const duplicate = await call(
      'POST',
      '/api/v1/parts',
      { bearer: brand.tokens.owner },
      body({ partNumber: 'cmp-100' }),
    );
    expect(duplicate).toMatchObject({ status: 409, json: { code: 'DUPLICATE_PART_NUMBER' } });
    // Another brand may use the same number.
    const elsewhere = await call(
      'POST',
      '/api/v1/parts',
      { bearer: otherBrand.tokens.owner },
      body(),
    );
    expect(elsewhere.status).toBe(201);
  });

  it('concurrent creates of one number: exactly one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(
          'POST',
          '/api/v1/parts',
          { bearer: brand.tokens.owner },
          body({ partNumber: 'RACE-1' }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.json.code === 'DUPLICATE_PART_NUMBER')).toHaveLength(5);
  });

  it.each([
    ['a bad HSN code', { hsnCode: '12345' }, 'body.hsnCode'],
    ['a GST rate that is not a slab', { gstRatePercent: 15 }, 'body.gstRatePercent'],
    ['an MRP below the unit price', { mrpPaise: 100 }, 'body.mrpPaise'],
    ['a zero weight', { weightGrams: 0 }, 'body.weightGrams'],
    ['rupees instead of paise', { unitPricePaise: 45.5 }, 'body.unitPricePaise'],
    ['an unknown status', { status: 'retired' }, 'body.status'],
    ['an unknown field', { colour: 'red' }, 'body'],
  ])('refuses %s with 400', async (_label, changes, path) => {
    const response = await call(
      'POST',
      '/api/v1/parts',
      { bearer: brand.tokens.owner },
      body({ partNumber: 'VAL-1', ...changes }),
    );
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('lets owners, admins, managers and read-write keys write; others get 403', async () => {
    for (const role of memberRoles) {
      const response = await call(
        'POST',
        '/api/v1/parts',
        { bearer: brand.tokens[role] },
        body({ partNumber: `ROLE-${role}` }),
      );
      expect({ role, status: response.status }).toEqual({
        role,
        status: ['owner', 'admin', 'manager'].includes(role) ? 201 : 403,
      });
    }
    const container = testApp().container;
    const writeKey = await makeApiKey(container, brand.organizationId, 'read_write');
    const readKey = await makeApiKey(container, brand.organizationId, 'read');
    expect(
      (await call('POST', '/api/v1/parts', { apiKey: writeKey }, body({ partNumber: 'KEY-1' })))
        .status,
    ).toBe(201);
    expect(
      (await call('POST', '/api/v1/parts', { apiKey: readKey }, body({ partNumber: 'KEY-2' })))
        .status,
    ).toBe(403);
    expect((await call('POST', '/api/v1/parts', { bearer: partnerToken }, body())).status).toBe(
      403,
    );
  });

  it('patches a part, re-checks MRP against stored values, and 404s for another brand', async () => {
    const part = await makePart(testApp().container, brand.organizationId, {
      unitPricePaise: 1000,
    });
    const patched = await call(
      'PATCH',
      `/api/v1/parts/${part.id}`,
      { bearer: brand.tokens.admin },
      { name: 'Door gasket', compatibleModels: ['DG-9'], gstRatePercent: 0.25, hsnCode: null },
    );
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: 'Door gasket',
      gstRatePercent: 0.25,
      hsnCode: null,
    });
    const doc = await testApp().database.pool.query(
      'select search_document from parts where id = $1',
      [part.id],
    );
    expect(doc.rows[0].search_document).toContain('DG-9');
    const terms = await testApp().database.pool.query(
      "select 1 from part_search_terms where brand_id = $1 and term in ('dg-9', 'gasket')",
      [brand.organizationId],
    );
    expect(terms.rowCount).toBe(2);
    const badMrp = await call(
      'PATCH',
      `/api/v1/parts/${part.id}`,
      { bearer: brand.tokens.owner },
      { mrpPaise: 999 },
    );
    expect(badMrp.status).toBe(400);
    const foreign = await call(
      'PATCH',
      `/api/v1/parts/${part.id}`,
      { bearer: otherBrand.tokens.owner },
      { name: 'x' },
    );
    expect(foreign).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
    const clash = await call(
      'PATCH',
      `/api/v1/parts/${part.id}`,
      { bearer: brand.tokens.owner },
      { partNumber: 'Cmp-100' },
    );
    expect(clash).toMatchObject({ status: 409, json: { code: 'DUPLICATE_PART_NUMBER' } });
  });
});

describe('parts: who sees what', () => {
  let active: string;
  let draft: string;
  let discontinued: string;
  beforeAll(async () => {
    const container = testApp().container;
    active = (await makePart(container, brand.organizationId, { name: 'Visible active' })).id;
    draft = (await makePart(container, brand.organizationId, { status: 'draft' })).id;
    discontinued = (await makePart(container, brand.organizationId, { status: 'discontinued' })).id;
  });

  it('the brand sees every status of its own parts; other brands get 404', async () => {
    for (const id of [active, draft, discontinued])
      expect(
        (await call('GET', `/api/v1/parts/${id}`, { bearer: brand.tokens.viewer })).status,
      ).toBe(200);
    expect(
      (await call('GET', `/api/v1/parts/${draft}`, { bearer: otherBrand.tokens.owner })).status,
    ).toBe(404);
    const list = await call('GET', '/api/v1/parts?status=draft&limit=100', {
      bearer: brand.tokens.viewer,
    });
    expect(list.json.items.map((p: { id: string }) => p.id)).toContain(draft);
    const foreignList = await call('GET', `/api/v1/parts?brandId=${brand.organizationId}`, {
      bearer: otherBrand.tokens.owner,
    });
    expect(foreignList.status).toBe(404);
  });

  it('an active partner sees active and discontinued parts, never drafts', async () => {
    const auth = { bearer: partnerToken };
    expect((await call('GET', `/api/v1/parts/${active}`, auth)).status).toBe(200);
    expect((await call('GET', `/api/v1/parts/${discontinued}`, auth)).status).toBe(200);
    expect((await call('GET', `/api/v1/parts/${draft}`, auth)).status).toBe(404);
    const list = await call('GET', `/api/v1/parts?brandId=${brand.organizationId}&limit=100`, auth);
    expect(list.status).toBe(200);
    const statuses = new Set(list.json.items.map((p: { status: string }) => p.status));
    expect(statuses.has('draft')).toBe(false);
    expect(statuses.has('discontinued')).toBe(true);
    expect((await call('GET', '/api/v1/parts', auth)).status).toBe(400);
  });

  it('a partner whose link is not active, or who names another brand, gets 404', async () => {
    const auth = { bearer: strangerToken };
    expect((await call('GET', `/api/v1/parts/${active}`, auth)).status).toBe(404);
    expect((await call('GET', `/api/v1/parts?brandId=${brand.organizationId}`, auth)).status).toBe(
      404,
    );
    expect(
      (
        await call('GET', `/api/v1/parts?brandId=${otherBrand.organizationId}`, {
          bearer: partnerToken,
        })
      ).status,
    ).toBe(404);
  });

  it('customers see active parts of active brands only', async () => {
    const auth = { bearer: customerToken };
    expect((await call('GET', `/api/v1/parts/${active}`, auth)).status).toBe(200);
    expect((await call('GET', `/api/v1/parts/${discontinued}`, auth)).status).toBe(404);
    expect((await call('GET', `/api/v1/parts/${draft}`, auth)).status).toBe(404);
    const list = await call('GET', `/api/v1/parts?brandId=${brand.organizationId}&limit=100`, auth);
    expect(list.json.items.every((p: { status: string }) => p.status === 'active')).toBe(true);
    await testApp().database.pool.query(
      "update organizations set status = 'suspended' where id = $1",
      [otherBrand.organizationId],
    );
    const suspended = await call('GET', `/api/v1/parts?brandId=${otherBrand.organizationId}`, auth);
    expect(suspended.json.items).toEqual([]);
    await testApp().database.pool.query(
      "update organizations set status = 'active' where id = $1",
      [otherBrand.organizationId],
    );
  });

  it('pages a plain list by cursor without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call('GET', `/api/v1/parts?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        bearer: brand.tokens.owner,
      });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((p: { id: string }) => p.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(draft);
  });
});
