import { z } from 'zod';
import { requestOriginOf } from '../../platform/http/public-links.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  changeMemberRole,
  changeRoleSchema,
  listMembers,
  removeMember,
  teamMemberSchema,
  type TeamActor,
  type TeamDeps,
} from './team.service.js';
import {
  acceptStaffInvitation,
  acceptStaffInvitationSchema,
  acceptedStaffInvitationSchema,
  invitationSchema,
  previewStaffInvitation,
  staffInvitationPreviewQuerySchema,
  staffInvitationPreviewSchema,
  inviteMember,
  newInvitationSchema,
  type TeamInvitationDeps,
} from './team-invitation.service.js';

const memberParams = z.object({ userId: z.uuid() });

function actorOf(request: FastifyRequest): TeamActor {
  const caller = requireCaller(request);
  // The policies admit users only; this narrows the type and guards against policy edits.
  if (caller.kind !== 'user') throw new AppError('FORBIDDEN');
  return { organizationId: caller.organizationId, userId: caller.userId, role: caller.role };
}

/** The members of the caller's organization: everyone sees them, owners and admins manage them. */
export function registerTeamRoutes(app: FastifyZodApp, deps: TeamDeps & TeamInvitationDeps): void {
  app.get(
    '/api/v1/team/members',
    {
      config: { policy: { access: 'authenticated', capability: 'team.read' }, problems: [] },
      schema: {
        tags: ['identity'],
        summary: "The members of the caller's organization",
        response: { 200: z.object({ items: z.array(teamMemberSchema) }) },
      },
    },
    async (request) => ({ items: await listMembers(deps, actorOf(request).organizationId) }),
  );

  app.patch(
    '/api/v1/team/members/:userId',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: ['CONFLICT'],
      },
      schema: {
        tags: ['identity'],
        summary: "Change a member's role (only owners grant or change the owner role)",
        params: memberParams,
        body: changeRoleSchema,
        response: { 200: teamMemberSchema },
      },
    },
    async (request) =>
      changeMemberRole(
        deps,
        actorOf(request),
        request.params.userId,
        request.body.role,
        auditContextOf(requireCaller(request), request),
      ),
  );

  app.delete(
    '/api/v1/team/members/:userId',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: ['CONFLICT'],
      },
      schema: {
        tags: ['identity'],
        summary: 'Remove a member and end their sessions for this organization',
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMember(
        deps,
        actorOf(request),
        request.params.userId,
        auditContextOf(requireCaller(request), request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/team/invitations',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: [],
      },
      schema: {
        tags: ['identity'],
        summary: 'Invite someone by e-mail (only owners invite owners); the link expires in 7 days',
        body: newInvitationSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const invitation = await inviteMember(
        deps,
        actorOf(request),
        request.body,
        auditContextOf(requireCaller(request), request),
        requestOriginOf(request),
      );
      return reply.status(201).send(invitation);
    },
  );

  app.post(
    '/api/v1/team/invitations/accept',
    {
      config: {
        policy: { access: 'public' },
        problems: ['INVALID_CREDENTIALS', 'TOKEN_INVALID', 'CONFLICT'],
      },
      schema: {
        tags: ['identity'],
        summary:
          'Accept a staff invitation: new people send name and password, existing users their password',
        body: acceptStaffInvitationSchema,
        response: { 200: acceptedStaffInvitationSchema },
      },
    },
    async (request) =>
      acceptStaffInvitation(deps, request.body, { requestId: request.id, ip: request.ip ?? null }),
  );

  app.get(
    '/api/v1/team/invitations/preview',
    {
      // The token in the query is the credential (and the rate limit treats it as one).
      config: { policy: { access: 'public' }, problems: ['TOKEN_INVALID'] },
      schema: {
        tags: ['identity'],
        summary: 'What a staff invitation offers, by its token, before accepting it',
        querystring: staffInvitationPreviewQuerySchema,
        response: { 200: staffInvitationPreviewSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return previewStaffInvitation(deps, request.query.token);
    },
  );
}
