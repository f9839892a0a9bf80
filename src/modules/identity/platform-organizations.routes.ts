import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requireCaller, type RoutePolicy } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  listOrganizations,
  organizationListQuerySchema,
  organizationStatusSchema,
  organizationSummarySchema,
  setOrganizationStatus,
  type PlatformOrganizationDeps,
} from './platform-organizations.service.js';

const policy: RoutePolicy = { access: 'authenticated', capability: 'platform.organizations' };
const idParams = z.object({ id: z.uuid() });

/** Platform administrators: every tenant organization, and suspending or reactivating one. */
export function registerPlatformOrganizationRoutes(
  app: FastifyZodApp,
  deps: PlatformOrganizationDeps,
): void {
  app.get(
    '/api/v1/admin/organizations',
    {
      config: { policy, problems: [] },
      schema: {
        tags: ['admin'],
        summary: 'Tenant organizations, filtered by type, status and name',
        querystring: organizationListQuerySchema,
        response: { 200: pageSchema(organizationSummarySchema) },
      },
    },
    async (request) => listOrganizations(deps, request.query),
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/api/v1/admin/organizations/:id/${action}`,
      {
        config: { policy, problems: ['CONFLICT'] },
        schema: {
          tags: ['admin'],
          summary:
            action === 'suspend'
              ? "Suspend an organization: its members' tokens and its API keys stop working"
              : 'Reactivate a suspended organization',
          params: idParams,
          response: { 200: organizationStatusSchema },
        },
      },
      async (request) =>
        setOrganizationStatus(
          deps,
          request.params.id,
          status,
          auditContextOf(requireCaller(request), request),
        ),
    );
  }
}
