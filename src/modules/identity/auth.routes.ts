import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import { rethrowWithRetryAfter } from '../../platform/http/retry-after.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { capabilitiesOf, requireCaller } from '../../platform/http/route-policy.js';
import {
  loginBodySchema,
  loginResponseSchema,
  meResponseSchema,
  refreshBodySchema,
  registerBodySchema,
  registerResponseSchema,
  switchOrganizationBodySchema,
  tokenPairSchema,
} from './auth.schemas.js';
import { AuthService } from './auth.service.js';
import { auditContextOf } from '../audit/index.js';
import {
  assertAllowedOrigin,
  clearSessionCookies,
  refreshTokenFromCookie,
  setSessionCookies,
  wantsSessionCookies,
  type OriginPolicy,
} from './session-cookies.js';
import { SessionService, type SessionDeps } from './session.service.js';

const tags = ['identity'];
const publicPolicy = { policy: { access: 'public' as const } };
const cookieModeHeader = z
  .object({
    'x-spareflow-session': z
      .literal('cookie')
      .optional()
      .describe('Browsers: also set the sf_refresh (HttpOnly) and sf_csrf cookies'),
  })
  .loose();
const cookieAuthHeaders = cookieModeHeader.extend({
  'x-csrf-token': z
    .string()
    .optional()
    .describe('Required when the sf_refresh cookie is the credential: the sf_csrf cookie value'),
});

export interface AuthRouteDeps extends SessionDeps {
  /** Where browser requests may come from (the Origin check of cookie sessions). */
  origins: OriginPolicy;
}

/**
 * `/api/v1/auth/*` and `/api/v1/me`. Register, login, refresh and logout are public (the password,
 * or the refresh token in the body or the session cookie, is the credential); `/me`, logout-all and
 * switch-organization need a user's access token. Browsers opt into cookies per request with
 * `X-SpareFlow-Session: cookie` (see session-cookies.ts); the JSON bodies are the same either way.
 */
export function registerAuthRoutes(app: FastifyZodApp, deps: AuthRouteDeps): void {
  const sessions = new SessionService(deps);
  const auth = new AuthService(deps, sessions);

  /** Cookie-setting requests from a browser are refused from foreign origins (login CSRF). */
  const cookieMode = (request: FastifyRequest): boolean => {
    if (!wantsSessionCookies(request)) return false;
    assertAllowedOrigin(request, deps.origins);
    return true;
  };

  /** The body's refresh token, else the cookie's after the CSRF checks; says which it was. */
  const presentedRefreshToken = (
    request: FastifyRequest,
    body: { refreshToken?: string | undefined } | null | undefined,
  ): { token: string; fromCookie: boolean } => {
    const inBody = body?.refreshToken;
    if (inBody) return { token: inBody, fromCookie: false };
    return { token: refreshTokenFromCookie(request, deps.origins), fromCookie: true };
  };

  app.post(
    '/api/v1/auth/register',
    {
      config: { ...publicPolicy, problems: ['CSRF_TOKEN_INVALID', 'CONFLICT'] },
      schema: {
        tags,
        summary: 'Register an organization and its owner',
        headers: cookieModeHeader,
        body: registerBodySchema,
        response: { 201: registerResponseSchema },
      },
    },
    async (request, reply) => {
      const cookies = cookieMode(request);
      const result = await auth.register(request.body, { requestId: request.id, ip: request.ip });
      if (cookies) setSessionCookies(reply, result.refreshToken);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        ...publicPolicy,
        problems: [
          'INVALID_CREDENTIALS',
          'CSRF_TOKEN_INVALID',
          'ORGANIZATION_SUSPENDED',
          'ACCOUNT_LOCKED',
        ],
      },
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        headers: cookieModeHeader,
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const cookies = cookieMode(request);
      const result = await auth
        .login(request.body)
        .catch((error: unknown) => rethrowWithRetryAfter(reply, error));
      if (cookies) setSessionCookies(reply, result.refreshToken);
      return result;
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: {
        ...publicPolicy,
        problems: ['UNAUTHENTICATED', 'CSRF_TOKEN_INVALID', 'ORGANIZATION_SUSPENDED'],
      },
      schema: {
        tags,
        summary:
          'Exchange a refresh token (body, or the sf_refresh cookie with X-CSRF-Token) for a new token pair (rotation)',
        headers: cookieAuthHeaders,
        body: refreshBodySchema,
        response: { 200: tokenPairSchema },
      },
    },
    async (request, reply) => {
      const cookies = cookieMode(request);
      const { token, fromCookie } = presentedRefreshToken(request, request.body);
      try {
        const pair = await sessions.refresh(token, request.log);
        if (cookies || fromCookie) setSessionCookies(reply, pair.refreshToken);
        return pair;
      } catch (error) {
        // A dead cookie is useless to keep: the browser forgets it with the 401.
        if (fromCookie && isAppError(error) && error.code === 'UNAUTHENTICATED') {
          clearSessionCookies(reply);
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { ...publicPolicy, problems: ['UNAUTHENTICATED', 'CSRF_TOKEN_INVALID'] },
      schema: {
        tags,
        summary:
          'Revoke the refresh token (body, or the sf_refresh cookie with X-CSRF-Token) and its whole family',
        headers: cookieAuthHeaders,
        body: refreshBodySchema,
        response: { 204: z.null().describe('Logged out') },
      },
    },
    async (request, reply) => {
      const cookies = cookieMode(request);
      const { token, fromCookie } = presentedRefreshToken(request, request.body);
      await sessions.logout(token);
      if (cookies || fromCookie) clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: { policy: { access: 'authenticated', capability: 'account.use' }, problems: [] },
      schema: {
        tags,
        summary:
          "Sign out everywhere: revoke every refresh token of the user's, in every organization",
        response: { 204: z.null().describe('Every session revoked') },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN', { detail: 'Users only.' });
      await sessions.logoutAll(caller, auditContextOf(caller, request));
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/switch-organization',
    {
      config: {
        policy: { access: 'authenticated', capability: 'account.use' },
        problems: ['CSRF_TOKEN_INVALID', 'NOT_FOUND'],
      },
      schema: {
        tags,
        summary: 'Start a session for another organization of the signed-in user',
        headers: cookieModeHeader,
        body: switchOrganizationBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN', { detail: 'Users only.' });
      const cookies = cookieMode(request);
      const result = await auth.switchOrganization(caller, request.body.organizationId, {
        requestId: request.id,
        ip: request.ip,
      });
      if (cookies) setSessionCookies(reply, result.refreshToken);
      return result;
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { policy: { access: 'authenticated', capability: 'account.use' }, problems: [] },
      schema: {
        tags,
        summary: 'The signed-in user and their organizations',
        response: { 200: meResponseSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN', { detail: 'Users only.' });
      const me = await auth.me(caller);
      return { ...me, capabilities: capabilitiesOf(caller) };
    },
  );
}
