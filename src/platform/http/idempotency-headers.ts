import { z } from 'zod';
import type { IdempotentOutcome } from '../idempotency/idempotency.service.js';

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

/**
 * Says `Idempotent-Replayed: true` when the outcome is an earlier call's stored result. The route
 * still chooses the status code itself — the same one for the first answer and its replays.
 */
export function markReplayed(
  reply: { header(name: string, value: string): unknown },
  outcome: IdempotentOutcome<unknown>,
): void {
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
}
