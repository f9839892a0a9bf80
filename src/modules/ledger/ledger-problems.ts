import { z } from 'zod';

/**
 * The 409 answer of routes that move money, so clients read INSUFFICIENT_FUNDS from data, not
 * prose. RFC 9457 as everywhere; the extensions are those of ledger.errors.ts.
 */
export const walletConflictProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().describe('INSUFFICIENT_FUNDS, IDEMPOTENCY_KEY_REUSED, …'),
    requestId: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    availablePaise: z
      .number()
      .int()
      .optional()
      .describe('INSUFFICIENT_FUNDS: what the wallet had available'),
    requiredPaise: z
      .number()
      .int()
      .optional()
      .describe('INSUFFICIENT_FUNDS: what the operation needed'),
  })
  .loose()
  .describe('Problem document (application/problem+json)')
  .meta({ id: 'WalletConflictProblem' });
