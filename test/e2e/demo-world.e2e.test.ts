import { beforeAll, describe, expect, it } from 'vitest';
import { fundDemoWallets } from '../../src/app/demo-wallets.js';
import { seedDemoWorld } from '../../src/modules/ops/index.js';
import { apiCaller } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const password = 'demo-world-e2e-1';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

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
    await fundDemoWallets(container, password);
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

  it('funds the demo wallets with simulated Razorpay payments, each with its receipt voucher, and one refund', async () => {
    const brand = await signIn('brand@demo.spareflow.in');
    const wallet = await call('GET', '/api/v1/wallet', brand);
    expect(wallet.json).toMatchObject({ balancePaise: 1_50_000_00, availablePaise: 1_50_000_00 });
    const lines = await call('GET', '/api/v1/wallet/transactions', brand);
    expect(lines.json.items.map((line: { type: string }) => line.type)).toEqual(['topup', 'topup']);
    const vouchers = await eventually(
      async () =>
        (await call('GET', '/api/v1/invoices?kind=receipt_voucher', brand)).json.items as Array<{
          totalPaise: number;
        }>,
      (items) => items.length === 2,
    );
    expect(vouchers.map((voucher) => voucher.totalPaise).sort((a, b) => a - b)).toEqual([
      50_000_00, 1_00_000_00,
    ]);
    const topups = await call('GET', '/api/v1/wallet/topups', brand);
    expect(topups.json.items.every((topup: { sandbox: boolean }) => topup.sandbox)).toBe(true);

    // CoolCare paid twice; the second payment was refunded: ₹3,000 left, the refund on its statement.
    const chennai = await signIn('service.chennai@demo.spareflow.in');
    expect((await call('GET', '/api/v1/wallet', chennai)).json.availablePaise).toBe(3_000_00);
    const statement = await call('GET', '/api/v1/wallet/transactions', chennai);
    expect(statement.json.items.map((line: { type: string }) => line.type)).toEqual([
      'refund',
      'topup',
      'topup',
    ]);
    const customer = await signIn('customer@demo.spareflow.in');
    expect((await call('GET', '/api/v1/wallet', customer)).json.balancePaise).toBe(0);
  });
});
