import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  apiKeyViewSchema,
  createApiKey,
  createdApiKeySchema,
  listApiKeys,
  newApiKeySchema,
  revokeApiKey,
  type ApiKeyDeps,
} from './api-key.service.js';

/** API keys of the caller's organization: owners and admins manage them; keys never do. */
export function registerApiKeyRoutes(app: FastifyZodApp, deps: ApiKeyDeps): void {
  app.post(
    '/api/v1/api-keys',
    {
      config: {
        policy: { access: 'authenticated', capability: 'api_keys.manage' },
        problems: [],
      },
      schema: {
        tags: ['identity'],
        summary: 'Create an API key; the key is shown only in this response',
        body: newApiKeySchema,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      // The policy admits users only; this narrows the type and guards against policy edits.
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN');
      const created = await createApiKey(
        deps,
        caller.organizationId,
        caller.userId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      config: {
        policy: { access: 'authenticated', capability: 'api_keys.manage' },
        problems: [],
      },
      schema: {
        tags: ['identity'],
        summary: "The organization's API keys (never the keys themselves)",
        response: { 200: z.object({ items: z.array(apiKeyViewSchema) }) },
      },
    },
    async (request) => ({ items: await listApiKeys(deps, requireCaller(request).organizationId) }),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: {
        policy: { access: 'authenticated', capability: 'api_keys.manage' },
        problems: [],
      },
      schema: {
        tags: ['identity'],
        summary: 'Revoke an API key',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      await revokeApiKey(
        deps,
        caller.organizationId,
        request.params.id,
        auditContextOf(caller, request),
      );
      return reply.status(204).send(null);
    },
  );
}
