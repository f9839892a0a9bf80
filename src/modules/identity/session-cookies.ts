import crypto from 'node:crypto';
import { requestOriginOf } from '../../platform/http/public-links.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { refreshTokenTtlDays } from './session.repository.js';

/**
 * Browser sessions. The SPA keeps the access token in memory only (never in storage a script
 * injection could read later); the refresh token lives in an HttpOnly cookie scoped to
 * `/api/v1/auth`, so page scripts cannot read it and it is sent nowhere else. Because a cookie is
 * an ambient credential, every request authenticated by it must pass a double-submit CSRF check
 * (`X-CSRF-Token` equal to the readable `sf_csrf` cookie) and an `Origin` check. Bearer tokens and
 * body tokens are not ambient, so requests using them need neither.
 *
 * An HTTP helper by design (requests, replies, headers, cookies): the auth routes use it, no
 * service does.
 */
export const sessionCookieHeader = 'x-spareflow-session';
export const csrfHeader = 'x-csrf-token';
export const refreshCookie = 'sf_refresh';
export const csrfCookie = 'sf_csrf';

/** The refresh cookie is sent only to the auth routes that read it. */
const refreshCookiePath = '/api/v1/auth';
const maxAgeSeconds = refreshTokenTtlDays * 24 * 60 * 60;

/** The SPA asks for cookies with `X-SpareFlow-Session: cookie`; API clients keep bodies only. */
export function wantsSessionCookies(request: FastifyRequest): boolean {
  return request.headers[sessionCookieHeader] === 'cookie';
}

/**
 * Sets (or, after a rotation, replaces) both cookies. `secure: 'auto'` marks them Secure exactly
 * when the request arrived over https (behind a proxy listed in TRUST_PROXY), so plain-http local
 * development still works. SameSite=Strict: no cross-site request ever carries them.
 */
export function setSessionCookies(reply: FastifyReply, refreshToken: string): void {
  void reply.setCookie(refreshCookie, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    path: refreshCookiePath,
    maxAge: maxAgeSeconds,
  });
  void reply.setCookie(csrfCookie, crypto.randomBytes(32).toString('base64url'), {
    // Readable by the page's scripts on purpose: that is what makes the double submit work.
    httpOnly: false,
    sameSite: 'strict',
    secure: 'auto',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Expires both cookies (same name and path, or the browser keeps the old ones). */
export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(refreshCookie, {
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    path: refreshCookiePath,
  });
  void reply.clearCookie(csrfCookie, { sameSite: 'strict', secure: 'auto', path: '/' });
}

/** Origins a browser request may come from: this server as addressed, `APP_URL`, `CORS_ORIGINS`. */
export interface OriginPolicy {
  appUrl: string | undefined;
  corsOrigins: readonly string[];
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const csrfFailure = (detail: string) => new AppError('CSRF_TOKEN_INVALID', { detail });

/**
 * Refuses a request whose `Origin` header names a site other than this server (as the request
 * addressed it), `APP_URL` or a `CORS_ORIGINS` entry. Requests without `Origin` (same-origin GETs,
 * non-browser clients) pass: the CSRF token still guards the cookie-authenticated ones.
 */
export function assertAllowedOrigin(request: FastifyRequest, policy: OriginPolicy): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const allowed = new Set<string>(policy.corsOrigins.map((o) => originOf(o) ?? o));
  const own = originOf(requestOriginOf(request));
  if (own) allowed.add(own);
  const app = originOf(policy.appUrl);
  if (app) allowed.add(app);
  if (!allowed.has(origin)) {
    throw csrfFailure(`Requests from origin ${origin} may not use this session.`);
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * The refresh token of a cookie-authenticated request, after the CSRF checks: no cookie is 401
 * `UNAUTHENTICATED`; a foreign `Origin`, a missing `X-CSRF-Token` header or one that differs from
 * the `sf_csrf` cookie is 403 `CSRF_TOKEN_INVALID`.
 */
export function refreshTokenFromCookie(request: FastifyRequest, policy: OriginPolicy): string {
  const cookies = request.server.parseCookie(request.headers.cookie ?? '');
  const token = cookies[refreshCookie];
  if (!token) {
    throw new AppError('UNAUTHENTICATED', {
      detail: 'Send the refresh token in the body or the session cookie.',
    });
  }
  assertAllowedOrigin(request, policy);
  const expected = cookies[csrfCookie];
  const presented = request.headers[csrfHeader];
  if (!expected || typeof presented !== 'string' || !sameSecret(presented, expected)) {
    throw csrfFailure('The X-CSRF-Token header must repeat the sf_csrf cookie.');
  }
  return token;
}
