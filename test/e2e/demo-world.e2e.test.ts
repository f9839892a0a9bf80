import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/modules/ops/index.js';
import { apiCaller } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const password = 'demo-world-e2e-1';

async function signIn(email: string): Promise<{ bearer: string }> {
  const login = await call('POST', '/api/v1/auth/login', null, { email, password });
  expect(login.status).toBe(200);
  return { bearer: String(login.json.accessToken) };
}

/**
 * What an evaluator finds after the demo world is seeded, over the public API: the demo brand's
 * catalog answers a misspelled search, and the part found is in stock at several of its
 * warehouses; a demo service centre sees its brand's parts and stock of its own.
 */
describe('the demo world over the API', () => {
  beforeAll(async () => {
    const { container } = testApp();
    await seedDemoWorld({ ...container.identity, isProduction: false }, password);
  });

  it('lets the demo brand find a part by a misspelled name and see its stock at several warehouses', async () => {
    const brand = await signIn('brand@demo.spareflow.in');
    const found = await call('GET', '/api/v1/parts?q=hermetic%20compresor', brand);
    expect(found.status).toBe(200);
    const compressor = found.json.items[0] as { id: string; name: string; partNumber: string };
    expect(compressor.name).toMatch(/^Refrigerator hermetic compressor/);
    expect(compressor.partNumber).toMatch(/^KHA-RF-103/);

    const stock = await call('GET', `/api/v1/inventory?partId=${compressor.id}`, brand);
    expect(stock.status).toBe(200);
    const levels = stock.json.items as Array<{ locationId: string; onHand: number }>;
    const stocked = new Set(
      levels.filter((level) => level.onHand > 0).map((level) => level.locationId),
    );
    expect(stocked.size).toBeGreaterThanOrEqual(2);
    const locations = await call('GET', '/api/v1/locations?limit=50', brand);
    const states = new Set(
      (locations.json.items as Array<{ id: string; address: { state: string } }>)
        .filter((location) => stocked.has(location.id))
        .map((location) => location.address.state),
    );
    expect(states.size).toBeGreaterThanOrEqual(2);
  });

  it("shows a demo service centre its brand's parts and stock of its own", async () => {
    const service = await signIn('service@demo.spareflow.in');
    const { rows } = await testApp().database.pool.query<{ id: string }>(
      "select id from organizations where name = 'Kaveri Home Appliances (demo)'",
    );
    const brandId = rows[0]?.id;
    const parts = await call('GET', `/api/v1/parts?brandId=${brandId}&limit=5`, service);
    expect(parts.status).toBe(200);
    expect(parts.json.items.length).toBe(5);
    const stock = await call('GET', '/api/v1/inventory?limit=5', service);
    expect(stock.status).toBe(200);
    expect(stock.json.items.length).toBeGreaterThan(0);
  });
});
