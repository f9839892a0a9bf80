import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempRoot, removeTempRoot, runSpareflow } from '../support/spareflow-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let root: string;
let database: TestDatabase;
const env = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: database.url,
  SPAREFLOW_DATA_DIR: path.join(root, 'data'),
  LOG_LEVEL: 'warn',
  ...extra,
});

beforeAll(async () => {
  root = await makeTempRoot('doctor');
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
  await removeTempRoot(root);
});

// Half-configured live DTDC: the key without the account it belongs to.
const dtdcWithoutCustomerCode = {
  DTDC_API_KEY_NEW: 'live-key',
  DTDC_TRACKING_USERNAME: 'tracker',
  DTDC_TRACKING_PASSWORD: 'secret',
};

describe('spareflow doctor', () => {
  it('reports the platform checks and sandbox integrations, and exits 0', async () => {
    const result = await runSpareflow(['doctor'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SpareFlow doctor$/m);
    for (const check of ['configuration', 'database', 'migrations', 'job queue'])
      expect(result.stdout).toMatch(new RegExp(`^\\s+✓ ${check}\\s+\\S`, 'm'));
    for (const integration of [
      'DTDC courier',
      'Razorpay payments',
      'SMTP e-mail',
      'WhatsApp Cloud API',
      'OpenAI',
    ])
      expect(result.stdout).toMatch(new RegExp(`^\\s+\\S ${integration}\\s+sandbox`, 'm'));
    expect(result.stdout).toMatch(/✓ database\s+.*PostgreSQL \d+\.\d+/);
    expect(result.stdout).toMatch(/✓ migrations\s+current \(\d+\/\d+ applied\)/);
    expect(result.stdout).toMatch(/✓ invoice numbering\s+no invoices issued yet/);
    expect(result.stdout).toMatch(
      /\S invoice supplier\s+sandbox supplier: set INVOICE_SUPPLIER_\*/,
    );
    expect(result.stdout).toMatch(/^Result: ready$/m);
  });

  it('exits 1 naming the missing variable when a live integration is half-configured', async () => {
    const result = await runSpareflow(['doctor'], env(dtdcWithoutCustomerCode));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ configuration\s+.*DTDC_CUSTOMER_CODE/);
    expect(result.stdout).toMatch(/^Result: NOT ready$/m);
  });

  it('exits 1 naming PORT when it is not a number', async () => {
    const result = await runSpareflow(['doctor'], env({ PORT: 'abc' }));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ configuration\s+.*PORT: must be an integer/);
  });
});

describe('spareflow start with invalid configuration', () => {
  it.each([
    { case: 'PORT=abc', extra: { PORT: 'abc' }, variable: 'PORT' },
    {
      case: 'DTDC half-configured',
      extra: dtdcWithoutCustomerCode,
      variable: 'DTDC_CUSTOMER_CODE',
    },
  ])('exits 1 naming the variable ($case)', async ({ extra, variable }) => {
    const result = await runSpareflow(['start'], env({ PORT: '0', ...extra }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(new RegExp(`^\\s+- ${variable}: `, 'm'));
    expect(result.stdout).not.toContain('SpareFlow is ready');
  });
});
