import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import {
  loginBodySchema,
  loginResponseSchema,
  meResponseSchema,
  refreshBodySchema,
  registerBodySchema,
  registerResponseSchema,
  tokenPairSchema,
} from './auth.schemas.js';
import { AuthService } from './auth.service.js';
import { SessionService, type SessionDeps } from './session.service.js';

const tags = ['identity'];
const publicPolicy = { policy: { access: 'public' as const } };

/** Errors that carry `retryAfterSeconds` also set the `Retry-After` header (RFC 9110). */
function withRetryAfter(reply: FastifyReply, error: unknown): never {
  const seconds = isAppError(error) ? error.extensions?.['retryAfterSeconds'] : undefined;
  if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
  throw error;
}

/**
 * `/api/v1/auth/*` and `/api/v1/me`. Register, login, refresh and logout are public (the password
 * or the refresh token in the body is the credential); `/me` needs a user's access token.
 */
export function registerAuthRoutes(app: FastifyZodApp, deps: SessionDeps): void {
  const sessions = new SessionService(deps);
  const auth = new AuthService(deps, sessions);

  app.post(
    '/api/v1/auth/register',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Register an organization and its owner',
        body: registerBodySchema,
        response: { 201: registerResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await auth.register(request.body, { requestId: request.id, ip: request.ip });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) =>
      auth.login(request.body).catch((error: unknown) => withRetryAfter(reply, error)),
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new token pair (rotation)',
        body: refreshBodySchema,
        response: { 200: tokenPairSchema },
      },
    },
    async (request) => sessions.refresh(request.body.refreshToken, request.log),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Revoke the refresh token and its whole family',
        body: refreshBodySchema,
        response: { 204: z.null().describe('Logged out') },
      },
    },
    async (request, reply) => {
      await sessions.logout(request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { policy: { access: 'authenticated' } },
      schema: {
        tags,
        summary: 'The signed-in user and their organizations',
        response: { 200: meResponseSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN', { detail: 'Users only.' });
      return auth.me(caller);
    },
  );
}
