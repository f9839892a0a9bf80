import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makePart } from '../support/factories/part.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let owner: TestMember;
let manager: TestMember;
let platformAdmin: TestMember;
let foreigner: TestMember;
let brandId: string;
let brandName: string;
let locationId: string;
let apiKey: { id: string; key: string };
let costed: { id: string; partNumber: string; name: string };
let uncosted: { id: string; partNumber: string; name: string };

const managerName = () => `manager ${manager.email.split('@')[0]?.split('.')[1]}`;
const as = (member: TestMember) => ({ bearer: member.accessToken });

beforeAll(async () => {
  const { container } = testApp();
  const brand = await makeOrganization(container, 'brand', ['owner', 'manager']);
  const platform = await makeOrganization(container, 'platform', ['owner']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  [brandId, brandName] = [brand.organizationId, brand.name];
  owner = brand.members.owner as TestMember;
  manager = brand.members.manager as TestMember;
  platformAdmin = platform.members.owner as TestMember;
  foreigner = other.members.owner as TestMember;
  costed = await makePart(container, brandId, { name: 'Compressor relay' });
  uncosted = await makePart(container, brandId, { name: 'Door gasket', unitPricePaise: 65_000 });

  const location = await call('POST', '/api/v1/locations', as(owner), {
    name: 'Pune Central',
    address: {
      contactName: 'Anita Rao',
      phone: '+919876543210',
      line1: '12 FC Road',
      city: 'Pune',
      state: 'Maharashtra',
      pincode: '411004',
    },
  });
  expect(location.status).toBe(201);
  locationId = location.json.id as string;
  const key = await call('POST', '/api/v1/api-keys', as(owner), {
    name: 'ERP sync key',
    scope: 'read_write',
  });
  expect(key.status).toBe(201);
  apiKey = { id: key.json.id as string, key: key.json.key as string };

  // 10 units received at ₹150 by the manager; 4 units of another part by the ERP, without a cost.
  const byManager = await call('POST', '/api/v1/inventory/adjustments', as(manager), {
    locationId,
    partId: costed.id,
    quantityDelta: 10,
    reason: 'receipt',
    unitCostPaise: 15_000,
  });
  expect(byManager.status).toBe(201);
  const byKey = await call(
    'POST',
    '/api/v1/inventory/adjustments',
    { apiKey: apiKey.key },
    { locationId, partId: uncosted.id, quantityDelta: 4, reason: 'receipt' },
  );
  expect(byKey.status).toBe(201);
});

describe('stock movements in words', () => {
  it('names the member or API key, the part and the location with its city', async () => {
    const movements = await call('GET', '/api/v1/inventory/movements', as(owner));
    expect(movements.status).toBe(200);
    expect(movements.json.items).toEqual([
      expect.objectContaining({
        partId: uncosted.id,
        part: { id: uncosted.id, partNumber: uncosted.partNumber, name: 'Door gasket' },
        location: { id: locationId, name: 'Pune Central', city: 'Pune' },
        actor: {
          kind: 'api_key',
          id: apiKey.id,
          name: 'ERP sync key',
          userId: null,
          apiKeyId: apiKey.id,
        },
      }),
      expect.objectContaining({
        part: { id: costed.id, partNumber: costed.partNumber, name: 'Compressor relay' },
        actor: {
          kind: 'user',
          id: manager.userId,
          name: managerName(),
          userId: manager.userId,
          apiKeyId: null,
        },
      }),
    ]);
  });

  it('never names a person of another organization, even on its own ledger', async () => {
    // A movement whose actor is not a member (as a platform job or a former member would leave).
    await testApp().database.pool.query(
      `insert into stock_movements (organization_id, location_id, part_id, kind, reason, actor_user_id)
       values ($1, $2, $3, 'adjustment', 'count_correction', $4)`,
      [brandId, locationId, costed.id, foreigner.userId],
    );
    const movements = await call('GET', '/api/v1/inventory/movements?limit=1', as(owner));
    expect(movements.json.items[0].actor).toEqual({
      kind: 'user',
      id: foreigner.userId,
      name: null,
      userId: foreigner.userId,
      apiKeyId: null,
    });
    const csv = await fetch(`${testApp().url}/api/v1/inventory/movements/export.csv`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    const text = await csv.text();
    const [header, ...lines] = text.trim().split('\n');
    expect(header?.endsWith(',part_name,location_city,actor_name')).toBe(true);
    expect(lines.find((line) => line.includes(uncosted.partNumber))).toMatch(
      /,Door gasket,Pune,ERP sync key$/,
    );
    expect(lines.find((line) => line.includes(manager.userId))).toMatch(
      new RegExp(`,Compressor relay,Pune,${managerName()}$`),
    );
    expect(lines.find((line) => line.includes(foreigner.userId))).toMatch(/,Pune,$/);
    expect(text).not.toContain('owner '); // the foreigner's name ("owner <suffix>")
  });
});

describe('stock summary', () => {
  it('values uncosted units at list price and says how many there are', async () => {
    const summary = await call('GET', '/api/v1/inventory/summary', { apiKey: apiKey.key });
    expect(summary).toEqual({
      status: 200,
      json: {
        valuePaise: 150_000 + 260_000,
        costedValuePaise: 150_000,
        uncostedUnits: 4,
        uncostedValuePaise: 260_000,
        onHandUnits: 14,
        levels: 2,
        lowStockLines: 0,
      },
    });
    // Another organization's summary does not include this stock.
    const foreign = await call('GET', '/api/v1/inventory/summary', as(foreigner));
    expect(foreign.json).toMatchObject({ valuePaise: 0, levels: 0 });
  });
});

describe('audit log in words', () => {
  it('labels actions, names actors and targets, and filters by member or API key', async () => {
    const log = await call('GET', '/api/v1/audit-log', as(owner));
    expect(log.status).toBe(200);
    const byAction = (action: string) =>
      log.json.items.filter((item: { action: string }) => item.action === action);
    expect(byAction('stock.adjusted')).toEqual([
      expect.objectContaining({
        actionLabel: 'Stock adjusted',
        actor: expect.objectContaining({ kind: 'api_key', name: 'ERP sync key' }),
        target: {
          type: 'stock_level',
          typeLabel: 'Stock line',
          id: `${locationId}/${uncosted.id}`,
          label: `${uncosted.partNumber} at Pune Central`,
        },
      }),
      expect.objectContaining({
        actor: expect.objectContaining({ kind: 'user', name: managerName() }),
        target: expect.objectContaining({ label: `${costed.partNumber} at Pune Central` }),
      }),
    ]);
    expect(byAction('api_key.created')).toEqual([
      expect.objectContaining({
        actionLabel: 'API key created',
        actor: expect.objectContaining({
          kind: 'user',
          id: owner.userId,
          name: expect.any(String),
        }),
        target: expect.objectContaining({ type: 'api_key', label: 'ERP sync key' }),
        // The old fields stay.
        entityType: 'api_key',
        entityId: apiKey.id,
      }),
    ]);
    expect(byAction('location.created')[0].target.label).toBe('Pune Central, Pune');

    const byKey = await call('GET', `/api/v1/audit-log?actorApiKeyId=${apiKey.id}`, as(owner));
    expect(byKey.json.items.map((item: { action: string }) => item.action)).toEqual([
      'stock.adjusted',
    ]);
    const byManager = await call(
      'GET',
      `/api/v1/audit-log?actorUserId=${manager.userId}`,
      as(owner),
    );
    expect(byManager.json.items).toHaveLength(1);
    expect(byManager.json.items[0].actor.name).toBe(managerName());
    // The old parameters keep working.
    const old = await call(
      'GET',
      '/api/v1/audit-log?action=location.created&entityType=location',
      as(owner),
    );
    expect(old.json.items).toHaveLength(1);
    const bad = await call('GET', '/api/v1/audit-log?actorUserId=not-a-uuid', as(owner));
    expect(bad.status).toBe(400);
  });

  it('lists the vocabulary for the filter pickers', async () => {
    const vocabulary = await call('GET', '/api/v1/audit-log/vocabulary', as(owner));
    expect(vocabulary.status).toBe(200);
    expect(vocabulary.json.actions).toContainEqual({
      action: 'stock.adjusted',
      label: 'Stock adjusted',
      entityType: 'stock_level',
    });
    expect(vocabulary.json.entityTypes).toContainEqual({ type: 'part', label: 'Part' });
    expect((await call('GET', '/api/v1/audit-log/vocabulary', as(manager))).status).toBe(403);
  });

  it("never names another organization's people: not the platform's to a brand, not a brand's to the platform", async () => {
    for (const action of ['suspend', 'reactivate']) {
      const changed = await call(
        'POST',
        `/api/v1/admin/organizations/${brandId}/${action}`,
        as(platformAdmin),
      );
      expect(changed.status).toBe(200);
    }
    const log = await call('GET', '/api/v1/audit-log?entityType=organization', as(owner));
    const suspended = log.json.items.find(
      (item: { action: string }) => item.action === 'organization.suspended',
    );
    expect(suspended).toMatchObject({
      actionLabel: 'Organisation suspended',
      actor: { kind: 'user', id: platformAdmin.userId, name: null },
      target: { type: 'organization', label: brandName },
    });

    const seenByPlatform = await call(
      'GET',
      `/api/v1/audit-log?organizationId=${brandId}&actorUserId=${manager.userId}`,
      as(platformAdmin),
    );
    expect(seenByPlatform.json.items).toHaveLength(1);
    expect(seenByPlatform.json.items[0].actor).toMatchObject({ id: manager.userId, name: null });
    const keys = await call(
      'GET',
      `/api/v1/audit-log?organizationId=${brandId}&action=api_key.created`,
      as(platformAdmin),
    );
    expect(keys.json.items[0].target.label).toBeNull();
  });
});
