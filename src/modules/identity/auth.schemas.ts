import { capabilities } from '../../platform/http/capabilities.js';
import { z } from 'zod';
import { memberRoles, organizationTypes } from './identity.tables.js';
import { newUserSchema } from './platform-admin.service.js';
import { gstinShapeInputPattern } from './tax-ids.js';

/** Types anyone may register as; `platform` is absent, so no one can register as an admin. */
export const registrableOrganizationTypes = [
  'brand',
  'distributor',
  'service_center',
  'customer',
] as const;

/** Strict: unknown keys (`role`, `isPlatformAdmin`, …) are a 400, never silently ignored. */
export const registerBodySchema = newUserSchema
  .extend({
    organization: z
      .object({
        type: z.enum(registrableOrganizationTypes),
        name: z.string().trim().min(1).max(200),
        gstin: z
          .string()
          .trim()
          .toUpperCase()
          .regex(gstinShapeInputPattern, 'must be a 15-character GSTIN like 27AAPFU0939F1ZV')
          .optional(),
      })
      .strict(),
  })
  .strict();
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1024),
    organizationId: z.uuid().optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

/**
 * Refresh and logout: the token in the body (API clients), or none and the `sf_refresh` cookie
 * (browsers; then `X-CSRF-Token` is required). The body itself may be omitted.
 */
export const refreshBodySchema = z
  .object({ refreshToken: z.string().min(1).max(200).optional() })
  .strict()
  // Fastify hands a body-less POST to the validator as `null`.
  .nullish();

export const switchOrganizationBodySchema = z.object({ organizationId: z.uuid() }).strict();

const userSummary = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
const organizationSummary = z.object({
  id: z.uuid(),
  type: z.enum(organizationTypes),
  name: z.string(),
});
const role = z.enum(memberRoles);

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});

export const registerResponseSchema = z.object({
  user: userSummary,
  organization: organizationSummary,
  accessToken: z.string(),
  refreshToken: z.string(),
});

export const loginResponseSchema = tokenPairSchema.extend({
  user: userSummary,
  organization: organizationSummary,
  role,
});

export const meResponseSchema = z.object({
  user: userSummary.extend({
    phone: z.string().nullable(),
    /** Whether the user has confirmed their e-mail address (the link in the verification e-mail). */
    emailVerified: z.boolean(),
  }),
  organization: organizationSummary,
  role,
  memberships: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationName: z.string(),
      organizationType: z.enum(organizationTypes),
      role,
    }),
  ),
  capabilities: z
    .array(z.enum(capabilities))
    .describe(
      'What the caller may do in this organization (the same route policies the API enforces decide it); clients show actions by these, not by role lists',
    ),
});
