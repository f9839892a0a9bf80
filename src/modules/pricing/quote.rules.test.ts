import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRateCardTerms } from './default-rate-card.js';
import { percentOfPaise } from './money.rules.js';
import {
  additionalSlabs,
  markupRuleFor,
  quoteShipment,
  type Box,
  type QuoteInput,
} from './quote.rules.js';
import {
  zones,
  type MarkupRule,
  type RateCard,
  type ServiceRates,
  type Zone,
} from './rate-card.js';
import { rateCardIssues } from './rate-card.rules.js';
import type { Place } from './zone.rules.js';

const card: RateCard = {
  ...defaultRateCardTerms,
  id: '00000000-0000-4000-8000-000000000001',
  number: 1,
  effectiveFrom: new Date('2026-01-01T00:00:00Z'),
};
const place = (pin: string, state: string, city: string): Place => ({ pin, state, cities: [city] });
/** One route per zone under the default card's metro list and special regions. */
const routes: Record<Zone, [Place, Place]> = {
  within_city: [place('400001', 'Maharashtra', 'Mumbai'), place('400703', 'Maharashtra', 'Thane')],
  within_state: [
    place('400001', 'Maharashtra', 'Mumbai'),
    place('440001', 'Maharashtra', 'Nagpur'),
  ],
  metro_to_metro: [
    place('400001', 'Maharashtra', 'Mumbai'),
    place('600001', 'Tamil Nadu', 'Chennai'),
  ],
  rest_of_india: [place('440001', 'Maharashtra', 'Nagpur'), place('302001', 'Rajasthan', 'Jaipur')],
  special: [place('400001', 'Maharashtra', 'Mumbai'), place('781001', 'Assam', 'Guwahati')],
};
const brand = { partyType: 'brand', brandId: 'b1' } as const;
const input = (zone: Zone, rest: Partial<QuoteInput> = {}): QuoteInput => ({
  origin: routes[zone][0],
  destination: routes[zone][1],
  boxes: [{ weightGrams: 400, lengthCm: 10, widthCm: 10, heightCm: 10 }],
  markup: brand,
  ...rest,
});

describe('quoteShipment, worked example (docs/pricing.md)', () => {
  it('prices 1.2 kg Mumbai → Chennai with COD ₹2,000 line by line', () => {
    const quote = quoteShipment(
      card,
      input('metro_to_metro', {
        codAmountPaise: 200_000,
        boxes: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 }],
      }),
    );
    // volumetric 30×20×10/5000 = 1.2 kg = actual; 1.2 kg = first 500 g + 2 × 500 g
    expect(quote.chargeableWeightGrams).toBe(1200);
    expect(quote.billedWeightGrams).toBe(1500);
    expect(quote.zone).toBe('metro_to_metro');
    expect(quote.breakdown.map((l) => [l.code, l.amountPaise])).toEqual([
      ['freight_first_slab', 6300],
      ['freight_additional_slabs', 11200],
      ['fuel_surcharge', 1750], // 10 % of ₹175
      ['cod_fee', 5000], // max(₹36, 2.5 % of ₹2,000 = ₹50)
      ['platform_fee', 2425], // 10 % of ₹242.50
      ['gst', 4802], // 18 % of ₹266.75 = 48.015 → ₹48.02
    ]);
    expect(quote.totalPaise).toBe(31477);
    expect(quote.split).toEqual({ freightPaise: 24250, marginPaise: 2425, gstPaise: 4802 });
    expect(quote.breakdown.at(-1)?.label).toBe('GST 18% (SAC 996812) on ₹266.75');
    expect(quote.rateCardVersion).toEqual({
      id: card.id,
      number: 1,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
  });

  it('charges a light, bulky box by its volume, per box', () => {
    const quote = quoteShipment(
      card,
      input('within_city', {
        boxes: [
          { weightGrams: 300, lengthCm: 40, widthCm: 30, heightCm: 30 }, // 7.2 kg volumetric
          { weightGrams: 2000, lengthCm: 10, widthCm: 10, heightCm: 10 }, // 0.2 kg volumetric
        ],
      }),
    );
    expect(quote.boxes.map((b) => b.chargeableGrams)).toEqual([7200, 2000]);
    expect(quote.chargeableWeightGrams).toBe(9200);
    expect(quote.billedWeightGrams).toBe(9500);
  });

  it('applies the minimum platform fee and the flat COD fee when the percentages are lower', () => {
    const quote = quoteShipment(card, input('within_city', { codAmountPaise: 50_000 }));
    const line = (code: string) => quote.breakdown.find((l) => l.code === code)?.amountPaise;
    expect(line('cod_fee')).toBe(3600); // 2.5 % of ₹500 = ₹12.50 < ₹36
    expect(line('platform_fee')).toBe(1000); // 10 % of ₹77.40 < ₹10
  });

  it('prices a ground shipment in 3 kg then 1 kg slabs', () => {
    const quote = quoteShipment(
      card,
      input('metro_to_metro', {
        serviceType: 'ground',
        boxes: [{ weightGrams: 4100, lengthCm: 20, widthCm: 20, heightCm: 20 }],
      }),
    );
    expect(quote.breakdown.slice(0, 2).map((l) => l.amountPaise)).toEqual([14100, 2 * 3700]);
  });

  it('refuses a service the card does not price, and echoes the reverse payer', () => {
    expect(() => quoteShipment(card, input('within_city', { serviceType: 'air' }))).toThrow(
      /no service/,
    );
    expect(quoteShipment(card, input('within_city', { payer: 'brand' })).payer).toBe('brand');
  });
});

