import { z } from 'zod';

/** Organizations that hold stock. */
export const stockHolders = ['brand', 'distributor', 'service_center'] as const;

/** The (idem) header of api-v1: the same key and body replays the first answer. */
export const idempotencyHeaders = z
  .object({
    'idempotency-key': z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Same key + same body replays the first response; another body is 409'),
  })
  .loose();
