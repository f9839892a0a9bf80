import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, type Auth } from '../support/api-call.js';
import { newAccount } from '../support/auth-client.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { makePart } from '../support/factories/part.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertLocation } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

/** Text PostgreSQL cannot store: NUL, and UTF-16 surrogates without their partner. */
const unstorable = {
  nul: 'Valve\u0000 seal',
  'lone high surrogate': 'Valve \ud800 seal',
  'lone low surrogate': '\udc00Valve seal',
};

let owner: TestMember;
let locationId: string;
let partId: string;

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner']);
  owner = brand.members.owner as TestMember;
  locationId = await insertLocation(container.database.pool, brand.organizationId);
  partId = (await makePart(container, brand.organizationId)).id;
  const receipt = await call(
    'POST',
    '/api/v1/inventory/adjustments',
    { bearer: owner.accessToken },
    { locationId, partId, quantityDelta: 10, reason: 'receipt' },
  );
  expect(receipt.status).toBe(201);
});

/** A valid request and the string fields (paths into its body) to poison one at a time. */
interface Case {
  method: string;
  path: () => string;
  auth: () => Auth;
  body: () => Record<string, unknown>;
  fields: string[];
}

const address = {
  contactName: 'Ravi Kumar',
  phone: '+919876543210',
  line1: '12 MG Road',
  city: 'Pune',
  state: 'Maharashtra',
  pincode: '411001',
};
const bearer = () => ({ bearer: owner.accessToken });
const anonymous = () => null;

const cases: Record<string, Case> = {
  registration: {
    method: 'POST',
    path: () => '/api/v1/auth/register',
    auth: anonymous,
    body: () => newAccount(),
    fields: ['email', 'password', 'name', 'organization.name'],
  },
  login: {
    method: 'POST',
    path: () => '/api/v1/auth/login',
    auth: anonymous,
    body: () => ({ email: 'someone@example.in', password: 'Some-password-1' }),
    fields: ['email', 'password'],
  },
  'password reset request': {
    method: 'POST',
    path: () => '/api/v1/auth/password-reset/request',
    auth: anonymous,
    body: () => ({ email: 'someone@example.in' }),
    fields: ['email'],
  },
  'new part': {
    method: 'POST',
    path: () => '/api/v1/parts',
    auth: bearer,
    body: () => ({
      partNumber: `NP-${crypto.randomBytes(3).toString('hex')}`,
      name: 'Door gasket',
      description: 'Fits every model',
      category: 'Seals',
      unitPricePaise: 10_000,
      weightGrams: 100,
      lengthCm: 10,
      widthCm: 10,
      heightCm: 1,
      compatibleModels: ['FF-350'],
    }),
    fields: ['name', 'description', 'category', 'compatibleModels.0'],
  },
  'part change': {
    method: 'PATCH',
    path: () => `/api/v1/parts/${partId}`,
    auth: bearer,
    body: () => ({ name: 'Door gasket', description: 'Fits every model' }),
    fields: ['name', 'description'],
  },
  location: {
    method: 'POST',
    path: () => '/api/v1/locations',
    auth: bearer,
    body: () => ({ name: 'Pune depot', address }),
    fields: ['name', 'address.contactName', 'address.line1', 'address.city'],
  },
  'organization profile': {
    method: 'PATCH',
    path: () => '/api/v1/organization',
    auth: bearer,
    body: () => ({ name: 'Frostfree Appliances', legalName: 'Frostfree Appliances Pvt Ltd' }),
    fields: ['name', 'legalName'],
  },
  'API key': {
    method: 'POST',
    path: () => '/api/v1/api-keys',
    auth: bearer,
    body: () => ({ name: 'ERP sync', scope: 'read' }),
    fields: ['name'],
  },
  'adjustment note': {
    method: 'POST',
    path: () => '/api/v1/inventory/adjustments',
    auth: bearer,
    body: () => ({ locationId, partId, quantityDelta: 1, reason: 'receipt', note: 'Found' }),
    fields: ['note'],
  },
  'reservation reference': {
    method: 'POST',
    path: () => '/api/v1/inventory/reservations',
    auth: bearer,
    body: () => ({
      referenceType: 'shipment',
      referenceId: 'S-1',
      lines: [{ locationId, partId, quantity: 1 }],
    }),
    fields: ['referenceId'],
  },
};

