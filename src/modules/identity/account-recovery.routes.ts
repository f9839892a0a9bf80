import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestOriginOf } from '../../platform/http/public-links.js';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import type { AccountEmails } from './account-emails.js';
import { AccountRecoveryService, type LinkContext } from './account-recovery.service.js';
import { newUserSchema } from './platform-admin.service.js';
import type { IdentityDeps } from './platform-admin.service.js';

const tags = ['identity'];
const publicPolicy = { policy: { access: 'public' as const } };
/** Users only: API keys have no password and no e-mail address. */
const userPolicy = {
  policy: { access: 'authenticated' as const, capability: 'account.use' as const },
};

const newPassword = newUserSchema.shape.password;
const emailedToken = z.string().min(1).max(200);

const resetRequestBody = z.object({ email: z.string().trim().min(1).max(254) }).strict();
const resetConfirmBody = z.object({ token: emailedToken, newPassword }).strict();
const changeBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword }).strict();
const verifyBody = z.object({ token: emailedToken }).strict();

const context = (request: FastifyRequest): LinkContext => ({
  requestId: request.id,
  ip: request.ip,
  origin: requestOriginOf(request),
});

/** 202 without a body, as documented (`send(null)` would write a JSON `null`). */
function accepted(reply: FastifyReply): FastifyReply {
  return reply.status(202).send();
}

function requireUser(request: FastifyRequest) {
  const caller = requireCaller(request);
  if (caller.kind !== 'user') throw new AppError('FORBIDDEN', { detail: 'Users only.' });
  return caller;
}

/**
 * Password reset (`/auth/password-reset/request|confirm`, public: the e-mailed token is the
 * credential), password change, and e-mail verification (`/auth/verify-email`, `/resend`).
 */
export function registerAccountRecoveryRoutes(
  app: FastifyZodApp,
  identity: IdentityDeps,
  emails: AccountEmails,
): void {
  const service = new AccountRecoveryService(identity, emails);

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      config: { ...publicPolicy, problems: [] },
      schema: {
        tags,
        summary: 'E-mail a password-reset link (202 whether or not the address has an account)',
        body: resetRequestBody,
        response: { 202: z.null().describe('Accepted') },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(request.body.email, context(request));
      return accepted(reply);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { ...publicPolicy, problems: ['TOKEN_INVALID'] },
      schema: {
        tags,
        summary: 'Set a new password with an e-mailed reset token; ends every session',
        body: resetConfirmBody,
        response: { 204: z.null().describe('Password changed') },
      },
    },
    async (request, reply) => {
      await service.confirmPasswordReset(
        request.body.token,
        request.body.newPassword,
        context(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-change',
    {
      config: { ...userPolicy, problems: ['INVALID_CREDENTIALS'] },
      schema: {
        tags,
        summary: 'Change the signed-in user’s password; ends their other sessions',
        body: changeBody,
        response: { 204: z.null().describe('Password changed') },
      },
    },
    async (request, reply) => {
      await service.changePassword(requireUser(request), request.body, context(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      config: { ...publicPolicy, problems: ['TOKEN_INVALID'] },
      schema: {
        tags,
        summary: 'Confirm the e-mail address with the e-mailed token',
        body: verifyBody,
        response: { 204: z.null().describe('Verified') },
      },
    },
    async (request, reply) => {
      await service.verifyEmail(request.body.token, context(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/verify-email/resend',
    {
      config: { ...userPolicy, problems: [] },
      schema: {
        tags,
        summary: 'E-mail a new verification link (no-op when already verified)',
        response: { 202: z.null().describe('Accepted') },
      },
    },
    async (request, reply) => {
      await service.resendVerification(requireUser(request).userId, context(request));
      return accepted(reply);
    },
  );
}
