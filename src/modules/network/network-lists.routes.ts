import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requestOriginOf } from '../../platform/http/public-links.js';
import { rethrowWithRetryAfter } from '../../platform/http/retry-after.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  accessRequestEntrySchema,
  accessRequestListQuerySchema,
  listAccessRequests,
} from './access-request-list.service.js';
import {
  brandDirectoryEntrySchema,
  brandDirectoryQuerySchema,
  listBrandDirectory,
} from './brand-directory.service.js';
import {
  invitationEntrySchema,
  invitationListQuerySchema,
  listInvitations,
  resendInvitation,
  resentInvitationSchema,
  revokeInvitation,
} from './invitation-admin.service.js';
import type { NetworkDeps } from './network.deps.js';
import { brandDecidesPolicy } from './network.policies.js';

/** What the web app lists and manages: access requests, the brand directory, invitations. */
export function registerNetworkListRoutes(app: FastifyZodApp, deps: NetworkDeps): void {
  app.get(
    '/api/v1/network/access-requests',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'network.requests.read' },
      },
      schema: {
        tags: ['network'],
        summary:
          "A brand's incoming access requests, or a distributor's/service center's own, newest first",
        querystring: accessRequestListQuerySchema,
        response: { 200: pageSchema(accessRequestEntrySchema) },
      },
    },
    async (request) => listAccessRequests(deps, requireCaller(request), request.query),
  );

  app.get(
    '/api/v1/network/brands',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'network.request_access' },
      },
      schema: {
        tags: ['network'],
        summary: 'The active brands a partner may ask to join, with its relationship to each',
        querystring: brandDirectoryQuerySchema,
        response: { 200: pageSchema(brandDirectoryEntrySchema) },
      },
    },
    async (request) => listBrandDirectory(deps, requireCaller(request), request.query),
  );

  app.get(
    '/api/v1/network/invitations',
    {
      config: { policy: brandDecidesPolicy, problems: [] },
      schema: {
        tags: ['network'],
        summary: "The brand's partner invitations, newest first",
        querystring: invitationListQuerySchema,
        response: { 200: pageSchema(invitationEntrySchema) },
      },
    },
    async (request) => listInvitations(deps, requireCaller(request).organizationId, request.query),
  );

  app.post(
    '/api/v1/network/invitations/:id/revoke',
    {
      config: { policy: brandDecidesPolicy, problems: ['CONFLICT'] },
      schema: {
        tags: ['network'],
        summary: 'Revoke a pending partner invitation: its token stops working',
        params: z.object({ id: z.uuid() }),
        response: { 200: invitationEntrySchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return revokeInvitation(
        deps,
        caller.organizationId,
        request.params.id,
        auditContextOf(caller, request),
      );
    },
  );

  app.post(
    '/api/v1/network/invitations/:id/resend',
    {
      config: { policy: brandDecidesPolicy, problems: ['CONFLICT', 'RESEND_LIMIT_REACHED'] },
      schema: {
        tags: ['network'],
        summary:
          'Resend a pending partner invitation: a new link (the old one stops working), 7 more days; at most 3 times an hour',
        params: z.object({ id: z.uuid() }),
        response: { 200: resentInvitationSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      return resendInvitation(
        deps,
        caller.organizationId,
        request.params.id,
        auditContextOf(caller, request),
        requestOriginOf(request),
      ).catch((error: unknown) => rethrowWithRetryAfter(reply, error));
    },
  );
}
