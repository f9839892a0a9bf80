import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertLocation, insertPart } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const pool = () => testApp().container.database.pool;

let manager: TestMember;
let viewer: TestMember;
let brandOwner: TestMember;
let outsider: TestMember;
let distributorId: string;
let brandId: string;
let location: string;
let brandLocation: string;
let part: string;
let draftPart: string;

async function adjust(
  member: TestMember | { apiKey: string },
  body: Record<string, unknown>,
  idempotencyKey?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if ('apiKey' in member) headers['x-api-key'] = member.apiKey;
  else headers.authorization = `Bearer ${member.accessToken}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(`${testApp().url}/api/v1/inventory/adjustments`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    // Test-side view of whatever the server sent; each test asserts the fields it relies on.
    json: (await response.json()) as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

beforeAll(async () => {
  const container = testApp().container;
  const distributor = await makeOrganization(container, 'distributor', [
    'owner',
    'manager',
    'viewer',
  ]);
  const brand = await makeOrganization(container, 'brand', ['owner']);
  const other = await makeOrganization(container, 'distributor', ['owner']);
  distributorId = distributor.organizationId;
  brandId = brand.organizationId;
  manager = distributor.members.manager as TestMember;
  viewer = distributor.members.viewer as TestMember;
  brandOwner = brand.members.owner as TestMember;
  outsider = other.members.owner as TestMember;
  await pool().query(
    `insert into partner_links (brand_id, partner_id, partner_type, status) values ($1, $2, 'distributor', 'active')`,
    [brandId, distributorId],
  );
  location = await insertLocation(pool(), distributorId);
  brandLocation = await insertLocation(pool(), brandId);
  part = await insertPart(pool(), brandId);
  draftPart = await insertPart(pool(), brandId, 'draft');
});

describe('POST /api/v1/inventory/adjustments', () => {
  it('receives stock at a partner location, with the moving-average cost, and lists it', async () => {
    const first = await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: 10,
      reason: 'receipt',
      unitCostPaise: 1000,
    });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      movementId: expect.any(Number),
      level: { onHand: 10, reserved: 0, available: 10 },
    });
    const second = await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: 10,
      reason: 'receipt',
      unitCostPaise: 2000,
      note: 'GRN 42',
    });
    expect(second.json.level).toEqual({ onHand: 20, reserved: 0, available: 20 });
    const list = await call('GET', `/api/v1/inventory?partId=${part}`, {
      bearer: viewer.accessToken,
    });
    expect(list.json).toEqual({
      items: [
        expect.objectContaining({
          locationId: location,
          partId: part,
          onHand: 20,
          available: 20,
          inTransit: 0,
          averageCostPaise: 1500,
          partNumber: expect.stringMatching(/^TP-/),
        }),
      ],
      nextCursor: null,
    });
    const movements = await call('GET', `/api/v1/inventory/movements?partId=${part}&limit=1`, {
      bearer: viewer.accessToken,
    });
    expect(movements.json.items).toEqual([
      expect.objectContaining({
        id: second.json.movementId,
        kind: 'adjustment',
        onHandDelta: 10,
        reason: 'receipt',
        note: 'GRN 42',
        // The old fields stay; the name is the member's (api-v1 contract: additive only).
        actor: expect.objectContaining({ userId: manager.userId, apiKeyId: null, kind: 'user' }),
      }),
    ]);
    const older = await call(
      'GET',
      `/api/v1/inventory/movements?partId=${part}&cursor=${movements.json.nextCursor}`,
      {
        bearer: viewer.accessToken,
      },
    );
    expect(older.json.items.map((m: { id: number }) => m.id)).toEqual([first.json.movementId]);
  });

  it('refuses going below zero with INSUFFICIENT_STOCK and changes nothing', async () => {
    const response = await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: -21,
      reason: 'loss',
    });
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      errors: [{ path: 'lines.0' }],
      // The figures as data, so clients need not parse the message.
      lines: [
        {
          line: 0,
          locationId: location,
          partId: part,
          counter: 'available',
          onHand: 20,
          reserved: 0,
          inTransit: 0,
          available: 20,
          requested: 21,
        },
      ],
    });
    const list = await call('GET', `/api/v1/inventory?partId=${part}`, {
      bearer: viewer.accessToken,
    });
    expect(list.json.items[0].onHand).toBe(20);
  });

  it('checks the direction of the reason code', async () => {
    const response = await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: 2,
      reason: 'damage',
    });
    expect(response).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED' } });
  });

  it('replays the same key and body, refuses the same key with another body', async () => {
    const key = crypto.randomUUID();
    const body = { locationId: location, partId: part, quantityDelta: -1, reason: 'damage' };
    const first = await adjust(manager, body, key);
    const again = await adjust(
      manager,
      { reason: 'damage', quantityDelta: -1, partId: part, locationId: location },
      key,
    );
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, replayed: 'true', json: first.json });
    const reused = await adjust(manager, { ...body, quantityDelta: -2 }, key);
    expect(reused).toMatchObject({ status: 409, json: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const list = await call('GET', `/api/v1/inventory?partId=${part}`, {
      bearer: viewer.accessToken,
    });
    expect(list.json.items[0].onHand).toBe(19);
  });

  it('serializes concurrent duplicates of one key: one movement', async () => {
    const key = crypto.randomUUID();
    const body = { locationId: location, partId: part, quantityDelta: 1, reason: 'return_restock' };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => adjust(manager, body, key)),
    );
    expect(new Set(responses.map((r) => r.json.movementId)).size).toBe(1);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const list = await call('GET', `/api/v1/inventory?partId=${part}`, {
      bearer: viewer.accessToken,
    });
    expect(list.json.items[0].onHand).toBe(20);
  });

  it('lets read_write API keys adjust, not viewers', async () => {
    const key = await makeApiKey(testApp().container, distributorId, 'read_write');
    const byKey = await adjust(
      { apiKey: key },
      { locationId: location, partId: part, quantityDelta: -1, reason: 'count_correction' },
    );
    expect(byKey.status).toBe(201);
    const byViewer = await adjust(viewer, {
      locationId: location,
      partId: part,
      quantityDelta: 1,
      reason: 'receipt',
    });
    expect(byViewer.status).toBe(403);
  });

  it('answers 404 for another organization’s location and for a part of a brand one does not partner', async () => {
    const foreignLocation = await adjust(outsider, {
      locationId: location,
      partId: part,
      quantityDelta: 1,
      reason: 'receipt',
    });
    expect(foreignLocation).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
    const outsiderLocation = await insertLocation(pool(), (outsider as TestMember).organizationId);
    const foreignPart = await adjust(outsider, {
      locationId: outsiderLocation,
      partId: part,
      quantityDelta: 1,
      reason: 'receipt',
    });
    expect(foreignPart).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
    const hiddenDraft = await adjust(manager, {
      locationId: location,
      partId: draftPart,
      quantityDelta: 1,
      reason: 'receipt',
    });
    expect(hiddenDraft.status).toBe(404);
    const list = await call('GET', `/api/v1/inventory?partId=${part}`, {
      bearer: outsider.accessToken,
    });
    expect(list.json.items).toEqual([]);
  });

  it('refuses stock for the brand’s own draft part with PART_NOT_ORDERABLE', async () => {
    const response = await adjust(brandOwner, {
      locationId: brandLocation,
      partId: draftPart,
      quantityDelta: 1,
      reason: 'receipt',
    });
    expect(response).toMatchObject({ status: 409, json: { code: 'PART_NOT_ORDERABLE' } });
  });
});

describe('thresholds and low stock', () => {
  it('sets thresholds, lists low levels and publishes stock.low once when crossing', async () => {
    const path = `/api/v1/inventory/levels/${location}/${part}/thresholds`;
    const bad = await call(
      'PUT',
      path,
      { bearer: manager.accessToken },
      { minQuantity: 9, maxQuantity: 3 },
    );
    expect(bad).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED' } });
    const set = await call(
      'PUT',
      path,
      { bearer: manager.accessToken },
      { minQuantity: 2, maxQuantity: 50, reorderPoint: 15 },
    );
    expect(set).toMatchObject({
      status: 200,
      json: { onHand: 19, minQuantity: 2, maxQuantity: 50, reorderPoint: 15 },
    });
    const notLow = await call('GET', '/api/v1/inventory?lowStock=true', {
      bearer: viewer.accessToken,
    });
    expect(notLow.json.items).toEqual([]);
    await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: -4,
      reason: 'damage',
    });
    await adjust(manager, {
      locationId: location,
      partId: part,
      quantityDelta: -1,
      reason: 'damage',
    });
    const low = await call('GET', '/api/v1/inventory?lowStock=true', {
      bearer: viewer.accessToken,
    });
    expect(low.json.items).toEqual([expect.objectContaining({ partId: part, available: 14 })]);
    const { rows } = await pool().query(
      `select payload from domain_events where type = 'stock.low' and organization_id = $1`,
      [distributorId],
    );
    expect(rows.map((row) => row.payload)).toEqual([
      {
        organizationId: distributorId,
        locationId: location,
        partId: part,
        available: 15,
        threshold: 15,
        reorderPoint: 15,
        minQuantity: 2,
      },
    ]);
    const foreign = await call('PUT', path, { bearer: outsider.accessToken }, { minQuantity: 1 });
    expect(foreign.status).toBe(404);
  });
});