describe('markupRuleFor', () => {
  const rules: MarkupRule[] = [
    { brandId: null, partyType: null, percentBps: 1000, minimumPaise: 0 },
    { brandId: null, partyType: 'service_center', percentBps: 800, minimumPaise: 0 },
    { brandId: 'b1', partyType: null, percentBps: 500, minimumPaise: 0 },
    { brandId: 'b1', partyType: 'brand', percentBps: 400, minimumPaise: 0 },
  ];
  it('takes the most specific rule: brand and type, brand, type, default', () => {
    expect(markupRuleFor(rules, { partyType: 'brand', brandId: 'b1' })?.percentBps).toBe(400);
    expect(markupRuleFor(rules.slice(0, 3), brand)?.percentBps).toBe(500);
    expect(markupRuleFor(rules, { partyType: 'service_center', brandId: null })?.percentBps).toBe(
      800,
    );
    expect(markupRuleFor(rules, { partyType: 'brand', brandId: 'b2' })?.percentBps).toBe(1000);
    expect(markupRuleFor(rules.slice(1), { partyType: 'customer', brandId: null })).toBeUndefined();
  });
});

// ---- properties over any valid card ----

const paise = (max: number) => fc.integer({ min: 0, max });
/** Zone prices built from non-negative steps, so they never decrease with distance. */
const zonePrices = (max: number) =>
  fc.tuple(paise(max), paise(max), paise(max), paise(max), paise(max)).map((steps) => {
    let sum = 0;
    return steps.map((step) => (sum += step));
  });
const serviceArb: fc.Arbitrary<ServiceRates> = fc
  .record({
    firstSlabGrams: fc.integer({ min: 1, max: 5000 }),
    additionalSlabGrams: fc.integer({ min: 1, max: 5000 }),
    first: zonePrices(50_000),
    additional: zonePrices(20_000),
  })
  .map(({ firstSlabGrams, additionalSlabGrams, first, additional }) => ({
    serviceType: 'standard',
    label: 'Standard',
    firstSlabGrams,
    additionalSlabGrams,
    slabs: Object.fromEntries(
      zones.map((zone, i) => [
        zone,
        { firstSlabPaise: first[i] ?? 0, additionalSlabPaise: additional[i] ?? 0 },
      ]),
    ) as ServiceRates['slabs'],
  }));
