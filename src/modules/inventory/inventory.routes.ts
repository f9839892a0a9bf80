import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { idempotencyHeaders, markReplayed } from '../../platform/http/idempotency-headers.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  levelQuerySchema,
  levelSchema,
  listLevels,
  listMovements,
  movementQuerySchema,
  movementSchema,
} from './inventory-query.service.js';
import type { InventoryDeps } from './inventory.deps.js';
import {
  adjustmentResultSchema,
  adjustmentSchema,
  createAdjustment,
} from './stock-adjustment.service.js';
import { setThresholds, thresholdsSchema } from './stock-thresholds.service.js';
import { stockSummarySchema, summariseStock } from './stock-summary.service.js';
import { registerInventoryOperationRoutes } from './inventory-operations.routes.js';
import { stockConflictProblemSchema } from './inventory-problems.js';

/**
 * Stock levels, the movement ledger and manual adjustments of the caller's organization (and,
 * from inventory-operations.routes.ts, transfers, counts and reservations).
 */
export function registerInventoryRoutes(app: FastifyZodApp, deps: InventoryDeps): void {
  registerInventoryOperationRoutes(app, deps);
  app.post(
    '/api/v1/inventory/adjustments',
    {
      config: {
        problems: [
          'NOT_FOUND',
          'IDEMPOTENCY_KEY_REUSED',
          'INSUFFICIENT_STOCK',
          'PART_NOT_ORDERABLE',
          'LOCATION_ARCHIVED',
        ],
        policy: { access: 'authenticated', capability: 'stock.write' },
      },
      schema: {
        tags: ['inventory'],
        summary: 'Adjust stock with a reason code (idempotent with Idempotency-Key)',
        headers: idempotencyHeaders,
        body: adjustmentSchema,
        response: { 201: adjustmentResultSchema, 409: stockConflictProblemSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const outcome = await createAdjustment(
        deps,
        caller.organizationId,
        request.body,
        request.headers['idempotency-key'],
        auditContextOf(caller, request),
      );
      markReplayed(reply, outcome);
      return reply.status(201).send(outcome.value);
    },
  );

  app.get(
    '/api/v1/inventory',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'stock.read' },
      },
      schema: {
        tags: ['inventory'],
        summary: 'Stock levels of the organization by location and part',
        querystring: levelQuerySchema,
        response: { 200: pageSchema(levelSchema) },
      },
    },
    async (request) => listLevels(deps.db, requireCaller(request).organizationId, request.query),
  );

  app.get(
    '/api/v1/inventory/summary',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'stock.read' },
      },
      schema: {
        tags: ['inventory'],
        summary:
          'Stock value and counts: on hand at moving-average cost, units without a recorded cost at list price',
        response: { 200: stockSummarySchema },
      },
    },
    async (request) => summariseStock(deps.db, requireCaller(request).organizationId),
  );

  app.get(
    '/api/v1/inventory/movements',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'stock.read' },
      },
      schema: {
        tags: ['inventory'],
        summary: 'The append-only stock ledger, newest first',
        querystring: movementQuerySchema,
        response: { 200: pageSchema(movementSchema) },
      },
    },
    async (request) => listMovements(deps.db, requireCaller(request).organizationId, request.query),
  );

  app.put(
    '/api/v1/inventory/levels/:locationId/:partId/thresholds',
    {
      config: {
        problems: ['LOCATION_ARCHIVED'],
        policy: { access: 'authenticated', capability: 'stock.write' },
      },
      schema: {
        tags: ['inventory'],
        summary: 'Set min / max / reorder point of a level (null clears one)',
        params: z.object({ locationId: z.uuid(), partId: z.uuid() }),
        body: thresholdsSchema,
        response: { 200: levelSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return setThresholds(
        deps,
        caller.organizationId,
        request.params,
        request.body,
        auditContextOf(caller, request),
      );
    },
  );
}
