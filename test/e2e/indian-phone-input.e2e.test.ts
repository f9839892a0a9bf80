import { beforeAll, describe, expect, it } from 'vitest';
import { authClient, newAccount } from '../support/auth-client.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

/**
 * One Indian phone rule at every endpoint that takes a phone (api-v1, Conventions): registration,
 * the organization profile and locations accept the forms people type and store +91XXXXXXXXXX.
 */
const testApp = useTestApp();
const { call } = authClient(testApp);

const forms = ['9876543210', '09876543210', '919876543210', '+91 98765-43210', '+91-98765 43210'];
const stored = '+919876543210';
const refused = ['12345', '+44 20 7946 0958', '0091 98765 43210', '98765.43210', '+91 0987654321'];

let owner: TestMember;

beforeAll(async () => {
  const brand = await makeOrganization(testApp().container, 'brand', ['owner']);
  owner = brand.members.owner as TestMember;
});

function expectPhoneRefused(
  response: { status: number; json: Record<string, unknown> },
  path: string,
) {
  expect(response.status).toBe(400);
  expect(response.json).toMatchObject({
    code: 'VALIDATION_FAILED',
    errors: [
      {
        path,
        message: expect.stringContaining(
          '9876543210, 09876543210, 919876543210, +91 98765-43210, (011) 2345 6789',
        ),
      },
    ],
  });
}

describe('Indian phone numbers as people type them', () => {
  it.each(forms)('registration takes %j and stores +919876543210', async (phone) => {
    const registered = await call('POST', '/api/v1/auth/register', { ...newAccount(), phone });
    expect(registered.status).toBe(201);
    const me = await call('GET', '/api/v1/me', undefined, registered.json.accessToken);
    expect(me.json.user.phone).toBe(stored);
  });

  it('registration refuses other numbers, listing the accepted forms', async () => {
    for (const phone of refused)
      expectPhoneRefused(
        await call('POST', '/api/v1/auth/register', { ...newAccount(), phone }),
        'body.phone',
      );
  });

  it.each(forms)('location creation takes %j and stores +919876543210', async (phone) => {
    const created = await call(
      'POST',
      '/api/v1/locations',
      {
        name: `Pune warehouse ${phone}`,
        address: {
          contactName: 'Asha Patil',
          phone,
          line1: 'Plot 12, MIDC Bhosari',
          city: 'Pune',
          state: 'Maharashtra',
          pincode: '411026',
        },
      },
      owner.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.json.address.phone).toBe(stored);
    const got = await call(
      'GET',
      `/api/v1/locations/${created.json.id}`,
      undefined,
      owner.accessToken,
    );
    expect(got.json.address.phone).toBe(stored);
  });

  it('location creation takes a landline with its STD code in brackets', async () => {
    const created = await call(
      'POST',
      '/api/v1/locations',
      {
        name: 'Delhi office',
        address: {
          contactName: 'Ravi Kumar',
          phone: '(011) 2345-6789',
          line1: '14 Nehru Place',
          city: 'New Delhi',
          state: 'Delhi',
          pincode: '110019',
        },
      },
      owner.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.json.address.phone).toBe('+911123456789');
  });

  it('location creation refuses other numbers, listing the accepted forms', async () => {
    for (const phone of refused) {
      const response = await call(
        'POST',
        '/api/v1/locations',
        {
          name: 'Refused',
          address: {
            contactName: 'Asha Patil',
            phone,
            line1: 'Plot 12',
            city: 'Pune',
            state: 'Maharashtra',
            pincode: '411026',
          },
        },
        owner.accessToken,
      );
      expectPhoneRefused(response, 'body.address.phone');
    }
  });

  it.each(forms)('the organization profile takes %j as its contact phone', async (phone) => {
    const updated = await call(
      'PATCH',
      '/api/v1/organization',
      { contactPhone: phone },
      owner.accessToken,
    );
    expect(updated.status).toBe(200);
    expect(updated.json.contactPhone).toBe(stored);
  });

  it('the organization profile refuses other numbers, listing the accepted forms', async () => {
    for (const contactPhone of refused)
      expectPhoneRefused(
        await call('PATCH', '/api/v1/organization', { contactPhone }, owner.accessToken),
        'body.contactPhone',
      );
  });
});