const cardArb: fc.Arbitrary<RateCard> = fc
  .record({
    service: serviceArb,
    volumetricDivisor: fc.integer({ min: 1000, max: 10_000 }),
    fuelSurchargeBps: fc.integer({ min: 0, max: 5000 }),
    codFlat: paise(10_000),
    codBps: fc.integer({ min: 0, max: 1000 }),
    markupBps: fc.integer({ min: 0, max: 5000 }),
    markupMin: paise(10_000),
  })
  .map((r) => ({
    ...card,
    volumetricDivisor: r.volumetricDivisor,
    fuelSurchargeBps: r.fuelSurchargeBps,
    cod: { flatPaise: r.codFlat, percentBps: r.codBps },
    services: [r.service],
    markupRules: [
      { brandId: null, partyType: null, percentBps: r.markupBps, minimumPaise: r.markupMin },
    ],
  }));
const boxArb: fc.Arbitrary<Box> = fc.record({
  weightGrams: fc.integer({ min: 1, max: 100_000 }),
  lengthCm: fc.integer({ min: 1, max: 300 }),
  widthCm: fc.integer({ min: 1, max: 300 }),
  heightCm: fc.integer({ min: 1, max: 300 }),
});
const boxesArb = fc.array(boxArb, { minLength: 1, maxLength: 20 });
const zoneArb = fc.constantFrom(...zones);
const codArb = fc.oneof(fc.constant(0), paise(5_000_000));

