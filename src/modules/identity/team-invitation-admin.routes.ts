import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requestOriginOf } from '../../platform/http/public-links.js';
import { rethrowWithRetryAfter } from '../../platform/http/retry-after.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  listStaffInvitations,
  resendStaffInvitation,
  revokeStaffInvitation,
  staffInvitationEntrySchema,
  staffInvitationListQuerySchema,
  type TeamInvitationAdminDeps,
} from './team-invitation-admin.service.js';

/**
 * The staff invitations an organization sent: its owners and admins list, resend and revoke them.
 */
export function registerTeamInvitationAdminRoutes(
  app: FastifyZodApp,
  deps: TeamInvitationAdminDeps,
): void {
  app.get(
    '/api/v1/team/invitations',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: [],
      },
      schema: {
        tags: ['identity'],
        summary: "The caller's organization's staff invitations, newest first",
        querystring: staffInvitationListQuerySchema,
        response: { 200: pageSchema(staffInvitationEntrySchema) },
      },
    },
    async (request) =>
      listStaffInvitations(deps, requireCaller(request).organizationId, request.query),
  );

  app.post(
    '/api/v1/team/invitations/:id/revoke',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: ['CONFLICT'],
      },
      schema: {
        tags: ['identity'],
        summary: 'Revoke a pending staff invitation (only owners revoke owner invitations)',
        params: z.object({ id: z.uuid() }),
        response: { 200: staffInvitationEntrySchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      // The policy admits users only; this narrows the type and guards against policy edits.
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN');
      return revokeStaffInvitation(
        deps,
        { organizationId: caller.organizationId, userId: caller.userId, role: caller.role },
        request.params.id,
        auditContextOf(caller, request),
      );
    },
  );

  app.post(
    '/api/v1/team/invitations/:id/resend',
    {
      config: {
        policy: { access: 'authenticated', capability: 'team.manage' },
        problems: ['CONFLICT', 'RESEND_LIMIT_REACHED'],
      },
      schema: {
        tags: ['identity'],
        summary:
          'Resend a pending staff invitation: a new link (the old one stops working), 7 more days; at most 3 times an hour',
        params: z.object({ id: z.uuid() }),
        response: { 200: staffInvitationEntrySchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      // The policy admits users only; this narrows the type and guards against policy edits.
      if (caller.kind !== 'user') throw new AppError('FORBIDDEN');
      return resendStaffInvitation(
        deps,
        { organizationId: caller.organizationId, userId: caller.userId, role: caller.role },
        request.params.id,
        auditContextOf(caller, request),
        requestOriginOf(request),
      ).catch((error: unknown) => rethrowWithRetryAfter(reply, error));
    },
  );
}
