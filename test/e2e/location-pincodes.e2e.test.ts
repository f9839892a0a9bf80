import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

// Addresses are checked against India Post's PIN directory (ADR 0010).
const testApp = useTestApp();
const call = apiCaller(testApp);

let owner: TestMember;
let viewer: TestMember;
let organizationId: string;

const body = (address: Record<string, string> = {}) => ({
  name: 'Chinchwad store',
  address: {
    contactName: 'Asha Patil',
    phone: '9876543210',
    line1: 'Plot 4, MIDC Chinchwad',
    city: 'Pune',
    state: 'Maharashtra',
    pincode: '411019',
    ...address,
  },
});

beforeAll(async () => {
  const mine = await makeOrganization(testApp().container, 'distributor', ['owner', 'viewer']);
  organizationId = mine.organizationId;
  owner = mine.members.owner as TestMember;
  viewer = mine.members.viewer as TestMember;
});

describe('locations checked against the PIN directory', () => {
  it('refuses a PIN of another state, naming the PIN’s state on the field', async () => {
    const response = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      body({ state: 'Karnataka' }),
    );
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: 'PINCODE_STATE_MISMATCH',
      detail: 'PIN 411019 is in Maharashtra, not Karnataka.',
      errors: [{ path: 'body.address.state', message: 'PIN 411019 is in Maharashtra' }],
      pincode: { pin: '411019', state: 'Maharashtra', states: ['Maharashtra'] },
    });
  });

  it('refuses a PIN India Post does not have', async () => {
    const response = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      body({ pincode: '999999' }),
    );
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('UNKNOWN_PINCODE');
    expect(response.json.errors).toEqual([
      { path: 'body.address.pincode', message: 'is not in India Post’s PIN directory' },
    ]);
  });

  it('files Leh under Ladakh and Hyderabad under Telangana', async () => {
    const leh = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      body({ city: 'Leh', state: 'Jammu and Kashmir', pincode: '194101' }),
    );
    expect(leh.json.pincode).toEqual({ pin: '194101', state: 'Ladakh', states: ['Ladakh'] });
    const hyderabad = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      body({ city: 'Hyderabad', state: 'Telangana', pincode: '500001' }),
    );
    expect(hyderabad.status).toBe(201);
    expect(hyderabad.json.warnings).toEqual([]);
  });

  it('keeps a city the directory does not know for the PIN and suggests its own', async () => {
    const response = await call(
      'POST',
      '/api/v1/locations',
      { bearer: owner.accessToken },
      body({ city: 'Mumbai' }),
    );
    expect(response.status).toBe(201);
    expect(response.json.address.city).toBe('Mumbai');
    expect(response.json.warnings).toEqual([
      {
        path: 'body.address.city',
        code: 'CITY_NOT_IN_PIN_DIRECTORY',
        message: 'India Post lists PIN 411019 under Pune, not Mumbai.',
        suggestion: 'Pune',
      },
    ]);
  });

  it('takes a renamed city by either name (Bengaluru / Bangalore) without a warning', async () => {
    for (const city of ['Bengaluru', 'Bangalore']) {
      const response = await call(
        'POST',
        '/api/v1/locations',
        { bearer: owner.accessToken },
        body({ city, state: 'Karnataka', pincode: '560001' }),
      );
      expect(response.status).toBe(201);
      expect(response.json.warnings).toEqual([]);
    }
  });
});

describe('GET /api/v1/pincodes/{pin}', () => {
  it('answers the state, districts and cities for a form to fill in', async () => {
    const response = await call('GET', '/api/v1/pincodes/396230', { bearer: viewer.accessToken });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      pin: '396230',
      state: 'Dadra and Nagar Haveli and Daman and Diu',
      states: ['Dadra and Nagar Haveli and Daman and Diu', 'Gujarat'],
      districts: ['Dadra & Nagar Haveli', 'Valsad'],
      postal: { circles: ['Gujarat'] },
    });
    expect(response.json.postOffices).toContain('Silvassa');
  });

  it('is 404 for a PIN India Post does not have and 400 for one that is no PIN', async () => {
    const unknown = await call('GET', '/api/v1/pincodes/999999', { bearer: viewer.accessToken });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('NOT_FOUND');
    const malformed = await call('GET', '/api/v1/pincodes/04110', { bearer: viewer.accessToken });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe('VALIDATION_FAILED');
  });

  it('is open to read API keys and closed to the anonymous', async () => {
    const key = await makeApiKey(testApp().container, organizationId, 'read');
    expect((await call('GET', '/api/v1/pincodes/560001', { apiKey: key })).status).toBe(200);
    expect((await call('GET', '/api/v1/pincodes/560001', null)).status).toBe(401);
  });
});
