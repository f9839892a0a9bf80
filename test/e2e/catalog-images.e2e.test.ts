import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { makePart } from '../support/factories/part.factory.js';
import { brandWithMembers, type BrandWithMembers } from '../support/identity-members.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('fake png body'),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('fake jpeg')]);

let brand: BrandWithMembers;
let otherBrand: BrandWithMembers;
let customerToken: string;

async function upload(token: string, partId: string, bytes: Buffer, type: string) {
  const response = await fetch(`${testApp().url}/api/v1/parts/${partId}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function fetchImage(token: string, url: string, method = 'GET') {
  return fetch(`${testApp().url}${url}`, { method, headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  const container = testApp().container;
  brand = await brandWithMembers(container);
  otherBrand = await brandWithMembers(container);
  customerToken = (await makeOrganization(container, 'customer', ['owner'])).members.owner!
    .accessToken;
});

describe('part images', () => {
  it('uploads, serves with type, nosniff and a cache header, and deletes', async () => {
    const part = await makePart(testApp().container, brand.organizationId);
    const created = await upload(brand.tokens.manager, part.id, png, 'image/png');
    expect(created.status).toBe(201);
    expect(created.json.url).toBe(`/api/v1/parts/${part.id}/images/${created.json.id}`);

    const served = await fetchImage(customerToken, created.json.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toMatch(/max-age/);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    const detail = await fetch(`${testApp().url}/api/v1/parts/${part.id}`, {
      headers: { authorization: `Bearer ${brand.tokens.viewer}` },
    }).then((r) => r.json() as Promise<{ images: unknown[] }>);
    expect(detail.images).toEqual([
      expect.objectContaining({ id: created.json.id, contentType: 'image/png' }),
    ]);

    expect((await fetchImage(otherBrand.tokens.owner, created.json.url)).status).toBe(404);
    expect((await fetchImage(otherBrand.tokens.owner, created.json.url, 'DELETE')).status).toBe(
      404,
    );
    expect((await fetchImage(brand.tokens.owner, created.json.url, 'DELETE')).status).toBe(204);
    expect((await fetchImage(brand.tokens.owner, created.json.url)).status).toBe(404);
  });

  it('refuses other types and bytes that are not the declared type with 415', async () => {
    const part = await makePart(testApp().container, brand.organizationId);
    const gif = await upload(brand.tokens.owner, part.id, Buffer.from('GIF89a....'), 'image/gif');
    expect(gif).toMatchObject({ status: 415, json: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const lie = await upload(brand.tokens.owner, part.id, Buffer.from('<html>'), 'image/png');
    expect(lie).toMatchObject({ status: 415, json: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const text = await upload(brand.tokens.owner, part.id, Buffer.from('hello'), 'text/plain');
    expect(text).toMatchObject({ status: 415, json: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const wrongMagic = await upload(brand.tokens.owner, part.id, png, 'image/jpeg');
    expect(wrongMagic.status).toBe(415);
  });

  it('refuses more than 5 MB with 413', async () => {
    const part = await makePart(testApp().container, brand.organizationId);
    const big = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const response = await upload(brand.tokens.owner, part.id, big, 'image/jpeg');
    expect(response).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('keeps at most 10 images per part (409) and 404s for another brand’s part', async () => {
    const part = await makePart(testApp().container, brand.organizationId);
    for (let i = 0; i < 10; i += 1)
      expect((await upload(brand.tokens.owner, part.id, jpeg, 'image/jpeg')).status).toBe(201);
    const eleventh = await upload(brand.tokens.owner, part.id, jpeg, 'image/jpeg');
    expect(eleventh).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });
    const foreign = await upload(otherBrand.tokens.owner, part.id, jpeg, 'image/jpeg');
    expect(foreign).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
    const viewer = await upload(brand.tokens.viewer, part.id, jpeg, 'image/jpeg');
    expect(viewer.status).toBe(403);
  });
});
