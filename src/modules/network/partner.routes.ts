import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageQuerySchema, pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import type { NetworkDeps } from './network.deps.js';
import {
  changePartnerLink,
  linkStatusSchema,
  listNetwork,
  networkEntrySchema,
} from './partner-link.service.js';
import { brandDecidesPolicy } from './network.policies.js';

/** The network as each side sees it, and the brand's controls over each partnership. */
export function registerPartnerRoutes(app: FastifyZodApp, deps: NetworkDeps): void {
  app.get(
    '/api/v1/network/partners',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'network.read' },
      },
      schema: {
        tags: ['network'],
        summary: "A brand's partners, or a partner's brands, with the partnership status",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(networkEntrySchema) },
      },
    },
    async (request) => listNetwork(deps, requireCaller(request), request.query),
  );

  for (const transition of ['suspend', 'revoke', 'reactivate'] as const) {
    app.post(
      `/api/v1/network/partners/:partnerId/${transition}`,
      {
        config: {
          problems: ['CONFLICT'],
          policy: brandDecidesPolicy,
        },
        schema: {
          tags: ['network'],
          summary: {
            suspend: 'Suspend an active partner',
            revoke: 'Revoke a partner for good (cannot be reactivated)',
            reactivate: 'Reactivate a suspended partner',
          }[transition],
          params: z.object({ partnerId: z.uuid() }),
          response: { 200: linkStatusSchema },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        return changePartnerLink(
          deps,
          caller.organizationId,
          request.params.partnerId,
          transition,
          auditContextOf(caller, request),
        );
      },
    );
  }
}
