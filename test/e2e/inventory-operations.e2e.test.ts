import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertLocation, insertPart } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const pool = () => testApp().container.database.pool;

let manager: TestMember;
let viewer: TestMember;
let outsider: TestMember;
let warehouse: string;
let store: string;
let partA: string;
let partB: string;

async function level(locationId: string, partId: string) {
  const response = await call(
    'GET',
    `/api/v1/inventory?locationId=${locationId}&partId=${partId}`,
    {
      bearer: viewer.accessToken,
    },
  );
  return response.json.items[0] as Record<string, number> | undefined;
}

async function receive(
  locationId: string,
  partId: string,
  quantity: number,
  unitCostPaise?: number,
) {
  const response = await call(
    'POST',
    '/api/v1/inventory/adjustments',
    { bearer: manager.accessToken },
    {
      locationId,
      partId,
      quantityDelta: quantity,
      reason: 'receipt',
      ...(unitCostPaise ? { unitCostPaise } : {}),
    },
  );
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner', 'manager', 'viewer']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  manager = brand.members.manager as TestMember;
  viewer = brand.members.viewer as TestMember;
  outsider = other.members.owner as TestMember;
  warehouse = await insertLocation(pool(), brand.organizationId);
  store = await insertLocation(pool(), brand.organizationId);
  partA = await insertPart(pool(), brand.organizationId);
  partB = await insertPart(pool(), brand.organizationId);
  await receive(warehouse, partA, 10, 500);
  await receive(warehouse, partB, 4);
});

describe('transfers between own locations', () => {
  it('sends through in transit and receives into on hand, at the source cost', async () => {
    const sent = await call(
      'POST',
      '/api/v1/inventory/transfers',
      { bearer: manager.accessToken },
      {
        fromLocationId: warehouse,
        toLocationId: store,
        lines: [
          { partId: partA, quantity: 3 },
          { partId: partA, quantity: 1 },
        ],
        note: 'restock store',
      },
    );
    expect(sent).toMatchObject({
      status: 201,
      json: { status: 'in_transit', lines: [{ partId: partA, quantity: 4 }], receivedAt: null },
    });
    expect(await level(warehouse, partA)).toMatchObject({ onHand: 6, inTransit: 0 });
    expect(await level(store, partA)).toMatchObject({ onHand: 0, inTransit: 4 });

    const received = await call('POST', `/api/v1/inventory/transfers/${sent.json.id}/receive`, {
      bearer: manager.accessToken,
    });
    expect(received).toMatchObject({
      status: 200,
      json: { status: 'received', receivedAt: expect.any(String) },
    });
    expect(await level(store, partA)).toMatchObject({
      onHand: 4,
      inTransit: 0,
      averageCostPaise: 500,
    });
    const again = await call('POST', `/api/v1/inventory/transfers/${sent.json.id}/receive`, {
      bearer: manager.accessToken,
    });
    expect(again).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });

    const kinds = await call('GET', `/api/v1/inventory/movements?partId=${partA}&limit=3`, {
      bearer: viewer.accessToken,
    });
    expect(kinds.json.items.map((m: { kind: string }) => m.kind)).toEqual([
      'transfer_receipt',
      'transfer_in_transit',
      'transfer_out',
    ]);
    const list = await call('GET', '/api/v1/inventory/transfers', { bearer: viewer.accessToken });
    expect(list.json.items).toEqual([
      expect.objectContaining({ id: sent.json.id, status: 'received' }),
    ]);
  });

  it('refuses sending more than is available, and other organizations see nothing', async () => {
    const tooMuch = await call(
      'POST',
      '/api/v1/inventory/transfers',
      { bearer: manager.accessToken },
      {
        fromLocationId: warehouse,
        toLocationId: store,
        lines: [{ partId: partB, quantity: 5 }],
      },
    );
    expect(tooMuch).toMatchObject({
      status: 409,
      json: {
        code: 'INSUFFICIENT_STOCK',
        errors: [{ path: 'body.lines.0' }],
        lines: [{ line: 0, partId: partB, onHand: 4, available: 4, requested: 5 }],
      },
    });
    const foreign = await call(
      'POST',
      '/api/v1/inventory/transfers',
      { bearer: outsider.accessToken },
      {
        fromLocationId: warehouse,
        toLocationId: store,
        lines: [{ partId: partB, quantity: 1 }],
      },
    );
    expect(foreign.status).toBe(404);
    const theirs = await call('GET', '/api/v1/inventory/transfers', {
      bearer: outsider.accessToken,
    });
    expect(theirs.json.items).toEqual([]);
  });
});