describe('quoteShipment properties (fast-check)', () => {
  it('generated cards keep the card rules (so the properties speak of valid cards)', () => {
    fc.assert(
      fc.property(cardArb, (c) => {
        expect(rateCardIssues(c)).toEqual([]);
      }),
    );
  });

  it('never decreases when a box gets heavier or bigger', () => {
    fc.assert(
      fc.property(
        cardArb,
        zoneArb,
        boxesArb,
        fc.nat(),
        fc.record({ grams: fc.nat({ max: 50_000 }), cm: fc.nat({ max: 100 }) }),
        codArb,
        (c, zone, boxes, pick, more, cod) => {
          const i = pick % boxes.length;
          const grown = boxes.map((box, j) =>
            j === i
              ? {
                  ...box,
                  weightGrams: box.weightGrams + more.grams,
                  lengthCm: box.lengthCm + more.cm,
                }
              : box,
          );
          const before = quoteShipment(c, input(zone, { boxes, codAmountPaise: cod }));
          const after = quoteShipment(c, input(zone, { boxes: grown, codAmountPaise: cod }));
          expect(after.chargeableWeightGrams).toBeGreaterThanOrEqual(before.chargeableWeightGrams);
          expect(after.totalPaise).toBeGreaterThanOrEqual(before.totalPaise);
        },
      ),
    );
  });

  it('never decreases with zone distance', () => {
    fc.assert(
      fc.property(cardArb, boxesArb, codArb, (c, boxes, cod) => {
        const totals = zones.map(
          (zone) => quoteShipment(c, input(zone, { boxes, codAmountPaise: cod })).totalPaise,
        );
        for (let z = 1; z < totals.length; z += 1)
          expect(totals[z]).toBeGreaterThanOrEqual(totals[z - 1] ?? 0);
      }),
    );
  });

  it('charges GST of exactly 18 % of the taxable total, half up to the paisa', () => {
    fc.assert(
      fc.property(cardArb, zoneArb, boxesArb, codArb, (c, zone, boxes, cod) => {
        const quote = quoteShipment(c, input(zone, { boxes, codAmountPaise: cod }));
        const gst = quote.split.gstPaise;
        expect(gst).toBe(percentOfPaise(quote.taxablePaise, 1800));
        // |gst − 0.18 × taxable| ≤ ½ paisa, with an exact half going up
        const diff = gst * 100 - quote.taxablePaise * 18;
        expect(diff).toBeGreaterThan(-50);
        expect(diff).toBeLessThanOrEqual(50);
        expect(quote.taxablePaise).toBe(quote.split.freightPaise + quote.split.marginPaise);
      }),
    );
  });

  it('has a breakdown and a ledger split that both add up to the total, in whole paise', () => {
    fc.assert(
      fc.property(cardArb, zoneArb, boxesArb, codArb, (c, zone, boxes, cod) => {
        const quote = quoteShipment(c, input(zone, { boxes, codAmountPaise: cod }));
        const lines = quote.breakdown.map((l) => l.amountPaise);
        for (const amount of [...lines, quote.totalPaise])
          expect(Number.isSafeInteger(amount)).toBe(true);
        expect(lines.reduce((a, b) => a + b, 0)).toBe(quote.totalPaise);
        const { freightPaise, marginPaise, gstPaise } = quote.split;
        expect(freightPaise + marginPaise + gstPaise).toBe(quote.totalPaise);
        expect(quote.breakdown.find((l) => l.code === 'gst')?.amountPaise).toBe(gstPaise);
      }),
    );
  });

  it('rounds consistently: every percentage line is its exact value half up, the weight is whole slabs', () => {
    fc.assert(
      fc.property(cardArb, zoneArb, boxesArb, codArb, (c, zone, boxes, cod) => {
        const quote = quoteShipment(c, input(zone, { boxes, codAmountPaise: cod }));
        const amount = (code: string) =>
          quote.breakdown.find((l) => l.code === code)?.amountPaise ?? 0;
        const service = c.services[0] as ServiceRates;
        const base = amount('freight_first_slab') + amount('freight_additional_slabs');
        if (c.fuelSurchargeBps > 0)
          expect(amount('fuel_surcharge')).toBe(percentOfPaise(base, c.fuelSurchargeBps));
        if (cod > 0)
          expect(amount('cod_fee')).toBe(
            Math.max(c.cod.flatPaise, percentOfPaise(cod, c.cod.percentBps)),
          );
        const rule = c.markupRules[0] as MarkupRule;
        expect(quote.split.marginPaise).toBe(
          Math.max(rule.minimumPaise, percentOfPaise(quote.split.freightPaise, rule.percentBps)),
        );
        const slabs = additionalSlabs(service, quote.chargeableWeightGrams);
        expect(quote.billedWeightGrams).toBe(
          service.firstSlabGrams + slabs * service.additionalSlabGrams,
        );
        expect(quote.billedWeightGrams).toBeGreaterThanOrEqual(quote.chargeableWeightGrams);
        expect(quote.billedWeightGrams - quote.chargeableWeightGrams).toBeLessThan(
          Math.max(service.firstSlabGrams, service.additionalSlabGrams),
        );
      }),
    );
  });
});

describe('rateCardIssues', () => {
  it('accepts the default card', () => {
    expect(rateCardIssues(defaultRateCardTerms)).toEqual([]);
  });
  it('refuses a farther zone priced lower, duplicates and a missing default markup', () => {
    const standard = defaultRateCardTerms.services[0] as ServiceRates;
    const issues = rateCardIssues({
      ...defaultRateCardTerms,
      services: [
        {
          ...standard,
          slabs: { ...standard.slabs, special: { firstSlabPaise: 100, additionalSlabPaise: 8500 } },
        },
        standard,
      ],
      markupRules: [{ brandId: null, partyType: 'customer', percentBps: 1, minimumPaise: 0 }],
      metroCities: [
        { city: 'Pune', metro: 'Pune' },
        { city: 'pune', metro: 'Pune' },
      ],
      specialRegions: [
        { state: 'Assam', region: 'NE' },
        { state: 'Assam', region: 'NE' },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'body.services.0.slabs.special.firstSlabPaise',
      'body.services.1.serviceType',
      'body.markupRules',
      'body.metroCities.1.city',
      'body.specialRegions.1.state',
    ]);
  });
});
