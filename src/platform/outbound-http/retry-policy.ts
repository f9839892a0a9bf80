/** How many times and how far apart a retryable call is tried again. */
export interface RetryPolicy {
  /** Attempts after the first one (0 disables retries). */
  readonly retries: number;
  /** Delay before the first retry; doubles each time. */
  readonly baseDelayMs: number;
  /** Ceiling of one delay, also of a vendor's `Retry-After`. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 200, maxDelayMs: 5000 };

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * A method may be repeated without a second effect (RFC 9110 §9.2.2). A POST is retried only when
 * its caller says it is safe — it carries an idempotency key the vendor honours (Razorpay's
 * `X-Refund-Idempotency`) — because a POST whose answer was lost may well have taken effect.
 */
export function mayRetry(method: string, retrySafe: boolean): boolean {
  return retrySafe || idempotentMethods.has(method.toUpperCase());
}

/** 429 (rate limited) and 5xx are worth another attempt; other statuses are answers. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with "equal jitter": half the exponential step fixed, half random, so
 * clients that failed together do not retry together. A vendor's `Retry-After` (seconds) wins
 * when longer, both capped by `maxDelayMs`.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  retryNumber: number,
  random: () => number,
  retryAfterSeconds?: number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryNumber);
  const jittered = step / 2 + random() * (step / 2);
  const told = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, told)));
}

/** `Retry-After` as seconds (delta form only; an HTTP date is read as "no advice"). */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}
