import { z } from 'zod';
import { indianStates } from '../../platform/geo/indian-states.js';
import { markupPartyTypes, zones } from './rate-card.js';
import { returnReasons } from './reverse-payer.rules.js';

const pincode = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{5}$/, 'A PIN code is 6 digits and does not start with 0');
const paise = (max: number) => z.number().int().min(0).max(max);

/** Sane maxima: a courier piece up to 100 kg and 3 m a side; DTDC takes 20 pieces per booking. */
export const boxSchema = z
  .object({
    weightGrams: z.number().int().min(1).max(100_000).describe('Actual weight, grams'),
    lengthCm: z.number().int().min(1).max(300),
    widthCm: z.number().int().min(1).max(300),
    heightCm: z.number().int().min(1).max(300),
  })
  .strict();

export const quoteRequestSchema = z
  .object({
    originPincode: pincode,
    destinationPincode: pincode,
    serviceType: z
      .string()
      .min(1)
      .max(40)
      .optional()
      .describe('The card’s first service if absent'),
    codAmountPaise: paise(5_000_000)
      .optional()
      .describe('Cash to collect on delivery (up to ₹50,000); absent or 0 = prepaid'),
    boxes: z.array(boxSchema).min(1).max(20),
    shipmentKind: z.enum(['forward', 'reverse']).default('forward'),
    returnReason: z
      .enum(returnReasons)
      .optional()
      .describe('Required for a reverse shipment: decides who pays'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.shipmentKind === 'reverse' && !body.returnReason)
      ctx.addIssue({
        code: 'custom',
        path: ['returnReason'],
        message: 'A reverse shipment needs its return reason',
      });
    if (body.shipmentKind === 'forward' && body.returnReason)
      ctx.addIssue({
        code: 'custom',
        path: ['returnReason'],
        message: 'Only a reverse shipment has a return reason',
      });
  });
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

const zoneEnum = z.enum(zones);
const versionRefSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  effectiveFrom: z.iso.datetime(),
});

export const quoteResponseSchema = z
  .object({
    totalPaise: z.number().int(),
    chargeableWeightGrams: z.number().int().describe('Σ per box of max(actual, volumetric)'),
    billedWeightGrams: z.number().int().describe('Chargeable weight rounded up to whole slabs'),
    zone: zoneEnum,
    zoneDetail: z.object({
      zone: zoneEnum,
      originCity: z.string(),
      destinationCity: z.string(),
      originMetro: z.string().nullable(),
      destinationMetro: z.string().nullable(),
      specialRegion: z.string().nullable(),
    }),
    serviceType: z.string(),
    boxes: z.array(
      z.object({
        actualGrams: z.number().int(),
        volumetricGrams: z.number().int(),
        chargeableGrams: z.number().int(),
      }),
    ),
    breakdown: z
      .array(z.object({ code: z.string(), label: z.string(), amountPaise: z.number().int() }))
      .describe('Lines in order; they add up to totalPaise'),
    split: z
      .object({
        freightPaise: z.number().int(),
        marginPaise: z.number().int(),
        gstPaise: z.number().int(),
      })
      .describe('Carrier freight cost, platform margin and GST: what a booking posts'),
    taxablePaise: z.number().int(),
    rateCardVersion: versionRefSchema,
    payer: z.enum(['brand', 'partner', 'customer']).optional(),
  })
  .meta({ id: 'ShippingQuote' });

const slabPriceSchema = z
  .object({ firstSlabPaise: paise(10_000_000), additionalSlabPaise: paise(10_000_000) })
  .strict();
const serviceSchema = z
  .object({
    serviceType: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _ (e.g. standard)'),
    label: z.string().trim().min(1).max(60),
    firstSlabGrams: z.number().int().min(1).max(100_000),
    additionalSlabGrams: z.number().int().min(1).max(100_000),
    slabs: z
      .object(
        Object.fromEntries(zones.map((zone) => [zone, slabPriceSchema])) as Record<
          (typeof zones)[number],
          typeof slabPriceSchema
        >,
      )
      .strict(),
  })
  .strict();
const markupRuleSchema = z
  .object({
    brandId: z.uuid().nullable().describe('A brand’s override; null for every brand'),
    partyType: z.enum(markupPartyTypes).nullable().describe('The payer’s type; null for any'),
    percentBps: z.number().int().min(0).max(10_000).describe('Of the carrier cost; 100 = 1 %'),
    minimumPaise: paise(1_000_000),
  })
  .strict();
const metroCitySchema = z
  .object({ city: z.string().trim().min(1).max(80), metro: z.string().trim().min(1).max(80) })
  .strict();
const specialRegionSchema = z
  .object({ state: z.enum(indianStates), region: z.string().trim().min(1).max(80) })
  .strict();

export const rateCardTermsSchema = z.object({
  volumetricDivisor: z.number().int().min(1000).max(10_000),
  fuelSurchargeBps: z.number().int().min(0).max(5000),
  cod: z
    .object({ flatPaise: paise(100_000), percentBps: z.number().int().min(0).max(1000) })
    .strict(),
  services: z.array(serviceSchema).min(1).max(10),
  markupRules: z.array(markupRuleSchema).min(1).max(200),
  metroCities: z.array(metroCitySchema).max(500),
  specialRegions: z.array(specialRegionSchema).max(indianStates.length),
});

export const newRateCardSchema = rateCardTermsSchema
  .extend({
    effectiveFrom: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When it starts pricing (now if absent); never in the past'),
    basedOnId: z.uuid().nullable().default(null).describe('The version it was edited from'),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type NewRateCard = z.infer<typeof newRateCardSchema>;

export const rateCardStatus = z
  .enum(['in_force', 'scheduled', 'superseded'])
  .describe('scheduled: effective later; superseded: a later version is in force');

export const rateCardSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  effectiveFrom: z.iso.datetime(),
  status: rateCardStatus,
  basedOnId: z.uuid().nullable(),
  note: z.string(),
  createdAt: z.iso.datetime(),
});

export const rateCardSchema = rateCardSummarySchema
  .extend(rateCardTermsSchema.shape)
  .extend({
    markupRules: z.array(markupRuleSchema.extend({ brandName: z.string().nullable() })),
  })
  .meta({ id: 'RateCardVersion' });

/** The card in force as members see it: no markup rules (brands' overrides are private). */
export const publicRateCardSchema = rateCardSummarySchema
  .extend(rateCardTermsSchema.omit({ markupRules: true }).shape)
  .meta({ id: 'RateCardInForce' });
