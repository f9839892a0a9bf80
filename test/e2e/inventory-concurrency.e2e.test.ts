import { describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { makePart } from '../support/factories/part.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertLocation } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

describe('adjustments over HTTP under contention', () => {
  it('150 concurrent −1 on a level of 100: exactly 100 × 201 and 50 × 409 INSUFFICIENT_STOCK, on hand 0', async () => {
    const container = testApp().container;
    const brand = await makeOrganization(container, 'brand', ['manager']);
    const manager = brand.members.manager as TestMember;
    const auth = { bearer: manager.accessToken };
    const locationId = await insertLocation(container.database.pool, brand.organizationId);
    const partId = (await makePart(container, brand.organizationId)).id;
    const body = { locationId, partId, reason: 'damage' };
    expect(
      (
        await call('POST', '/api/v1/inventory/adjustments', auth, {
          ...body,
          quantityDelta: 100,
          reason: 'receipt',
        })
      ).status,
    ).toBe(201);

    const responses = await Promise.all(
      Array.from({ length: 150 }, () =>
        call('POST', '/api/v1/inventory/adjustments', auth, { ...body, quantityDelta: -1 }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(
      responses.filter((r) => r.status === 409 && r.json.code === 'INSUFFICIENT_STOCK'),
    ).toHaveLength(50);
    const level = await call('GET', `/api/v1/inventory?locationId=${locationId}`, auth);
    expect(level.json.items[0]).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
    const { rows } = await container.database.pool.query(
      'select count(*)::int as n, sum(on_hand_delta)::int as total from stock_movements where location_id = $1',
      [locationId],
    );
    expect(rows[0]).toEqual({ n: 101, total: 0 });
  });
});