describe('cycle counts', () => {
  it('records recorded vs counted and applies the differences as count movements', async () => {
    const counted = await call(
      'POST',
      '/api/v1/inventory/counts',
      { bearer: manager.accessToken },
      {
        locationId: warehouse,
        lines: [
          { partId: partA, countedQuantity: 5 },
          { partId: partB, countedQuantity: 4 },
        ],
      },
    );
    expect(counted.status).toBe(201);
    expect(counted.json.lines).toEqual(
      expect.arrayContaining([
        { partId: partA, countedQuantity: 5, recordedQuantity: 6, difference: -1 },
        { partId: partB, countedQuantity: 4, recordedQuantity: 4, difference: 0 },
      ]),
    );
    expect(await level(warehouse, partA)).toMatchObject({ onHand: 5 });
    const movements = await call(
      'GET',
      `/api/v1/inventory/movements?locationId=${warehouse}&limit=1`,
      { bearer: viewer.accessToken },
    );
    expect(movements.json.items[0]).toMatchObject({
      kind: 'count',
      reason: 'count_correction',
      onHandDelta: -1,
      referenceType: 'count',
      referenceId: counted.json.id,
    });
  });

  it('refuses counting below what is reserved (INSUFFICIENT_STOCK), applying nothing', async () => {
    const reserved = await call(
      'POST',
      '/api/v1/inventory/reservations',
      { bearer: manager.accessToken },
      {
        referenceType: 'erp_order',
        referenceId: 'SR-1',
        lines: [{ locationId: warehouse, partId: partB, quantity: 3 }],
      },
    );
    expect(reserved.status).toBe(201);
    const response = await call(
      'POST',
      '/api/v1/inventory/counts',
      { bearer: manager.accessToken },
      {
        locationId: warehouse,
        lines: [
          { partId: partA, countedQuantity: 7 },
          { partId: partB, countedQuantity: 2 },
        ],
      },
    );
    expect(response).toMatchObject({
      status: 409,
      json: {
        code: 'INSUFFICIENT_STOCK',
        errors: [{ path: 'body.lines.1' }],
        lines: [{ line: 1, partId: partB, onHand: 4, reserved: 3, available: 1, requested: 2 }],
      },
    });
    expect(await level(warehouse, partA)).toMatchObject({ onHand: 5 });
  });
});

describe('reservations over HTTP', () => {
  it('reserves (idempotently), releases and consumes', async () => {
    const key = crypto.randomUUID();
    const send = (path: string, quantity: number, idempotencyKey?: string) =>
      fetch(`${testApp().url}/api/v1/inventory/reservations${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${manager.accessToken}`,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({
          referenceType: 'erp_order',
          referenceId: 'S-9',
          lines: [{ locationId: store, partId: partA, quantity }],
        }),
      });
    expect((await send('', 3, key)).status).toBe(201);
    const replay = await send('', 3, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await level(store, partA)).toMatchObject({ onHand: 4, reserved: 3, available: 1 });
    expect((await send('', 2)).status).toBe(409);
    expect((await send('/release', 1)).status).toBe(200);
    expect((await send('/consume', 2)).status).toBe(200);
    expect(await level(store, partA)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    // The document holds nothing more: RESERVATION_EXCEEDED, not someone else's stock.
    const again = await send('/release', 1);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'RESERVATION_EXCEEDED' });
  });
});
