import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageQuerySchema, pageSchema } from '../../platform/http/pagination.js';
import type { RoutePolicy } from '../../platform/http/route-policy.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import type { InventoryDeps } from './inventory.deps.js';
import { idempotencyHeaders, markReplayed } from '../../platform/http/idempotency-headers.js';
import { stockConflictProblemSchema } from './inventory-problems.js';
import {
  reservationRequestSchema,
  reservationResultSchema,
  runReservation,
  type ReservationOperation,
} from './integrator-reservation.service.js';
import { countSchema, createCount, listCounts, newCountSchema } from './stock-count.service.js';
import { newTransferSchema, transferSchema } from './stock-transfer.schemas.js';
import { createTransfer, listTransfers, receiveTransfer } from './stock-transfer.service.js';

const writers: RoutePolicy = { access: 'authenticated', capability: 'stock.write' };
const readers: RoutePolicy = { access: 'authenticated', capability: 'stock.read' };
const tags = ['inventory'];

/** Transfers between own locations, cycle counts and reservations over HTTP. */
export function registerInventoryOperationRoutes(app: FastifyZodApp, deps: InventoryDeps): void {
  app.post(
    '/api/v1/inventory/transfers',
    {
      config: {
        policy: writers,
        problems: ['NOT_FOUND', 'INSUFFICIENT_STOCK', 'PART_NOT_ORDERABLE', 'LOCATION_ARCHIVED'],
      },
      schema: {
        tags,
        summary: 'Send stock to another own location (in transit until received)',
        body: newTransferSchema,
        response: { 201: transferSchema, 409: stockConflictProblemSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const transfer = await createTransfer(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(transfer);
    },
  );

  app.post(
    '/api/v1/inventory/transfers/:id/receive',
    {
      config: { policy: writers, problems: ['CONFLICT', 'INSUFFICIENT_STOCK'] },
      schema: {
        tags,
        summary: 'Receive a transfer: in transit becomes on hand',
        params: z.object({ id: z.uuid() }),
        response: { 200: transferSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return receiveTransfer(
        deps,
        caller.organizationId,
        request.params.id,
        auditContextOf(caller, request),
      );
    },
  );

  app.get(
    '/api/v1/inventory/transfers',
    {
      config: { policy: readers, problems: [] },
      schema: {
        tags,
        summary: "The organization's transfers, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(transferSchema) },
      },
    },
    async (request) => listTransfers(deps.db, requireCaller(request).organizationId, request.query),
  );

  app.post(
    '/api/v1/inventory/counts',
    {
      config: {
        policy: writers,
        problems: ['NOT_FOUND', 'INSUFFICIENT_STOCK', 'PART_NOT_ORDERABLE', 'LOCATION_ARCHIVED'],
      },
      schema: {
        tags,
        summary: 'Apply a cycle count (differences become count movements)',
        body: newCountSchema,
        response: { 201: countSchema, 409: stockConflictProblemSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const count = await createCount(
        deps,
        caller.organizationId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(count);
    },
  );

  app.get(
    '/api/v1/inventory/counts',
    {
      config: { policy: readers, problems: [] },
      schema: {
        tags,
        summary: "The organization's cycle counts, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(countSchema) },
      },
    },
    async (request) => listCounts(deps.db, requireCaller(request).organizationId, request.query),
  );

  // Reserving creates (or adds to) a document's reservation: 201; release and consume: 200.
  const reservationRoute = (path: string, operation: ReservationOperation, summary: string) => {
    const status = operation === 'reserve' ? 201 : 200;
    app.post(
      path,
      {
        config: {
          policy: writers,
          problems: [
            'NOT_FOUND',
            'IDEMPOTENCY_KEY_REUSED',
            'INSUFFICIENT_STOCK',
            'RESERVATION_EXCEEDED',
            'DOCUMENT_TYPE_NOT_ALLOWED',
            'PART_NOT_ORDERABLE',
            'LOCATION_ARCHIVED',
          ],
        },
        schema: {
          tags,
          summary,
          description:
            'The `(referenceType, referenceId)` sent is the document that holds the stock: release and consume never take more than it holds of a line (409 RESERVATION_EXCEEDED, nothing applied); SpareFlow document types such as `shipment` are refused (400 DOCUMENT_TYPE_NOT_ALLOWED).',
          headers: idempotencyHeaders,
          body: reservationRequestSchema,
          response: { [status]: reservationResultSchema, 409: stockConflictProblemSchema },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request);
        const outcome = await runReservation(
          deps,
          operation,
          caller.organizationId,
          request.body,
          request.headers['idempotency-key'],
          auditContextOf(caller, request),
        );
        markReplayed(reply, outcome);
        return reply.status(status).send(outcome.value);
      },
    );
  };
  reservationRoute(
    '/api/v1/inventory/reservations',
    'reserve',
    "Reserve stock for an integrator's document, all lines or none (idempotent)",
  );
  reservationRoute(
    '/api/v1/inventory/reservations/release',
    'release',
    'Release stock a document holds back to available (idempotent)',
  );
  reservationRoute(
    '/api/v1/inventory/reservations/consume',
    'consume',
    'Consume stock a document holds: it leaves on hand (idempotent)',
  );
}
