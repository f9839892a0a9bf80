import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { reserveStock } from '../../src/modules/inventory/stock-reservation.service.js';
import { spareflowDocumentTypes } from '../../src/modules/inventory/reservation-documents.js';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertLocation, insertPart } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const pool = () => testApp().container.database.pool;

let manager: TestMember;
let organizationId: string;
let apiKey: string;
let warehouse: string;
let part: string;
const shipment = crypto.randomUUID();

/** Everything an abuse attempt must leave as it was. */
async function snapshot() {
  const levels = await pool().query(
    'select part_id, on_hand, reserved from stock_levels where organization_id = $1 order by 1',
    [organizationId],
  );
  const movements = await pool().query(
    'select count(*)::int as n from stock_movements where organization_id = $1',
    [organizationId],
  );
  const holdings = await pool().query(
    `select r.document_type, r.document_id, l.held from stock_reservation_lines l
       join stock_reservations r on r.id = l.reservation_id
      where r.organization_id = $1 order by 1, 2`,
    [organizationId],
  );
  return { levels: levels.rows, movements: movements.rows[0], holdings: holdings.rows };
}

const reservation = (referenceType: string, referenceId: string, quantity: number) => ({
  referenceType,
  referenceId,
  lines: [{ locationId: warehouse, partId: part, quantity }],
});

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner', 'manager']);
  organizationId = brand.organizationId;
  manager = brand.members.manager as TestMember;
  apiKey = await makeApiKey(container, organizationId, 'read_write');
  warehouse = await insertLocation(pool(), organizationId);
  part = await insertPart(pool(), organizationId);
  const received = await call(
    'POST',
    '/api/v1/inventory/adjustments',
    { bearer: manager.accessToken },
    { locationId: warehouse, partId: part, quantityDelta: 10, reason: 'receipt' },
  );
  expect(received.status).toBe(201);
  // A shipment holds 4, reserved inside SpareFlow as the shipping module will.
  await inTransaction(pool(), (tx) =>
    reserveStock(tx, container.events, {
      organizationId,
      document: { type: 'shipment', id: shipment },
      actor: {},
      lines: [{ locationId: warehouse, partId: part, quantity: 4 }],
    }),
  );
});

describe('reservation abuse over HTTP', () => {
  it('an API key naming a SpareFlow document type (a shipment) is refused and changes nothing', async () => {
    const before = await snapshot();
    for (const path of ['', '/release', '/consume']) {
      for (const type of ['shipment', 'spare_request']) {
        const response = await call(
          'POST',
          `/api/v1/inventory/reservations${path}`,
          { apiKey },
          reservation(type, shipment, 1),
        );
        expect(response).toMatchObject({
          status: 400,
          json: {
            code: 'DOCUMENT_TYPE_NOT_ALLOWED',
            errors: [{ path: 'body.referenceType' }],
            documentTypes: [...spareflowDocumentTypes],
          },
        });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('releasing or consuming more than a document holds, or what another document holds, is refused with the figures', async () => {
    const reserved = await call(
      'POST',
      '/api/v1/inventory/reservations',
      { apiKey },
      reservation('erp_order', 'SO-1', 2),
    );
    expect(reserved).toMatchObject({
      status: 201,
      json: {
        levels: [{ onHand: 10, reserved: 6, available: 4 }],
        holdings: [{ locationId: warehouse, partId: part, held: 2 }],
      },
    });
    const before = await snapshot();
    for (const path of ['/release', '/consume']) {
      const tooMuch = await call(
        'POST',
        `/api/v1/inventory/reservations${path}`,
        { apiKey },
        reservation('erp_order', 'SO-1', 3),
      );
      expect(tooMuch).toMatchObject({
        status: 409,
        json: {
          code: 'RESERVATION_EXCEEDED',
          errors: [{ path: 'lines.0' }],
          lines: [
            {
              line: 0,
              referenceType: 'erp_order',
              referenceId: 'SO-1',
              locationId: warehouse,
              partId: part,
              held: 2,
              requested: 3,
            },
          ],
        },
      });
      // A document that never reserved: the level reserves 6 (the shipment's and SO-1's), it holds 0.
      const another = await call(
        'POST',
        `/api/v1/inventory/reservations${path}`,
        { apiKey },
        reservation('erp_order', 'SO-2', 1),
      );
      expect(another).toMatchObject({
        status: 409,
        json: {
          code: 'RESERVATION_EXCEEDED',
          lines: [{ referenceId: 'SO-2', held: 0, requested: 1 }],
        },
      });
    }
    expect(await snapshot()).toEqual(before);

    const released = await call(
      'POST',
      '/api/v1/inventory/reservations/release',
      { apiKey },
      reservation('erp_order', 'SO-1', 2),
    );
    expect(released).toMatchObject({
      status: 200,
      json: { levels: [{ reserved: 4 }], holdings: [{ held: 0 }] },
    });
  });

  it('reserving more than is available answers INSUFFICIENT_STOCK with the level in `lines`', async () => {
    const response = await call(
      'POST',
      '/api/v1/inventory/reservations',
      { apiKey },
      reservation('erp_order', 'SO-3', 7),
    );
    expect(response).toMatchObject({
      status: 409,
      json: {
        code: 'INSUFFICIENT_STOCK',
        lines: [
          {
            line: 0,
            locationId: warehouse,
            partId: part,
            counter: 'available',
            onHand: 10,
            reserved: 4,
            inTransit: 0,
            available: 6,
            requested: 7,
          },
        ],
      },
    });
  });

  it('replays a release under its Idempotency-Key with the status the route gives it', async () => {
    await call(
      'POST',
      '/api/v1/inventory/reservations',
      { apiKey },
      reservation('erp_order', 'SO-4', 2),
    );
    const key = crypto.randomUUID();
    const send = () =>
      fetch(`${testApp().url}/api/v1/inventory/reservations/release`, {
        method: 'POST',
        headers: {
          'x-api-key': apiKey,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(reservation('erp_order', 'SO-4', 2)),
      });
    const first = await send();
    const replay = await send();
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    const { rows } = await pool().query('select scope from idempotency_keys where key = $1', [key]);
    expect(rows).toEqual([{ scope: 'inventory.reservation.release' }]);
  });
});
