import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRateCardTerms } from '../../src/modules/pricing/default-rate-card.js';
import {
  currentRateCard,
  rateCardDoctorCheck,
  rateCardVersion,
} from '../../src/modules/pricing/index.js';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

// The price engine behind POST /rates/quote and the versioned rate cards (ADR 0014).
const testApp = useTestApp();
const call = apiCaller(testApp);

let brand: TestMember;
let serviceCenter: TestMember;
let admin: TestMember;
let readKey: string;
const seededId = '00000000-0000-4000-8000-00000000ca01'; // rate-card-doctor.ts

const workedExample = {
  originPincode: '400001',
  destinationPincode: '600001',
  codAmountPaise: 200_000,
  boxes: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 }],
};

beforeAll(async () => {
  const { container } = testApp();
  const b = await makeOrganization(container, 'brand', ['owner']);
  brand = b.members.owner as TestMember;
  readKey = await makeApiKey(container, b.organizationId, 'read');
  serviceCenter = (await makeOrganization(container, 'service_center', ['viewer'])).members
    .viewer as TestMember;
  admin = (await makeOrganization(container, 'platform', ['admin'])).members.admin as TestMember;
});

describe('POST /api/v1/rates/quote', () => {
  it('prices the worked example of docs/pricing.md on the seeded card, line by line', async () => {
    const response = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: brand.accessToken },
      workedExample,
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      totalPaise: 31477,
      chargeableWeightGrams: 1200,
      billedWeightGrams: 1500,
      zone: 'metro_to_metro',
      zoneDetail: { originCity: 'Mumbai', destinationCity: 'Chennai' },
      split: { freightPaise: 24250, marginPaise: 2425, gstPaise: 4802 },
      rateCardVersion: { id: seededId, number: 1 },
    });
    const lines = response.json.breakdown as Array<{ amountPaise: number }>;
    expect(lines.reduce((sum, line) => sum + line.amountPaise, 0)).toBe(31477);
  });

  it('takes the zone from India Post’s directory: within city, special region', async () => {
    const quote = async (from: string, to: string) =>
      (
        await call(
          'POST',
          '/api/v1/rates/quote',
          { apiKey: readKey },
          {
            originPincode: from,
            destinationPincode: to,
            boxes: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
          },
        )
      ).json;
    expect((await quote('400001', '400703')).zone).toBe('within_city'); // Mumbai → Thane
    expect(await quote('411001', '781001')).toMatchObject({
      zone: 'special',
      zoneDetail: { specialRegion: 'North-East' },
    });
  });

  it('names the payer of a reverse shipment and prices it with the payer’s markup', async () => {
    const response = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: serviceCenter.accessToken },
      {
        ...workedExample,
        codAmountPaise: 0,
        shipmentKind: 'reverse',
        returnReason: 'excess_stock',
      },
    );
    expect(response.status).toBe(200);
    expect(response.json.payer).toBe('partner');
    // service centers' rule: 8 % of ₹192.50 = ₹15.40
    expect(response.json.split.marginPaise).toBe(1540);
    const brandPays = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: serviceCenter.accessToken },
      {
        ...workedExample,
        shipmentKind: 'reverse',
        returnReason: 'defective',
      },
    );
    expect(brandPays.json.payer).toBe('brand');
  });

  it('refuses an unknown PIN on its field, an unpriced service and impossible boxes', async () => {
    const unknown = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: brand.accessToken },
      {
        ...workedExample,
        destinationPincode: '999999',
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      code: 'UNKNOWN_PINCODE',
      errors: [{ path: 'body.destinationPincode' }],
    });
    const service = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: brand.accessToken },
      {
        ...workedExample,
        serviceType: 'air_cargo',
      },
    );
    expect(service.status).toBe(400);
    expect(service.json).toMatchObject({
      code: 'SERVICE_TYPE_NOT_PRICED',
      serviceTypes: ['standard', 'ground'],
    });
    for (const box of [
      { weightGrams: 0, lengthCm: 10, widthCm: 10, heightCm: 10 },
      { weightGrams: 500, lengthCm: 10.5, widthCm: 10, heightCm: 10 },
      { weightGrams: 500, lengthCm: 1000, widthCm: 10, heightCm: 10 },
    ]) {
      const bad = await call(
        'POST',
        '/api/v1/rates/quote',
        { bearer: brand.accessToken },
        {
          ...workedExample,
          boxes: [box],
        },
      );
      expect(bad.status).toBe(400);
      expect(bad.json.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('rate card versions', () => {
  it('the migration seeds version 1 with the default card’s terms', async () => {
    const seeded = await rateCardVersion(testApp().container.database.db, seededId);
    // Lists come back in the card's display order (by metro, by region), hence sorted here.
    const sorted = <T>(rows: readonly T[]) => rows.map((row) => JSON.stringify(row)).sort();
    const { metroCities, specialRegions, markupRules, ...rest } = defaultRateCardTerms;
    expect(seeded).toMatchObject({ number: 1, ...rest });
    expect(sorted(seeded?.metroCities ?? [])).toEqual(sorted(metroCities));
    expect(sorted(seeded?.specialRegions ?? [])).toEqual(sorted(specialRegions));
    expect(sorted(seeded?.markupRules ?? [])).toEqual(sorted(markupRules));
    // Production must not charge by fixture prices: the doctor says so until a version replaces it.
    const doctor = await rateCardDoctorCheck(testApp().container.database.db, true).run();
    expect(doctor).toMatchObject({ status: 'warn', detail: expect.stringMatching(/test-fixture/) });
  });

  it('only platform administrators manage them', async () => {
    expect(
      (await call('GET', '/api/v1/admin/rate-cards', { bearer: brand.accessToken })).status,
    ).toBe(403);
    const list = await call('GET', '/api/v1/admin/rate-cards', { bearer: admin.accessToken });
    expect(list.status).toBe(200);
    expect(list.json.items).toMatchObject([{ id: seededId, number: 1, status: 'in_force' }]);
  });

  it('a new version supersedes the old one from its effective date; the old one stays as it was', async () => {
    const { db } = testApp().container.database;
    const current = await call('GET', `/api/v1/admin/rate-cards/${seededId}`, {
      bearer: admin.accessToken,
    });
    const {
      id: _id,
      number: _n,
      status: _s,
      createdAt: _c,
      effectiveFrom: _f,
      ...terms
    } = current.json;
    const standard = terms.services[0];
    standard.slabs.metro_to_metro = { firstSlabPaise: 7000, additionalSlabPaise: 6000 };
    const created = await call(
      'POST',
      '/api/v1/admin/rate-cards',
      { bearer: admin.accessToken },
      {
        ...terms,
        markupRules: terms.markupRules.map(
          ({ brandName: _b, ...rule }: { brandName: unknown }) => rule,
        ),
        basedOnId: seededId,
        note: 'Metro express revised',
      },
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ number: 2, status: 'in_force', basedOnId: seededId });

    const quote = await call(
      'POST',
      '/api/v1/rates/quote',
      { bearer: brand.accessToken },
      workedExample,
    );
    expect(quote.json.rateCardVersion.id).toBe(created.json.id);
    expect(quote.json.breakdown[0].amountPaise).toBe(7000);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await call(
      'POST',
      '/api/v1/admin/rate-cards',
      { bearer: admin.accessToken },
      {
        ...terms,
        markupRules: [{ brandId: null, partyType: null, percentBps: 0, minimumPaise: 0 }],
        effectiveFrom: tomorrow,
      },
    );
    expect(scheduled.json.status).toBe('scheduled');
    expect((await currentRateCard(db)).id).toBe(created.json.id);
    expect((await currentRateCard(db, new Date(Date.now() + 2 * 86_400_000))).id).toBe(
      scheduled.json.id,
    );

    const versions = await call('GET', '/api/v1/admin/rate-cards', { bearer: admin.accessToken });
    expect(versions.json.items.map((v: { status: string }) => v.status)).toEqual([
      'scheduled',
      'in_force',
      'superseded',
    ]);
    expect(await rateCardDoctorCheck(db, true).run()).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^version 2 in force/),
    });
    const audit = await call('GET', '/api/v1/audit-log', { bearer: admin.accessToken });
    expect(audit.json.items).toContainEqual(
      expect.objectContaining({
        action: 'rate_card.version_created',
        target: expect.objectContaining({ id: created.json.id, label: 'Rate card version 2' }),
      }),
    );
    const old = await rateCardVersion(db, seededId);
    expect(old?.services[0]?.slabs.metro_to_metro.firstSlabPaise).toBe(6300);
  });

  it('refuses a card whose farther zone is cheaper, a past date and an unknown brand, field by field', async () => {
    const terms = {
      ...defaultRateCardTerms,
      services: structuredClone(defaultRateCardTerms.services),
    };
    const standard = terms.services[0];
    if (!standard) throw new Error('no service');
    standard.slabs.special.firstSlabPaise = 100;
    const response = await call(
      'POST',
      '/api/v1/admin/rate-cards',
      { bearer: admin.accessToken },
      {
        ...terms,
        markupRules: [
          ...terms.markupRules,
          {
            brandId: serviceCenter.organizationId,
            partyType: null,
            percentBps: 1,
            minimumPaise: 0,
          },
        ],
        effectiveFrom: '2020-01-01T00:00:00Z',
      },
    );
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('RATE_CARD_INVALID');
    expect(response.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.services.0.slabs.special.firstSlabPaise',
      'body.effectiveFrom',
      'body.markupRules.3.brandId',
    ]);
  });

  it('the database refuses to change a version or add rows to it later', async () => {
    const { pool } = testApp().container.database;
    await expect(
      pool.query(`update rate_card_slabs set first_slab_paise = 1 where version_id = $1`, [
        seededId,
      ]),
    ).rejects.toThrow(/immutable/);
    await expect(
      pool.query(`delete from rate_card_versions where id = $1`, [seededId]),
    ).rejects.toThrow(/immutable/);
    await expect(
      pool.query(
        `insert into rate_card_metro_cities (version_id, city, metro) values ($1, 'Jaipur', 'Jaipur')`,
        [seededId],
      ),
    ).rejects.toThrow(/only with the version/);
  });
});
