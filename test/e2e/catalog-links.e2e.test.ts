import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { makePart } from '../support/factories/part.factory.js';
import { brandWithMembers, type BrandWithMembers } from '../support/identity-members.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let brand: BrandWithMembers;
let otherBrand: BrandWithMembers;
let partnerToken: string;

beforeAll(async () => {
  const container = testApp().container;
  brand = await brandWithMembers(container);
  otherBrand = await brandWithMembers(container);
  const partner = await makeOrganization(container, 'service_center', ['owner']);
  partnerToken = partner.members.owner!.accessToken;
  await testApp().database.pool.query(
    `insert into partner_links (brand_id, partner_id, partner_type, status) values ($1, $2, 'service_center', 'active')`,
    [brand.organizationId, partner.organizationId],
  );
});

describe('supersession', () => {
  it('supersedes, shows the chain, refuses loops (409) and other brands’ parts', async () => {
    const container = testApp().container;
    const a = await makePart(container, brand.organizationId, { partNumber: 'SUP-A' });
    const b = await makePart(container, brand.organizationId, { partNumber: 'SUP-B' });
    const c = await makePart(container, brand.organizationId, { partNumber: 'SUP-C' });
    const auth = { bearer: brand.tokens.manager };
    const ab = await call('POST', `/api/v1/parts/${a.id}/supersede`, auth, {
      replacementPartId: b.id,
    });
    expect(ab.status).toBe(200);
    expect(ab.json).toMatchObject({ supersededByPartId: b.id, status: 'discontinued' });
    expect(
      (await call('POST', `/api/v1/parts/${b.id}/supersede`, auth, { replacementPartId: c.id }))
        .status,
    ).toBe(200);

    const detail = await call('GET', `/api/v1/parts/${a.id}`, { bearer: partnerToken });
    expect(detail.status).toBe(200);
    expect(detail.json.supersededBy).toMatchObject({ id: b.id, partNumber: 'SUP-B' });
    expect(detail.json.supersessionChain).toEqual([
      { id: b.id, partNumber: 'SUP-B' },
      { id: c.id, partNumber: 'SUP-C' },
    ]);

    const loop = await call('POST', `/api/v1/parts/${c.id}/supersede`, auth, {
      replacementPartId: a.id,
    });
    expect(loop).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });
    const self = await call('POST', `/api/v1/parts/${c.id}/supersede`, auth, {
      replacementPartId: c.id,
    });
    expect(self.status).toBe(409);

    const foreign = await makePart(container, otherBrand.organizationId);
    const cross = await call('POST', `/api/v1/parts/${c.id}/supersede`, auth, {
      replacementPartId: foreign.id,
    });
    expect(cross.status).toBe(400);
    const notMine = await call('POST', `/api/v1/parts/${foreign.id}/supersede`, auth, {
      replacementPartId: c.id,
    });
    expect(notMine.status).toBe(404);

    const pool = testApp().database.pool;
    const audited = await pool.query(
      "select 1 from audit_log where action = 'part.superseded' and entity_id = $1",
      [a.id],
    );
    expect(audited.rowCount).toBe(1);
    const events = await pool.query(
      "select payload from domain_events where type = 'part.superseded' and aggregate_id = $1",
      [a.id],
    );
    expect(events.rows[0].payload).toMatchObject({ replacementPartNumber: 'SUP-B' });
  });
});

describe('substitutes', () => {
  it('stores pairs both ways, replaces the set, and stays within the brand', async () => {
    const container = testApp().container;
    const [x, y, z] = await Promise.all(
      ['SUB-X', 'SUB-Y', 'SUB-Z'].map((partNumber) =>
        makePart(container, brand.organizationId, { partNumber }),
      ),
    );
    const auth = { bearer: brand.tokens.owner };
    const set = await call('PUT', `/api/v1/parts/${x!.id}/substitutes`, auth, {
      partIds: [y!.id, z!.id],
    });
    expect(set.status).toBe(200);
    expect(set.json.substitutes.map((s: { partNumber: string }) => s.partNumber)).toEqual([
      'SUB-Y',
      'SUB-Z',
    ]);
    const fromY = await call('GET', `/api/v1/parts/${y!.id}`, auth);
    expect(fromY.json.substitutes).toEqual([expect.objectContaining({ id: x!.id })]);

    await call('PUT', `/api/v1/parts/${x!.id}/substitutes`, auth, { partIds: [z!.id] });
    expect((await call('GET', `/api/v1/parts/${y!.id}`, auth)).json.substitutes).toEqual([]);

    const foreign = await makePart(container, otherBrand.organizationId);
    const cross = await call('PUT', `/api/v1/parts/${x!.id}/substitutes`, auth, {
      partIds: [foreign.id],
    });
    expect(cross.status).toBe(400);
    const itself = await call('PUT', `/api/v1/parts/${x!.id}/substitutes`, auth, {
      partIds: [x!.id],
    });
    expect(itself.status).toBe(400);
  });
});

describe('search through the API', () => {
  it('finds a part despite a typo, for a partner of the brand, and pages by cursor', async () => {
    const container = testApp().container;
    await makePart(container, brand.organizationId, {
      partNumber: 'API-CMP-1',
      name: 'Rotary compressor',
      compatibleModels: ['RT-500'],
    });
    for (let i = 0; i < 3; i += 1)
      await makePart(container, brand.organizationId, { name: `Compressor relay ${i}` });
    const found = await call(
      'GET',
      `/api/v1/parts?brandId=${brand.organizationId}&q=comprssor&limit=2`,
      { bearer: partnerToken },
    );
    expect(found.status).toBe(200);
    expect(found.json.items).toHaveLength(2);
    expect(found.json.nextCursor).toEqual(expect.any(String));
    const next = await call(
      'GET',
      `/api/v1/parts?brandId=${brand.organizationId}&q=comprssor&limit=2&cursor=${found.json.nextCursor}`,
      { bearer: partnerToken },
    );
    const all = [...found.json.items, ...next.json.items].map((p: { id: string }) => p.id);
    expect(new Set(all).size).toBe(all.length);
    const byModel = await call('GET', `/api/v1/parts?q=RT-500`, { bearer: brand.tokens.viewer });
    expect(byModel.json.items[0]).toMatchObject({ partNumber: 'API-CMP-1' });
    const bad = await call('GET', '/api/v1/parts?q=x&cursor=not-a-cursor', {
      bearer: brand.tokens.viewer,
    });
    expect(bad.status).toBe(400);
  });
});
