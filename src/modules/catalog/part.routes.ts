import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import type { RoutePolicy } from '../../platform/http/route-policy.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import type { CatalogDeps } from './catalog.deps.js';
import { setSubstitutes, supersedePart } from './part-links.service.js';
import { getPartDetail, listParts } from './part-read.service.js';
import {
  newPartSchema,
  partDetailSchema,
  partListQuerySchema,
  partPatchSchema,
  partRefSchema,
  partSchema,
} from './part.schemas.js';
import { createPart, updatePart } from './part.service.js';

/** Brand owners, admins and managers (and read-write API keys of brands) edit the catalog. */
export const catalogWritePolicy: RoutePolicy = {
  access: 'authenticated',
  capability: 'catalog.write',
};
/** Anyone signed in reads; what they see is decided by `part-visibility.ts`. */
export const catalogReadPolicy: RoutePolicy = {
  access: 'authenticated',
  capability: 'catalog.read',
};

const idParams = z.object({ id: z.uuid() });

/** The parts catalog: create, edit, browse and search, supersession and substitutes. */
export function registerPartRoutes(app: FastifyZodApp, deps: CatalogDeps): void {
  app.post(
    '/api/v1/parts',
    {
      config: { policy: catalogWritePolicy, problems: ['DUPLICATE_PART_NUMBER'] },
      schema: {
        tags: ['catalog'],
        summary: 'Add a part to the brand catalog (part number unique per brand, any case)',
        body: newPartSchema,
        response: { 201: partSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const created = await createPart(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/parts',
    {
      config: { policy: catalogReadPolicy, problems: ['NOT_FOUND'] },
      schema: {
        tags: ['catalog'],
        summary:
          'Browse or search (`q`: part number, name, description, category, model; typo-tolerant, ranked) the catalogs the caller may see',
        description:
          'Brands see their own catalog; distributors and service centers pass `brandId` of a brand they are an active partner of (else 404); customers see active parts of active brands.',
        querystring: partListQuerySchema,
        response: { 200: pageSchema(partSchema) },
      },
    },
    async (request) => listParts(deps, requireCaller(request), request.query),
  );

  app.get(
    '/api/v1/parts/:id',
    {
      config: { policy: catalogReadPolicy, problems: [] },
      schema: {
        tags: ['catalog'],
        summary: 'One part with substitutes, supersession chain and images',
        params: idParams,
        response: { 200: partDetailSchema },
      },
    },
    async (request) => getPartDetail(deps, requireCaller(request), request.params.id),
  );

  app.patch(
    '/api/v1/parts/:id',
    {
      config: { policy: catalogWritePolicy, problems: ['DUPLICATE_PART_NUMBER'] },
      schema: {
        tags: ['catalog'],
        summary: 'Change fields of a part (null clears an optional field)',
        params: idParams,
        body: partPatchSchema,
        response: { 200: partSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return updatePart(
        deps,
        caller.organizationId,
        request.params.id,
        request.body,
        auditContextOf(caller, request),
      );
    },
  );

  app.post(
    '/api/v1/parts/:id/supersede',
    {
      config: { policy: catalogWritePolicy, problems: ['CONFLICT'] },
      schema: {
        tags: ['catalog'],
        summary: 'Record that another part of the brand replaces this one (no loops: 409)',
        params: idParams,
        body: z.object({ replacementPartId: z.uuid() }).strict(),
        response: { 200: partSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return supersedePart(
        deps,
        caller.organizationId,
        request.params.id,
        request.body.replacementPartId,
        auditContextOf(caller, request),
      );
    },
  );

  app.put(
    '/api/v1/parts/:id/substitutes',
    {
      config: { policy: catalogWritePolicy, problems: [] },
      schema: {
        tags: ['catalog'],
        summary: 'Replace the interchangeable parts of a part (same brand, kept symmetric)',
        params: idParams,
        body: z.object({ partIds: z.array(z.uuid()).max(100) }).strict(),
        response: {
          200: z.object({ partId: z.uuid(), substitutes: z.array(partRefSchema) }),
        },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return setSubstitutes(
        deps,
        caller.organizationId,
        request.params.id,
        request.body.partIds,
        auditContextOf(caller, request),
      );
    },
  );
}
