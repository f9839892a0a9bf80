import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';
import { insertPart } from '../integration/inventory/inventory-fixtures.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const pool = () => testApp().container.database.pool;

let manager: TestMember;
let viewer: TestMember;
let outsider: TestMember;
let part: string;

const address = {
  contactName: 'Asha Patil',
  phone: '9876543210',
  line1: 'Plot 4, MIDC Chinchwad',
  city: 'Pune',
  state: 'Maharashtra',
  pincode: '411019',
};

async function addLocation(name: string): Promise<string> {
  const response = await call(
    'POST',
    '/api/v1/locations',
    { bearer: manager.accessToken },
    {
      name,
      address,
    },
  );
  expect(response.status).toBe(201);
  return response.json.id as string;
}

async function adjust(locationId: string, quantityDelta: number) {
  return call(
    'POST',
    '/api/v1/inventory/adjustments',
    { bearer: manager.accessToken },
    { locationId, partId: part, quantityDelta, reason: quantityDelta > 0 ? 'receipt' : 'loss' },
  );
}

async function auditOf(locationId: string) {
  const { rows } = await pool().query<{ action: string; before: unknown; after: unknown }>(
    'select action, before, after from audit_log where entity_id = $1 order by position',
    [locationId],
  );
  return rows;
}

async function eventsOf(locationId: string) {
  const { rows } = await pool().query<{ type: string; payload: Record<string, unknown> }>(
    'select type, payload from domain_events where aggregate_id = $1 order by position',
    [locationId],
  );
  return rows;
}

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['manager', 'viewer']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  manager = brand.members.manager as TestMember;
  viewer = brand.members.viewer as TestMember;
  outsider = other.members.owner as TestMember;
  part = await insertPart(pool(), brand.organizationId);
});

describe('PATCH /api/v1/locations/{id}', () => {
  it('changes only the fields sent, audited before and after, and published', async () => {
    const id = await addLocation('Chinchwad store');
    const response = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      {
        name: 'Chinchwad depot',
        address: { line2: 'Gate 2', phone: '+91 98765 00000'.replace(/ /g, '') },
      },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id,
      name: 'Chinchwad depot',
      address: { ...address, phone: '+919876500000', line2: 'Gate 2' },
      archivedAt: null,
      warnings: [],
    });
    expect(response.json.updatedAt > response.json.createdAt).toBe(true);

    const audit = await auditOf(id);
    expect(audit.map((entry) => entry.action)).toEqual(['location.created', 'location.updated']);
    expect(audit[1]?.before).toMatchObject({ name: 'Chinchwad store', address: { line2: null } });
    expect(audit[1]?.after).toMatchObject({
      name: 'Chinchwad depot',
      address: { line2: 'Gate 2' },
    });
    const events = await eventsOf(id);
    expect(events.at(-1)).toEqual({
      type: 'location.updated',
      payload: expect.objectContaining({
        locationId: id,
        pincode: '411019',
        changed: ['name', 'address.phone', 'address.line2'],
      }),
    });

    // Sending the current values changes nothing and records nothing; null clears line2.
    const same = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      {
        name: 'Chinchwad depot',
      },
    );
    expect(same.status).toBe(200);
    expect((await auditOf(id)).length).toBe(2);
    const cleared = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      {
        address: { line2: null },
      },
    );
    expect(cleared.json.address.line2).toBeNull();
  });

  it('checks the edited address against the PIN directory as a whole', async () => {
    const id = await addLocation('Pune hub');
    const wrongState = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      { address: { state: 'Karnataka' } },
    );
    expect(wrongState.status).toBe(400);
    expect(wrongState.json).toMatchObject({
      code: 'PINCODE_STATE_MISMATCH',
      errors: [{ path: 'body.address.state', message: 'PIN 411019 is in Maharashtra' }],
    });
    const moved = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      { address: { pincode: '560001', state: 'Karnataka' } },
    );
    expect(moved.status).toBe(200);
    expect(moved.json.warnings).toEqual([
      expect.objectContaining({ path: 'body.address.city', suggestion: 'Bengaluru' }),
    ]);
  });

  it('is 404 for another organization’s location and 403 for a viewer', async () => {
    const id = await addLocation('Akurdi store');
    const foreign = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: outsider.accessToken },
      {
        name: 'Mine now',
      },
    );
    expect(foreign.status).toBe(404);
    const asViewer = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: viewer.accessToken },
      {
        name: 'Viewer was here',
      },
    );
    expect(asViewer.status).toBe(403);
  });
});

