import { z } from 'zod';
import { partStatuses } from './catalog.tables.js';
import { gstSlabsPercent, hsnCodePattern, mrpCoversUnitPrice } from './part.rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const positiveInt = z.number().int().positive().max(10_000_000);
const paise = z.number().int().min(0).max(1e13);

const partFields = {
  partNumber: text(64).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/ ]*$/, {
    error: 'letters, digits, space, `.`, `_`, `-` or `/`, starting with a letter or digit',
  }),
  name: text(200),
  description: z.string().trim().max(4000).optional(),
  category: text(100).optional(),
  hsnCode: z
    .string()
    .trim()
    .regex(hsnCodePattern, { error: 'must be a 4, 6 or 8 digit HSN code' })
    .optional(),
  // An enum of the slabs, so the OpenAPI document states them (a refinement would not show).
  gstRatePercent: z
    .literal(gstSlabsPercent, { error: `must be a GST slab: ${gstSlabsPercent.join(', ')}` })
    .optional(),
  unitPricePaise: paise,
  mrpPaise: paise.optional(),
  weightGrams: positiveInt,
  lengthCm: positiveInt,
  widthCm: positiveInt,
  heightCm: positiveInt,
  compatibleModels: z.array(text(100)).max(200).optional(),
  status: z.enum(partStatuses).optional(),
};

const mrpIssue = {
  error: 'mrpPaise must be at least unitPricePaise',
  path: ['mrpPaise'],
};

/** `POST /api/v1/parts` (api-v1 plus `gstRatePercent` and `status`, default active). */
export const newPartSchema = z
  .object(partFields)
  .strict()
  .refine((part) => mrpCoversUnitPrice(part.unitPricePaise, part.mrpPaise), mrpIssue)
  .describe('`mrpPaise`, when given, must be at least `unitPricePaise`.');
export type NewPart = z.infer<typeof newPartSchema>;

/**
 * `PATCH /api/v1/parts/{id}`: any subset; `null` clears an optional field. The MRP rule is
 * checked again against the stored values by the service.
 */
export const partPatchSchema = z
  .object({
    partNumber: partFields.partNumber.optional(),
    name: partFields.name.optional(),
    description: partFields.description.unwrap().nullable().optional(),
    category: partFields.category.unwrap().nullable().optional(),
    hsnCode: partFields.hsnCode.unwrap().nullable().optional(),
    gstRatePercent: partFields.gstRatePercent.unwrap().nullable().optional(),
    unitPricePaise: paise.optional(),
    mrpPaise: paise.nullable().optional(),
    weightGrams: positiveInt.optional(),
    lengthCm: positiveInt.optional(),
    widthCm: positiveInt.optional(),
    heightCm: positiveInt.optional(),
    compatibleModels: partFields.compatibleModels,
    status: partFields.status,
  })
  .strict()
  .describe(
    '`mrpPaise` must stay at least `unitPricePaise`, checked against the stored values for the field not sent.',
  );
export type PartPatch = z.infer<typeof partPatchSchema>;

export const partRefSchema = z.object({ id: z.uuid(), partNumber: z.string(), name: z.string() });
export type PartRef = z.infer<typeof partRefSchema>;

export const partSchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  partNumber: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  hsnCode: z.string().nullable(),
  gstRatePercent: z.number().nullable(),
  unitPricePaise: z.number().int(),
  mrpPaise: z.number().int().nullable(),
  weightGrams: z.number().int(),
  lengthCm: z.number().int(),
  widthCm: z.number().int(),
  heightCm: z.number().int(),
  compatibleModels: z.array(z.string()),
  status: z.enum(partStatuses),
  supersededByPartId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PartView = z.infer<typeof partSchema>;

export const partImageSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type PartImageView = z.infer<typeof partImageSchema>;

/** One part with what the detail page shows around it. */
export const partDetailSchema = partSchema.extend({
  substitutes: z.array(partRefSchema),
  supersededBy: partRefSchema.nullable(),
  /** The parts that replace this one, in order (this part excluded), cycle-safe. */
  supersessionChain: z.array(z.object({ id: z.uuid(), partNumber: z.string() })),
  images: z.array(partImageSchema),
});
export type PartDetailView = z.infer<typeof partDetailSchema>;

export const partListQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('search text'),
    brandId: z.uuid().optional().describe('required for distributors and service centers'),
    status: z.enum(partStatuses).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional().describe('`nextCursor` of the previous page'),
  })
  .strict();
export type PartListQuery = z.infer<typeof partListQuerySchema>;
