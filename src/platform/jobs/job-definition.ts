import type { z } from 'zod';
import type { Logger } from '../logging/logger.js';
import type { Tx } from '../db/transaction.js';

export interface JobContext {
  readonly jobId: string;
  /** 0 on the first attempt; at-least-once delivery means any attempt may be a repeat. */
  readonly attempt: number;
  readonly logger: Logger;
  /**
   * Runs `effect` in a transaction together with a receipt keyed by `key`. If the receipt exists
   * (an earlier delivery of this job already committed the effect) the effect is skipped and
   * `false` is returned. This is what makes at-least-once delivery yield exactly-once effects.
   */
  once(key: string, effect: (tx: Tx) => Promise<void>): Promise<boolean>;
}

/**
 * A durable job type. The payload is validated with zod when enqueued and again when run, so a job
 * written by an older release that no longer fits fails loudly instead of doing the wrong thing.
 */
export interface JobDefinition<Payload = unknown> {
  /** Stable id, e.g. `shipment.book`. Never rename a job that may have rows in the queue. */
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  readonly handler: (payload: Payload, context: JobContext) => Promise<void>;
  /** Retries after the first attempt (default 5), spaced by exponential backoff with jitter. */
  readonly retryLimit?: number;
  /** Base delay of the backoff in seconds (default 5): ~5 s, ~10 s, ~20 s … each ±50%. */
  readonly retryDelaySeconds?: number;
  /** A run not finished within this time is presumed dead (worker killed) and retried (default 300). */
  readonly expireInSeconds?: number;
  /** Cron expression (UTC) to enqueue this job on a schedule with an empty payload. */
  readonly cron?: string;
  /** Jobs fetched per worker poll and run concurrently (default from config). */
  readonly concurrency?: number;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
