import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { registerApiKeyRoutes } from './api-key.routes.js';
import { auditContextOf } from '../audit/index.js';
import {
  getOrganizationProfile,
  organizationProfileSchema,
  organizationProfileUpdateSchema,
  updateOrganizationProfile,
  type OrganizationProfileDeps,
} from './organization-profile.service.js';

/** The caller's own organization profile, and its API keys. */
export function registerOrganizationRoutes(
  app: FastifyZodApp,
  deps: OrganizationProfileDeps,
): void {
  app.get(
    '/api/v1/organization',
    {
      config: {
        policy: { access: 'authenticated', capability: 'organization.read' },
        problems: ['NOT_FOUND'],
      },
      schema: {
        tags: ['identity'],
        summary: "The caller's organization profile",
        response: { 200: organizationProfileSchema },
      },
    },
    async (request) => getOrganizationProfile(deps, requireCaller(request).organizationId),
  );

  app.patch(
    '/api/v1/organization',
    {
      config: {
        problems: ['NOT_FOUND'],
        policy: { access: 'authenticated', capability: 'organization.edit' },
      },
      schema: {
        tags: ['identity'],
        summary: "Update the caller's organization profile (GSTIN and PAN are validated)",
        body: organizationProfileUpdateSchema,
        response: { 200: organizationProfileSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return updateOrganizationProfile(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
    },
  );

  registerApiKeyRoutes(app, deps);
}
