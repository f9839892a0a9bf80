import crypto from 'node:crypto';

/** hex(HMAC-SHA256(secret, message)), as Razorpay signs checkouts and webhooks. */
export function hmacHex(secret: string, message: string | Buffer): string {
  return crypto.createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Compares a presented hex signature with the expected one in constant time (the official SDK
 * uses `===`, which leaks how many leading characters matched). Anything that is not 64 hex
 * characters is simply wrong.
 */
export function signatureMatches(expectedHex: string, presented: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(presented)) return false;
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(presented.toLowerCase(), 'hex');
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/**
 * The Checkout success signature: HMAC(key_secret, `order_id|payment_id`), where `order_id` must
 * be the one WE stored for the top-up — never the one the browser sends back.
 */
export function checkoutSignatureValid(
  keySecret: string,
  storedOrderId: string,
  paymentId: string,
  signature: string,
): boolean {
  return signatureMatches(hmacHex(keySecret, `${storedOrderId}|${paymentId}`), signature);
}

/** A webhook's `X-Razorpay-Signature` over the exact bytes received (never re-serialized JSON). */
export function webhookSignatureValid(
  webhookSecret: string,
  rawBody: Buffer | string,
  signature: string,
): boolean {
  return signatureMatches(hmacHex(webhookSecret, rawBody), signature);
}