describe('DELETE /api/v1/locations/{id} archives', () => {
  it('refuses while the location holds stock, with the figures', async () => {
    const id = await addLocation('Bhosari godown');
    expect((await adjust(id, 5)).status).toBe(201);
    const refused = await call('DELETE', `/api/v1/locations/${id}`, {
      bearer: manager.accessToken,
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      code: 'LOCATION_HOLDS_STOCK',
      stock: { onHand: 5, reserved: 0, inTransit: 0, parts: 1 },
    });
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual(['location.created']);
  });

  it('hides an archived location from lists, keeps its history and refuses stock there', async () => {
    const id = await addLocation('Old Pimpri store');
    expect((await adjust(id, 3)).status).toBe(201);
    expect((await adjust(id, -3)).status).toBe(201);

    const archived = await call('DELETE', `/api/v1/locations/${id}`, {
      bearer: manager.accessToken,
    });
    expect(archived.status).toBe(200);
    expect(archived.json.archivedAt).toEqual(expect.any(String));
    const again = await call('DELETE', `/api/v1/locations/${id}`, { bearer: manager.accessToken });
    expect(again.json).toEqual(archived.json);

    const list = await call('GET', '/api/v1/locations?limit=200', { bearer: viewer.accessToken });
    expect(list.json.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const withArchived = await call('GET', '/api/v1/locations?archived=true&limit=200', {
      bearer: viewer.accessToken,
    });
    expect(withArchived.json.items).toContainEqual(
      expect.objectContaining({ id, archivedAt: archived.json.archivedAt }),
    );
    expect(
      (await call('GET', `/api/v1/locations/${id}`, { bearer: viewer.accessToken })).status,
    ).toBe(200);

    // History stays: the movements and the level still point at the location.
    const movements = await call('GET', `/api/v1/inventory/movements?locationId=${id}`, {
      bearer: viewer.accessToken,
    });
    expect(movements.json.items.length).toBe(2);

    const refused = await adjust(id, 1);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'LOCATION_ARCHIVED', locationId: id });
    const edit = await call(
      'PATCH',
      `/api/v1/locations/${id}`,
      { bearer: manager.accessToken },
      {
        name: 'Revived',
      },
    );
    expect(edit.status).toBe(409);
    expect(edit.json.code).toBe('LOCATION_ARCHIVED');

    expect((await auditOf(id)).map((entry) => entry.action)).toEqual([
      'location.created',
      'location.archived',
    ]);
    expect((await eventsOf(id)).map((event) => event.type)).toEqual([
      'location.created',
      'location.archived',
    ]);
  });

  it('refuses a transfer into an archived location', async () => {
    const from = await addLocation('Transfer source');
    const to = await addLocation('Closed branch');
    expect((await adjust(from, 2)).status).toBe(201);
    expect(
      (await call('DELETE', `/api/v1/locations/${to}`, { bearer: manager.accessToken })).status,
    ).toBe(200);
    const transfer = await call(
      'POST',
      '/api/v1/inventory/transfers',
      { bearer: manager.accessToken },
      { fromLocationId: from, toLocationId: to, lines: [{ partId: part, quantity: 1 }] },
    );
    expect(transfer.status).toBe(409);
    expect(transfer.json).toMatchObject({ code: 'LOCATION_ARCHIVED', locationId: to });
  });

  it('is 404 for another organization’s location and 403 for a viewer', async () => {
    const id = await addLocation('Nigdi store');
    expect(
      (await call('DELETE', `/api/v1/locations/${id}`, { bearer: outsider.accessToken })).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/v1/locations/${id}`, { bearer: viewer.accessToken })).status,
    ).toBe(403);
  });
});
