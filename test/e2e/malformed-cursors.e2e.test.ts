import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let brandOwner: TestMember;
let distributorOwner: TestMember;
let platformOwner: TestMember;

beforeAll(async () => {
  const container = testApp().container;
  brandOwner = (await makeOrganization(container, 'brand')).members.owner as TestMember;
  distributorOwner = (await makeOrganization(container, 'distributor')).members.owner as TestMember;
  platformOwner = (await makeOrganization(container, 'platform')).members.owner as TestMember;
});

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const dashes = '-'.repeat(36);

/** Cursors no list ever returned: wrong shapes, right shapes of nonsense, overflowing numbers. */
const garbage = [
  `${dashes}:${dashes}`,
  dashes,
  'not-a-cursor',
  '0',
  '-1',
  '99999999999999999999',
  '00000000-0000-0000-0000-00000000000g',
  'a%00b',
  base64({ partNumber: 'WM-1', id: dashes }),
  base64({ partNumber: 'WM\u0000', id: '0b9f3c2e-8f7a-4c1d-9e2b-3a4c5d6e7f80' }),
  base64({ offset: 'x' }),
  base64({ offset: -5 }),
  base64([]),
  base64('text'),
  base64(null),
];

const lists: Array<[string, () => TestMember]> = [
  ['/api/v1/inventory', () => brandOwner],
  ['/api/v1/inventory/movements', () => brandOwner],
  ['/api/v1/inventory/transfers', () => brandOwner],
  ['/api/v1/inventory/counts', () => brandOwner],
  ['/api/v1/parts', () => brandOwner],
  ['/api/v1/parts?q=pump', () => brandOwner],
  ['/api/v1/audit-log', () => brandOwner],
  ['/api/v1/locations', () => brandOwner],
  ['/api/v1/network/partners', () => brandOwner],
  ['/api/v1/network/access-requests', () => brandOwner],
  ['/api/v1/network/invitations', () => brandOwner],
  ['/api/v1/network/brands', () => distributorOwner],
  ['/api/v1/team/invitations', () => brandOwner],
  ['/api/v1/admin/organizations', () => platformOwner],
  ['/api/v1/invoices', () => brandOwner],
];

describe('a cursor no list returned is 400 VALIDATION_FAILED at querystring.cursor', () => {
  it.each(lists)('%s', async (path, member) => {
    const separator = path.includes('?') ? '&' : '?';
    for (const cursor of garbage) {
      const encoded = cursor === 'a%00b' ? cursor : encodeURIComponent(cursor);
      const response = await call('GET', `${path}${separator}cursor=${encoded}`, {
        bearer: member().accessToken,
      });
      expect({ cursor, status: response.status, code: response.json?.code }).toEqual({
        cursor,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(response.json.errors).toContainEqual(
        expect.objectContaining({ path: 'querystring.cursor' }),
      );
    }
  });
});
