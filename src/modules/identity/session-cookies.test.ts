import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors/app-error.js';
import { assertAllowedOrigin, refreshTokenFromCookie } from './session-cookies.js';

const policy = { appUrl: 'https://app.spareflow.in/', corsOrigins: ['https://console.example.in'] };

/** Just what the checks read; cookies parsed the way @fastify/cookie would. */
function request(headers: Record<string, string>): FastifyRequest {
  const parseCookie = (header: string) =>
    Object.fromEntries(
      header
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
    );
  return {
    headers,
    protocol: 'http',
    host: 'localhost:3000',
    server: { parseCookie },
  } as unknown as FastifyRequest;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
}

describe('assertAllowedOrigin', () => {
  it('admits no Origin, the server itself, APP_URL and CORS origins; refuses the rest', () => {
    for (const origin of [
      undefined,
      'http://localhost:3000',
      'https://app.spareflow.in',
      'https://console.example.in',
    ]) {
      const headers: Record<string, string> = origin ? { origin } : {};
      expect(codeOf(() => assertAllowedOrigin(request(headers), policy))).toBeUndefined();
    }
    for (const origin of ['https://evil.example', 'http://localhost:3001', 'null']) {
      expect(codeOf(() => assertAllowedOrigin(request({ origin }), policy))).toBe(
        'CSRF_TOKEN_INVALID',
      );
    }
  });
});

describe('refreshTokenFromCookie', () => {
  it('returns the cookie token when X-CSRF-Token repeats the sf_csrf cookie', () => {
    const ok = request({ cookie: 'sf_refresh=sfr_abc; sf_csrf=t0ken', 'x-csrf-token': 't0ken' });
    expect(refreshTokenFromCookie(ok, policy)).toBe('sfr_abc');
  });

  it('is 401 without the cookie, 403 without or with a wrong CSRF token or a foreign Origin', () => {
    expect(codeOf(() => refreshTokenFromCookie(request({}), policy))).toBe('UNAUTHENTICATED');
    const cases: Array<Record<string, string>> = [
      { cookie: 'sf_refresh=sfr_abc; sf_csrf=t0ken' },
      { cookie: 'sf_refresh=sfr_abc; sf_csrf=t0ken', 'x-csrf-token': 't0keN' },
      { cookie: 'sf_refresh=sfr_abc; sf_csrf=t0ken', 'x-csrf-token': 't0ken-longer' },
      { cookie: 'sf_refresh=sfr_abc', 'x-csrf-token': '' },
      {
        cookie: 'sf_refresh=sfr_abc; sf_csrf=t0ken',
        'x-csrf-token': 't0ken',
        origin: 'https://evil.example',
      },
    ];
    for (const headers of cases) {
      expect(codeOf(() => refreshTokenFromCookie(request(headers), policy))).toBe(
        'CSRF_TOKEN_INVALID',
      );
    }
  });
});
