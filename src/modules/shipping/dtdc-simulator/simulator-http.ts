import crypto from 'node:crypto';

/** What the DTDC simulator's routes share: loose body access and DTDC's error envelope. */
export type Body = Record<string, unknown>;
export const rec = (v: unknown): Body =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : {};
export const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
export const dtdcError = (message: string, reason: string, statusCode?: number) => ({
  error: { message, ...(statusCode ? { statusCode } : {}), reason },
});
/** Constant-time comparison of a presented secret (api-key, tracking credentials). */
export const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};
