import crypto from 'node:crypto';

/**
 * Refresh tokens, API keys and e-mailed tokens are 256-bit random values, so a fast SHA-256 is the
 * right storage hash (no dictionary to slow down); only passwords need bcrypt.
 */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** A new random secret, URL-safe, with a readable prefix (`sfk_` API key, `sfr_` refresh…). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${crypto.randomBytes(bytes).toString('base64url')}`;
}
