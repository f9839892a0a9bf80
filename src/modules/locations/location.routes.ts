import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageQuerySchema, pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  createLocation,
  getLocation,
  listLocations,
  locationSchema,
  newLocationSchema,
  type LocationDeps,
} from './location.service.js';

/** Pickup and return addresses of the caller's organization. */
export function registerLocationRoutes(app: FastifyZodApp, deps: LocationDeps): void {
  app.post(
    '/api/v1/locations',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'locations.write' },
      },
      schema: {
        tags: ['locations'],
        summary: 'Add a location (Indian address: 6-digit PIN, state or union territory)',
        body: newLocationSchema,
        response: { 201: locationSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const created = await createLocation(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/locations',
    {
      config: {
        policy: { access: 'authenticated', capability: 'locations.read' },
        problems: [],
      },
      schema: {
        tags: ['locations'],
        summary: "The organization's locations, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(locationSchema) },
      },
    },
    async (request) => listLocations(deps, requireCaller(request).organizationId, request.query),
  );

  app.get(
    '/api/v1/locations/:id',
    {
      config: {
        policy: { access: 'authenticated', capability: 'locations.read' },
        problems: [],
      },
      schema: {
        tags: ['locations'],
        summary: 'One location of the organization',
        params: z.object({ id: z.uuid() }),
        response: { 200: locationSchema },
      },
    },
    async (request) => getLocation(deps, requireCaller(request).organizationId, request.params.id),
  );
}
