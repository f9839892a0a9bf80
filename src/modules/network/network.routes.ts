import { z } from 'zod';
import { requestOriginOf } from '../../platform/http/public-links.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  accessRequestStatusSchema,
  decideAccessRequest,
  newAccessRequestSchema,
  requestAccess,
} from './access-request.service.js';
import {
  acceptedInvitationSchema,
  acceptInvitation,
  acceptInvitationSchema,
  createdInvitationSchema,
  createInvitation,
  invitationPreviewSchema,
  newInvitationSchema,
  previewInvitation,
  previewQuerySchema,
} from './invitation.service.js';
import type { NetworkDeps } from './network.deps.js';
import { registerPartnerRoutes } from './partner.routes.js';
import { brandDecidesPolicy } from './network.policies.js';

/** The policies admit users only; this narrows the type and guards against policy edits. */
function userOf(caller: Caller): Extract<Caller, { kind: 'user' }> {
  if (caller.kind !== 'user') throw new AppError('FORBIDDEN');
  return caller;
}

/** Access requests and invitations between brands and their distributors/service centers. */
export function registerNetworkRoutes(app: FastifyZodApp, deps: NetworkDeps): void {
  app.post(
    '/api/v1/network/access-requests',
    {
      config: {
        problems: ['NOT_FOUND', 'CONFLICT'],
        policy: { access: 'authenticated', capability: 'network.request_access' },
      },
      schema: {
        tags: ['network'],
        summary: "Ask a brand to join its partner network (the brand's owners/admins decide)",
        body: newAccessRequestSchema,
        response: { 201: accessRequestStatusSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const created = await requestAccess(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(created);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/network/access-requests/:id/${decision}`,
      {
        config: {
          problems: ['CONFLICT'],
          policy: brandDecidesPolicy,
        },
        schema: {
          tags: ['network'],
          summary:
            decision === 'approve'
              ? 'Approve an access request: the partner becomes active'
              : 'Reject an access request',
          params: z.object({ id: z.uuid() }),
          response: { 200: accessRequestStatusSchema },
        },
      },
      async (request) => {
        const caller = userOf(requireCaller(request));
        return decideAccessRequest(
          deps,
          caller.organizationId,
          caller.userId,
          request.params.id,
          decision,
          auditContextOf(caller, request),
        );
      },
    );
  }

  app.post(
    '/api/v1/network/invitations',
    {
      config: {
        problems: [],
        policy: brandDecidesPolicy,
      },
      schema: {
        tags: ['network'],
        summary: 'Invite a distributor or service center by e-mail (the e-mail carries the token)',
        body: newInvitationSchema,
        response: { 201: createdInvitationSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const created = await createInvitation(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
        requestOriginOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/network/invitations/accept',
    {
      config: {
        problems: ['CONFLICT', 'INVITATION_INVALID', 'INVITATION_EMAIL_MISMATCH'],
        policy: { access: 'authenticated', capability: 'network.accept_invitation' },
      },
      schema: {
        tags: ['network'],
        summary: "Accept a brand's invitation with the e-mailed token (single use, 7 days)",
        description:
          'Only an owner or admin of the joining distributor or service center, signed in with the e-mail address the invitation was sent to (any case), may accept: another address is 403 `INVITATION_EMAIL_MISMATCH` and leaves the invitation usable.',
        body: acceptInvitationSchema,
        response: { 200: acceptedInvitationSchema },
      },
    },
    async (request) => {
      const caller = userOf(requireCaller(request));
      return acceptInvitation(deps, caller, request.body.token, auditContextOf(caller, request));
    },
  );

  app.get(
    '/api/v1/network/invitations/preview',
    {
      // The token in the query is the credential (and the rate limit treats it as one).
      config: { policy: { access: 'public' }, problems: ['INVITATION_INVALID'] },
      schema: {
        tags: ['network'],
        summary: 'What a partner invitation offers, by its token, before signing in',
        querystring: previewQuerySchema,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return previewInvitation(deps, request.query.token);
    },
  );

  registerPartnerRoutes(app, deps);
}
