import { z } from 'zod';
import { indianStates } from '../../platform/geo/indian-states.js';
import { indianPhoneSchema } from '../../platform/validation/indian-phone.schema.js';

/** A 6-digit Indian postal PIN; the first digit (postal region) is never 0. */
export const pincodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{5}$/, 'must be a 6-digit Indian PIN code not starting with 0');

const text = (max: number) => z.string().trim().min(1).max(max);

const stateSchema = z.enum(indianStates, {
  error: 'must be an Indian state or union territory, e.g. Maharashtra',
});

const pinRule =
  'The PIN must be in India Post’s directory (400 UNKNOWN_PINCODE) and in the given state ' +
  '(400 PINCODE_STATE_MISMATCH); a city the directory does not know for the PIN is kept and ' +
  'answered with a warning suggesting its city.';

export const addressSchema = z
  .object({
    contactName: text(200),
    phone: indianPhoneSchema,
    line1: text(300),
    line2: text(300).optional(),
    city: text(100),
    state: stateSchema,
    pincode: pincodeSchema,
  })
  .strict()
  .describe(pinRule);
export type Address = z.infer<typeof addressSchema>;

export const newLocationSchema = z.object({ name: text(200), address: addressSchema }).strict();
export type NewLocation = z.infer<typeof newLocationSchema>;

/** PATCH: any of the fields; `line2: null` clears it. The merged address is checked as a whole. */
export const locationPatchSchema = z
  .object({
    name: text(200).optional(),
    address: z
      .object({
        contactName: text(200).optional(),
        phone: indianPhoneSchema.optional(),
        line1: text(300).optional(),
        line2: text(300).nullable().optional(),
        city: text(100).optional(),
        state: stateSchema.optional(),
        pincode: pincodeSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .describe(`Only the fields sent change. ${pinRule}`);
export type LocationPatch = z.infer<typeof locationPatchSchema>;

export const locationListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional().describe('`nextCursor` of the previous page'),
    archived: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('`true`: archived locations too (each with its `archivedAt`)'),
  })
  .strict();
export type LocationListQuery = z.infer<typeof locationListQuerySchema>;

export const locationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.object({
    contactName: z.string(),
    phone: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    pincode: z.string(),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso
    .datetime()
    .nullable()
    .describe('When it was archived: gone from lists and pickers, no stock operations'),
});
export type LocationView = z.infer<typeof locationSchema>;

/** Something accepted that the caller may want to correct: the field, why, and a suggestion. */
export const addressWarningSchema = z.object({
  path: z.string().describe('The field, e.g. `address.city`'),
  code: z
    .enum(['CITY_NOT_IN_PIN_DIRECTORY'])
    .describe('CITY_NOT_IN_PIN_DIRECTORY: India Post knows the PIN under another city name'),
  message: z.string(),
  suggestion: z.string().describe('The value the directory suggests'),
});
export type AddressWarning = z.infer<typeof addressWarningSchema>;

/** The answer of a create or an edit: the location, and warnings about what was accepted. */
export const savedLocationSchema = locationSchema.extend({
  warnings: z
    .array(addressWarningSchema)
    .describe('Accepted, but worth a look (e.g. a city India Post files under another name)'),
});
export type SavedLocation = z.infer<typeof savedLocationSchema>;
