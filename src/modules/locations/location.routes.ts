import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import { archiveLocation, updateLocation } from './location-edit.service.js';
import { locationConflictProblemSchema } from './location-problems.js';
import {
  locationListQuerySchema,
  locationPatchSchema,
  locationSchema,
  newLocationSchema,
  savedLocationSchema,
} from './location.schemas.js';
import {
  createLocation,
  getLocation,
  listLocations,
  type LocationDeps,
} from './location.service.js';
import { registerPincodeRoutes } from './pincode.routes.js';

const write = { access: 'authenticated', capability: 'locations.write' } as const;
const read = { access: 'authenticated', capability: 'locations.read' } as const;
const idParams = z.object({ id: z.uuid() });

/** Pickup and return addresses of the caller's organization, and the PIN lookup for forms. */
export function registerLocationRoutes(app: FastifyZodApp, deps: LocationDeps): void {
  app.post(
    '/api/v1/locations',
    {
      config: { problems: ['UNKNOWN_PINCODE', 'PINCODE_STATE_MISMATCH'], policy: write },
      schema: {
        tags: ['locations'],
        summary: 'Add a location (Indian address: a PIN India Post knows, in the given state)',
        body: newLocationSchema,
        response: { 201: savedLocationSchema },
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
      config: { policy: read, problems: [] },
      schema: {
        tags: ['locations'],
        summary: "The organization's locations, newest first (archived ones with ?archived=true)",
        querystring: locationListQuerySchema,
        response: { 200: pageSchema(locationSchema) },
      },
    },
    async (request) => listLocations(deps, requireCaller(request).organizationId, request.query),
  );

  app.get(
    '/api/v1/locations/:id',
    {
      config: { policy: read, problems: [] },
      schema: {
        tags: ['locations'],
        summary: 'One location of the organization (archived ones too)',
        params: idParams,
        response: { 200: locationSchema },
      },
    },
    async (request) => getLocation(deps, requireCaller(request).organizationId, request.params.id),
  );

  app.patch(
    '/api/v1/locations/:id',
    {
      config: {
        policy: write,
        problems: ['UNKNOWN_PINCODE', 'PINCODE_STATE_MISMATCH', 'LOCATION_ARCHIVED'],
      },
      schema: {
        tags: ['locations'],
        summary: 'Edit a location (only the fields sent; line2: null clears it)',
        params: idParams,
        body: locationPatchSchema,
        response: { 200: savedLocationSchema, 409: locationConflictProblemSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return updateLocation(
        deps,
        caller.organizationId,
        request.params.id,
        request.body,
        auditContextOf(caller, request),
      );
    },
  );

  app.delete(
    '/api/v1/locations/:id',
    {
      config: { policy: write, problems: ['LOCATION_HOLDS_STOCK'] },
      schema: {
        tags: ['locations'],
        summary:
          'Archive a location: gone from lists and pickers, history kept; refused while it holds stock',
        params: idParams,
        response: { 200: locationSchema, 409: locationConflictProblemSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return archiveLocation(
        deps,
        caller.organizationId,
        request.params.id,
        auditContextOf(caller, request),
      );
    },
  );

  registerPincodeRoutes(app, deps.pins);
}
