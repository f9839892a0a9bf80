import { z } from 'zod';

/**
 * OpenAPI schema of the 409 problems of the location routes, so clients read the figures of
 * LOCATION_HOLDS_STOCK from data, not prose. RFC 9457 as everywhere.
 */
export const locationConflictProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().describe('LOCATION_HOLDS_STOCK, LOCATION_ARCHIVED'),
    requestId: z.string(),
    instance: z.string().optional(),
    locationId: z.uuid().optional().describe('LOCATION_ARCHIVED: the archived location'),
    stock: z
      .object({
        onHand: z.number().int(),
        reserved: z.number().int(),
        inTransit: z.number().int(),
        parts: z.number().int().describe('How many parts have stock there'),
      })
      .optional()
      .describe('LOCATION_HOLDS_STOCK: what the location still holds, over all parts'),
  })
  .loose()
  .describe('Problem document (application/problem+json)')
  .meta({ id: 'LocationConflictProblem' });
