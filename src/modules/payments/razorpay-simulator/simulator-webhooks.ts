import { randomInt } from 'node:crypto';
import type { Logger } from '../../../platform/logging/logger.js';
import { hmacHex } from '../razorpay-signatures.js';
import { razorpayId, unixNow } from './simulator-entities.js';

export interface WebhookEvent {
  event: string;
  contains: string[];
  payload: Record<string, { entity: unknown }>;
}

/** How to deliver a batch: the faults Razorpay's real deliveries show. */
export interface DeliveryOptions {
  /** Deliver in a random order (Razorpay does not guarantee order). */
  shuffle?: boolean;
  /** Extra copies of each event with the same event id, sent concurrently after the first. */
  duplicate?: number;
  /** Sign with a wrong signature (the app must refuse it and change nothing). */
  tamper?: boolean;
  /** Attempts per delivery on non-2xx or no answer (default 4), backoff 100 ms doubling. */
  attempts?: number;
}

export interface DeliveryResult {
  event: string;
  eventId: string;
  status: number | null;
  attempts: number;
}

/**
 * Signs and POSTs webhook envelopes to the app the way Razorpay does: the signature is the HMAC
 * of the exact bytes sent, each event has a unique `X-Razorpay-Event-Id`, and a non-2xx answer is
 * retried with backoff. Uses plain `fetch`: this is the vendor's side, not our client.
 */
export async function deliverWebhooks(
  target: string,
  webhookSecret: string,
  events: WebhookEvent[],
  options: DeliveryOptions,
  logger?: Logger,
): Promise<DeliveryResult[]> {
  const prepared = events.map((event) => {
    const body = JSON.stringify({
      entity: 'event',
      account_id: 'acc_SandboxSpareFlow',
      event: event.event,
      contains: event.contains,
      payload: event.payload,
      created_at: unixNow(),
    });
    const good = hmacHex(webhookSecret, body);
    const signature = options.tamper
      ? `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`
      : good;
    return { event: event.event, eventId: razorpayId('evt'), body, signature };
  });
  if (options.shuffle) shuffle(prepared);
  const results: DeliveryResult[] = [];
  const maxAttempts = options.attempts ?? 4;
  const deliverOne = async (item: (typeof prepared)[number]): Promise<DeliveryResult> => {
    let status: number | null = null;
    let attempt = 0;
    while (attempt < maxAttempts) {
      attempt++;
      try {
        const response = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-razorpay-signature': item.signature,
            'x-razorpay-event-id': item.eventId,
            'user-agent': 'Razorpay-Webhook/v1 (SpareFlow sandbox)',
          },
          body: item.body,
          signal: AbortSignal.timeout(5000),
        });
        status = response.status;
        await response.arrayBuffer();
        if (status >= 200 && status < 300) break;
        // A 4xx for a tampered signature is the expected answer: Razorpay would still retry.
      } catch {
        status = null;
      }
      if (attempt < maxAttempts) await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
    }
    logger?.debug({ event: item.event, status, attempts: attempt }, 'sandbox webhook delivered');
    return { event: item.event, eventId: item.eventId, status, attempts: attempt };
  };
  for (const item of prepared) {
    results.push(await deliverOne(item));
    const copies = options.duplicate ?? 0;
    if (copies > 0)
      results.push(...(await Promise.all(Array.from({ length: copies }, () => deliverOne(item)))));
  }
  return results;
}

/** Fisher–Yates with crypto's integers: an unbiased order (a random comparator is not one). */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