/** `body` with the field at dotted `path` replaced by `value`. */
function withField(body: Record<string, unknown>, path: string, value: string) {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1) as string] = value;
  return copy;
}

describe('text PostgreSQL cannot store is refused with 400 by the shared validation', () => {
  for (const [name, spec] of Object.entries(cases)) {
    it.each(Object.entries(unstorable))(`${name}: %s in each string field`, async (_kind, text) => {
      for (const field of spec.fields) {
        const response = await call(
          spec.method,
          spec.path(),
          spec.auth(),
          withField(spec.body(), field, text),
        );
        expect({ field, status: response.status, code: response.json?.code }).toEqual({
          field,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(response.json.errors).toContainEqual({
          path: `body.${field}`,
          message: 'must not contain NUL characters or unpaired surrogates',
        });
      }
    });
  }

  // A URL cannot carry an unpaired surrogate (percent-decoding never yields one); NUL it can.
  it.each([
    ['/api/v1/parts?q=gasket%00seal', 'querystring.q'],
    ['/api/v1/audit-log?action=part%00.created', 'querystring.action'],
    ['/api/v1/audit-log?entityType=%00', 'querystring.entityType'],
  ])('GET %s', async (path, field) => {
    const response = await call('GET', path, bearer());
    expect({ status: response.status, code: response.json?.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(response.json.errors).toContainEqual(expect.objectContaining({ path: field }));
  });

  it('still accepts the same requests with text PostgreSQL stores (emoji pairs included)', async () => {
    const named = await call('POST', '/api/v1/api-keys', bearer(), {
      name: 'ERP sync 🔧',
      scope: 'read',
    });
    expect(named.status).toBe(201);
    const search = await call('GET', '/api/v1/parts?q=gasket%20%F0%9F%94%A7', bearer());
    expect(search.status).toBe(200);
  });
});

describe('NUL in an uploaded CSV is a row error, not a failed job', () => {
  const partsHeader = 'part_number,name,unit_price_paise,weight_grams,length_cm,width_cm,height_cm';

  async function runImport(path: string, csv: string) {
    const response = await fetch(`${testApp().url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const job = await call('GET', `/api/v1/jobs/${jobId}`, bearer());
      if (job.json.status === 'succeeded' || job.json.status === 'failed') return job.json;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  it('parts: the row with a NUL cell is reported, the others are imported', async () => {
    const prefix = `NUL-${crypto.randomBytes(3).toString('hex')}`;
    const csv = [
      partsHeader,
      `${prefix}-1,Door gasket,1000,100,10,10,1`,
      `${prefix}-2,Door\u0000gasket,1000,100,10,10,1`,
      `${prefix}-3,Drain pump,1000,100,10,10,1`,
    ].join('\n');
    const job = await runImport('/api/v1/parts/import', csv);
    expect(job).toMatchObject({ status: 'succeeded', summary: { created: 2, failed: 1 } });
    expect(job.errors).toEqual([
      { row: 3, column: 'name', message: 'must not contain NUL characters' },
    ]);
  });

  it('parts: a NUL in the header fails the job with a readable header error', async () => {
    const csv = [partsHeader.replace('name', 'na\u0000me'), 'X-1,Gasket,1000,100,10,10,1'].join(
      '\n',
    );
    const job = await runImport('/api/v1/parts/import', csv);
    expect(job.status).toBe('failed');
    expect(job.errors).toContainEqual(expect.objectContaining({ row: 1, column: 'na\uFFFDme' }));
  });

  it('stock: the row with a NUL cell is reported, the others are applied', async () => {
    const part = await call('GET', `/api/v1/parts/${partId}`, bearer());
    const partNumber = part.json.partNumber as string;
    const csv = [
      'location_id,part_number,quantity,reason',
      `${locationId},${partNumber},1,receipt`,
      `${locationId},${partNumber}\u0000,1,receipt`,
    ].join('\n');
    const job = await runImport('/api/v1/inventory/import?mode=adjust', csv);
    expect(job).toMatchObject({ status: 'succeeded', summary: { updated: 1, failed: 1 } });
    expect(job.errors).toEqual([
      { row: 3, column: 'part_number', message: 'must not contain NUL characters' },
    ]);
  });
});
