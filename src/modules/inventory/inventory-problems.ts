import { z } from 'zod';

/**
 * OpenAPI schemas of the 409 problems of the stock routes, so integrators (and the web app's
 * generated types) read INSUFFICIENT_STOCK and RESERVATION_EXCEEDED from data, not prose. The
 * shapes are those of stock-ledger.errors.ts; the problem itself is RFC 9457 as everywhere.
 */
export const insufficientStockLineSchema = z
  .object({
    line: z.number().int().describe('Index of the line in the request'),
    locationId: z.uuid(),
    partId: z.uuid(),
    counter: z
      .enum(['available', 'reserved', 'in_transit'])
      .describe('The figure that would go below zero'),
    onHand: z.number().int(),
    reserved: z.number().int(),
    inTransit: z.number().int(),
    available: z.number().int().describe('On hand − reserved, before the request'),
    requested: z.number().int().describe('How much of `counter` the lines for this level asked'),
  })
  .describe('INSUFFICIENT_STOCK: one refused line');

export const reservationExceededLineSchema = z
  .object({
    line: z.number().int().describe('Index of the line in the request'),
    referenceType: z.string(),
    referenceId: z.string(),
    locationId: z.uuid(),
    partId: z.uuid(),
    held: z.number().int().describe('What the document still holds there'),
    requested: z.number().int().describe('What the request asked to take'),
  })
  .describe('RESERVATION_EXCEEDED: one refused line');

/** The 409 answer of the stock-changing routes. */
export const stockConflictProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z
      .string()
      .describe(
        'INSUFFICIENT_STOCK, RESERVATION_EXCEEDED, LOCATION_ARCHIVED, IDEMPOTENCY_KEY_REUSED, CONFLICT, …',
      ),
    requestId: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    lines: z
      .array(z.union([insufficientStockLineSchema, reservationExceededLineSchema]))
      .optional()
      .describe('The refused lines with their figures (INSUFFICIENT_STOCK, RESERVATION_EXCEEDED)'),
    locationId: z.uuid().optional().describe('LOCATION_ARCHIVED: the archived location'),
  })
  .loose()
  .describe('Problem document (application/problem+json)')
  // One component in the OpenAPI document, referenced by every stock route.
  .meta({ id: 'StockConflictProblem' });
