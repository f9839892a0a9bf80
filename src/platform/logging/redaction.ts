import { serializeError } from './error-serializer.js';

/**
 * What never reaches a log line in clear. Secrets are replaced outright; personal data (e-mail
 * addresses, phone numbers) is masked so support staff can still correlate without reading it.
 */
const secretKeys = new Set(
  [
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'x-api-key',
    'api-key',
    // The browser session's double-submit CSRF token (docs/security.md, "Browser sessions").
    'x-csrf-token',
    'x-access-token',
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'token',
    'accessToken',
    'refreshToken',
    'apiKey',
    'secret',
    'clientSecret',
    'jwtSecret',
    'razorpaySignature',
    'signature',
    // Webhook signatures: a leaked one lets its body be replayed elsewhere (ADR 0013).
    'x-razorpay-signature',
    'x-hub-signature-256',
  ].map((key) => key.toLowerCase()),
);
const personalKeys = ['email', 'phone', 'mobile', 'to'];
const personalKeySet = new Set(personalKeys);

const maxDepth = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Returns a copy of a log object with secrets replaced by `[REDACTED]` and personal data masked, at
 * any depth and whatever the key's case. Errors, at any key and depth, are serialized here by the
 * one error rule (`error-serializer.ts`: no SQL parameters, no values from PostgreSQL's details),
 * so an error logged under `error`, `failure` or inside an array is as safe as one under `err`.
 * Requests and other class instances go to their serializers untouched. It runs only for log
 * lines that are actually written, unlike path-based redaction, which also cost every request's
 * child logger.
 */
export function redactDeep(value: unknown, depth = 0, maskPersonalData = true): unknown {
  if (typeof value === 'string') return maskPersonalData ? maskEmailsIn(value) : value;
  if (value instanceof Error)
    return serializeError(value, (field) => redactDeep(field, depth + 1, maskPersonalData));
  if (depth > maxDepth) return value;
  if (Array.isArray(value))
    return value.map((item: unknown) => redactDeep(item, depth + 1, maskPersonalData));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (secretKeys.has(lower)) copy[key] = '[REDACTED]';
    else if (maskPersonalData && personalKeySet.has(lower)) copy[key] = maskPersonal(child);
    else copy[key] = redactDeep(child, depth + 1, maskPersonalData);
  }
  return copy;
}

/**
 * Fastify's request serializer logs `req.url` with its query string, which can carry secrets
 * (WhatsApp's webhook check sends `hub.verify_token`; links carry `?token=`) and personal data.
 */
export const urlRedactPaths = ['req.url'];

const secretQueryParam = /token|secret|password|passwd|signature|api[-_]?key|otp/i;
const bareSecretQueryParams = ['key', 'code', 'sig', 'auth'];

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

/** `/hook?hub.verify_token=abc&page=2` → `/hook?hub.verify_token=[REDACTED]&page=2`. */
export function redactUrl(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const start = value.indexOf('?');
  if (start < 0) return value;
  const query = value
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = decode(pair.slice(0, equals)).split('.').pop()?.toLowerCase() ?? '';
      const prefix = pair.slice(0, equals + 1);
      if (secretQueryParam.test(name) || bareSecretQueryParams.includes(name))
        return `${prefix}[REDACTED]`;
      if (personalKeys.includes(name))
        return `${prefix}${maskPersonal(decode(pair.slice(equals + 1)))}`;
      return pair;
    })
    .join('&');
  return `${value.slice(0, start)}?${query}`;
}

/** `priya.sharma@example.com` → `p***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/** `+919876543210` → `+91******3210`: keeps the country code and last four digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  const prefix = value.trim().startsWith('+') ? `+${digits.slice(0, 2)}` : '';
  const hiddenLength = digits.length - 4 - (prefix ? 2 : 0);
  return `${prefix}${'*'.repeat(Math.max(hiddenLength, 2))}${digits.slice(-4)}`;
}

const emailInText = /[^\s@"'<>()[\],;:/=&?]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * `A user with e-mail priya@example.com already exists.` → `… p***@example.com …`: addresses
 * inside logged text (a problem's `detail`, an error field) are masked like those under an
 * `email` key.
 */
export function maskEmailsIn(text: string): string {
  return text.includes('@') ? text.replace(emailInText, (address) => maskEmail(address)) : text;
}

/** Masks a personal value of unknown kind; non-strings are removed entirely. */
export function maskPersonal(value: unknown): string {
  if (typeof value !== 'string') return '[REDACTED]';
  return value.includes('@') ? maskEmail(value) : maskPhone(value);
}

/** Secrets removed, personal data kept: for the audit log, which must say whose e-mail changed. */
export function removeSecrets(value: unknown): unknown {
  return redactDeep(value, 0, false);
}
