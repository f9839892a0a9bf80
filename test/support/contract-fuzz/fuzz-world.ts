import { apiCaller, type Auth } from '../api-call.js';
import { makeApiKey } from '../factories/api-key.factory.js';
import { makeOrganization } from '../factories/organization.factory.js';
import { makePart } from '../factories/part.factory.js';
import type { MemberRole } from '../../../src/modules/identity/identity.tables.js';
import { waitForEmail } from '../sandbox-mailbox.js';
import type { TestApp } from '../test-app.js';
import type { Actor } from './fuzz-cases.js';

/** The seeded world: callers of every kind, and the ids of what they own, by collection. */
export interface SeededWorld {
  actors: Actor[];
  ids: Record<string, string[]>;
  /** Values of named inputs that exist: e-mails, passwords, e-mailed invitation tokens. */
  values: Record<string, string[]>;
  csvFiles: string[];
}

const address = {
  contactName: 'Store keeper',
  phone: '+919876543210',
  line1: '1 Fuzz Road',
  city: 'Pune',
  state: 'Maharashtra',
  pincode: '411001',
};

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seeding failed: no ${what}`);
  return value;
}

/**
 * A brand (owner, manager, viewer) with parts (one a draft), locations, stock, a transfer, a
 * count, a reservation, an image, an import job and invitations; an active distributor and
 * service center with locations and stock of the brand's parts; a second brand; a platform
 * administrator; API keys of every scope. Writes go through the API where one exists, so the
 * world is what the API itself makes.
 */
export async function seedWorld(testApp: () => TestApp): Promise<SeededWorld> {
  const { container } = testApp();
  const call = apiCaller(testApp);
  const ok = async (method: string, path: string, auth: Auth, body?: unknown) => {
    const response = await call(method, path, auth, body);
    if (response.status >= 300)
      throw new Error(
        `seeding ${method} ${path}: ${response.status} ${JSON.stringify(response.json)}`,
      );
    return response.json;
  };

  const platform = await makeOrganization(container, 'platform', ['owner']);
  const brand = await makeOrganization(container, 'brand', ['owner', 'manager', 'viewer']);
  const otherBrand = await makeOrganization(container, 'brand', ['owner']);
  const distributor = await makeOrganization(container, 'distributor', ['owner']);
  const serviceCenter = await makeOrganization(container, 'service_center', ['owner']);
  const bearer = (org: typeof brand, role = 'owner'): Auth => ({
    bearer: must(org.members[role], `${role}`).accessToken,
  });
  for (const [partner, type] of [
    [distributor, 'distributor'],
    [serviceCenter, 'service_center'],
  ] as const) {
    await testApp().database.pool.query(
      `insert into partner_links (brand_id, partner_id, partner_type, status) values ($1, $2, $3, 'active')`,
      [brand.organizationId, partner.organizationId, type],
    );
  }
  const brandReadKey = await makeApiKey(container, brand.organizationId, 'read');
  const brandWriteKey = await makeApiKey(container, brand.organizationId, 'read_write');
  const distributorWriteKey = await makeApiKey(container, distributor.organizationId, 'read_write');

  const parts = [];
  for (let index = 0; index < 4; index += 1)
    parts.push(await makePart(container, brand.organizationId));
  parts.push(await makePart(container, brand.organizationId, { status: 'draft' }));
  parts.push(await makePart(container, otherBrand.organizationId));
  const [part0, part1] = [must(parts[0], 'part'), must(parts[1], 'part')];

  const location = async (auth: Auth, name: string) =>
    (await ok('POST', '/api/v1/locations', auth, { name, address })) as { id: string };
  const brandStore = await location(bearer(brand), 'Brand store');
  const brandHub = await location(bearer(brand), 'Brand hub');
  const distributorStore = await location(bearer(distributor), 'Distributor store');
  const centerStore = await location(bearer(serviceCenter), 'Center store');
  for (const [auth, locationId] of [
    [bearer(brand), brandStore.id],
    [bearer(distributor), distributorStore.id],
    [bearer(serviceCenter), centerStore.id],
  ] as const) {
    for (const part of [part0, part1]) {
      await ok('POST', '/api/v1/inventory/adjustments', auth, {
        locationId,
        partId: part.id,
        quantityDelta: 500,
        reason: 'receipt',
        unitCostPaise: 1000,
      });
    }
  }
  const transfer = (await ok('POST', '/api/v1/inventory/transfers', bearer(brand), {
    fromLocationId: brandStore.id,
    toLocationId: brandHub.id,
    lines: [{ partId: part0.id, quantity: 5 }],
  })) as { id: string };
  await ok('POST', '/api/v1/inventory/counts', bearer(brand), {
    locationId: brandStore.id,
    lines: [{ partId: part1.id, countedQuantity: 480 }],
  });
  await ok('POST', '/api/v1/inventory/reservations', bearer(brand), {
    referenceType: 'erp_order',
    referenceId: 'SR-1',
    lines: [{ locationId: brandStore.id, partId: part0.id, quantity: 3 }],
  });
  const image = await fetch(`${testApp().url}/api/v1/parts/${part0.id}/images`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${must(brand.members['owner'], 'owner').accessToken}`,
      'content-type': 'image/png',
    },
    body: pngBytes,
  });
  const imageId = ((await image.json()) as { id: string }).id;
  const partsCsv = `part_number,name,unit_price_paise,weight_grams,length_cm,width_cm,height_cm\nFZ-1,Fuzz part,1000,100,1,1,1\n`;
  const stockCsv = `location_id,part_number,quantity\n${brandStore.id},${part0.partNumber},7\n`;
  const job = await fetch(`${testApp().url}/api/v1/parts/import`, {
    method: 'POST',
    headers: { 'x-api-key': brandWriteKey, 'content-type': 'text/csv' },
    body: partsCsv,
  });
  const jobId = ((await job.json()) as { jobId: string }).jobId;
  const teamInvitation = (await ok('POST', '/api/v1/team/invitations', bearer(brand), {
    email: 'invitee@fuzz.example.in',
    role: 'viewer',
  })) as { id: string };
  const partnerInvitation = (await ok('POST', '/api/v1/network/invitations', bearer(brand), {
    email: 'partner@fuzz.example.in',
    partnerType: 'distributor',
  })) as { id: string };
  const accessRequest = (await ok('POST', '/api/v1/network/access-requests', bearer(distributor), {
    brandId: otherBrand.organizationId,
  })) as { id: string };
  const keys = (await ok('GET', '/api/v1/api-keys', bearer(brand))) as {
    items: Array<{ id: string }>;
  };

  const tokens = [];
  for (const to of ['invitee@fuzz.example.in', 'partner@fuzz.example.in'])
    tokens.push((await waitForEmail(testApp(), to, /./)).token);

  const member = (name: string, org: typeof brand, role: MemberRole): Actor => {
    const { accessToken, userId } = must(org.members[role], role);
    return {
      name,
      headers: { authorization: `Bearer ${accessToken}` },
      caller: {
        kind: 'user',
        userId,
        organizationId: org.organizationId,
        organizationType: typeOf(org),
        role,
      },
    };
  };
  const typeOf = (org: typeof brand) =>
    org === platform
      ? 'platform'
      : org === distributor
        ? 'distributor'
        : org === serviceCenter
          ? 'service_center'
          : 'brand';
  const key = (
    name: string,
    secret: string,
    org: typeof brand,
    scope: 'read' | 'read_write',
  ): Actor => ({
    name,
    headers: { 'x-api-key': secret },
    caller: {
      kind: 'api_key',
      apiKeyId: name,
      organizationId: org.organizationId,
      organizationType: typeOf(org),
      scope,
    },
  });
  const organizations = [brand, otherBrand, distributor, serviceCenter, platform].map(
    (org) => org.organizationId,
  );
  const users = [brand, distributor, serviceCenter].flatMap((org) =>
    Object.values(org.members).map((member) => member.userId),
  );
  return {
    actors: [
      { name: 'anonymous', headers: {}, caller: undefined },
      {
        name: 'garbage bearer',
        headers: { authorization: 'Bearer not-a-token' },
        caller: undefined,
      },
      member('brand owner', brand, 'owner'),
      member('brand manager', brand, 'manager'),
      member('brand viewer', brand, 'viewer'),
      member('distributor owner', distributor, 'owner'),
      member('service center owner', serviceCenter, 'owner'),
      member('platform admin', platform, 'owner'),
      key('brand read key', brandReadKey, brand, 'read'),
      key('brand read-write key', brandWriteKey, brand, 'read_write'),
      key('distributor read-write key', distributorWriteKey, distributor, 'read_write'),
    ],
    ids: {
      parts: parts.map((part) => part.id),
      images: [imageId],
      locations: [brandStore.id, brandHub.id, distributorStore.id, centerStore.id],
      organizations,
      users,
      transfers: [transfer.id],
      jobs: [jobId],
      'api-keys': keys.items.map((key) => key.id),
      'access-requests': [accessRequest.id],
      invitations: [teamInvitation.id, partnerInvitation.id],
      // India Post PINs: known ones (Pune, Leh) and one it does not have.
      pincodes: ['411001', '194101', '999999'],
    },
    values: {
      email: [brand, distributor].flatMap((org) => Object.values(org.members).map((m) => m.email)),
      password: [brand, distributor].flatMap((org) =>
        Object.values(org.members).map((m) => m.password),
      ),
      token: tokens,
      // Addresses that pass the PIN directory (and a city it suggests another for), so location
      // writes reach their 2xx and warnings, not only UNKNOWN_PINCODE / PINCODE_STATE_MISMATCH.
      pincode: ['411001', '411019'],
      state: ['Maharashtra'],
      city: ['Pune', 'Mumbai'],
    },
    csvFiles: [partsCsv, stockCsv, partsCsv.replace('FZ-1', 'FZ-2'), 'part_number\n'],
  };
}

/** A 1×1 PNG. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
