import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let owner: TestMember;
let viewer: TestMember;
let otherOwner: TestMember;
let organizationId: string;

const validBody = () => ({
  name: 'Pune warehouse',
  address: {
    contactName: 'Asha Patil',
    phone: '9876543210',
    line1: 'Plot 12, MIDC Bhosari',
    city: 'Pune',
    state: 'Maharashtra',
    pincode: '411026',
  },
});

function withAddress(changes: Record<string, unknown>) {
  const body = validBody();
  return { ...body, address: { ...body.address, ...changes } };
}

beforeAll(async () => {
  const container = testApp().container;
  const mine = await makeOrganization(container, 'distributor', ['owner', 'viewer']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  organizationId = mine.organizationId;
  owner = mine.members.owner as TestMember;
  viewer = mine.members.viewer as TestMember;
  otherOwner = other.members.owner as TestMember;
});

describe('locations', () => {
  it('creates a location with a normalised phone, audited and published', async () => {
    const created = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      {
        ...validBody(),
        address: { ...validBody().address, line2: 'Near gate 3' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Pune warehouse',
      address: { phone: '+919876543210', line2: 'Near gate 3', state: 'Maharashtra' },
    });
    expect(created.json.id).toMatch(/^[0-9a-f-]{36}$/);

    const pool = testApp().database.pool;
    const audit = await pool.query('select action from audit_log where entity_id = $1', [
      created.json.id,
    ]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['location.created']);
    const events = await pool.query(
      'select type, organization_id from domain_events where aggregate_id = $1',
      [created.json.id],
    );
    expect(events.rows).toEqual([{ type: 'location.created', organization_id: organizationId }]);
  });

  it('accepts +91 phones and lists and gets only the own organization’s locations', async () => {
    const second = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      withAddress({ phone: '+912024567890' }),
    );
    expect(second.status).toBe(201);
    expect(second.json.address.phone).toBe('+912024567890');

    const list = await call('GET', '/api/v1/locations', { bearer: viewer.accessToken });
    expect(list.status).toBe(200);
    expect(list.json.items.length).toBe(2);
    expect(list.json.items[0].id).toBe(second.json.id);
    expect(list.json.nextCursor).toBeNull();

    const got = await call('GET', `/api/v1/locations/${second.json.id}`, {
      bearer: viewer.accessToken,
    });
    expect(got.status).toBe(200);
    const { warnings, ...saved } = second.json;
    expect(warnings).toEqual([]);
    expect(got.json).toEqual(saved);

    const foreign = await call('GET', `/api/v1/locations/${second.json.id}`, {
      bearer: otherOwner.accessToken,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.code).toBe('NOT_FOUND');
    const otherList = await call('GET', '/api/v1/locations', { bearer: otherOwner.accessToken });
    expect(otherList.json.items).toEqual([]);
  });

  it('pages with limit and cursor', async () => {
    const first = await call('GET', '/api/v1/locations?limit=1', { bearer: owner.accessToken });
    expect(first.json.items.length).toBe(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const next = await call('GET', `/api/v1/locations?limit=1&cursor=${first.json.nextCursor}`, {
      bearer: owner.accessToken,
    });
    expect(next.json.items.length).toBe(1);
    expect(next.json.items[0].id).not.toBe(first.json.items[0].id);
  });

  it.each([
    ['pincode', { pincode: '012345' }],
    ['pincode', { pincode: '41100' }],
    ['pincode', { pincode: '41102a' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: '+4412345678901' }],
    ['state', { state: 'Bombay' }],
  ])('rejects a bad %s with a field error (%j)', async (field, changes) => {
    const response = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      withAddress(changes),
    );
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors[0].path).toBe(`body.address.${field}`);
  });

  it('rejects unknown fields', async () => {
    const response = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      {
        ...validBody(),
        organizationId: otherOwner.organizationId,
      },
    );
    expect(response.status).toBe(400);
  });

  it('forbids viewers and read keys to create, and lets read_write keys create', async () => {
    const asViewer = await call(
      'POST',
      '/api/v1/locations',
      { bearer: viewer.accessToken },
      validBody(),
    );
    expect(asViewer.status).toBe(403);
    const container = testApp().container;
    const readKey = await makeApiKey(container, organizationId, 'read');
    const writeKey = await makeApiKey(container, organizationId, 'read_write');
    expect((await call('POST', '/api/v1/locations', { apiKey: readKey }, validBody())).status).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/locations', { apiKey: readKey })).status).toBe(200);
    expect(
      (await call('POST', '/api/v1/locations', { apiKey: writeKey }, validBody())).status,
    ).toBe(201);
  });
});
