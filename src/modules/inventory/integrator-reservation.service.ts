import { z } from 'zod';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  withIdempotency,
  type IdempotentOutcome,
} from '../../platform/idempotency/idempotency.service.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import {
  ledgerActor,
  occurredAtOf,
  type InventoryDeps,
  type OccurredAt,
} from './inventory.deps.js';
import { isSpareflowDocumentType, spareflowDocumentTypes } from './reservation-documents.js';
import { consumeStock, releaseStock, reserveStock } from './stock-reservation.service.js';

export const reservationRequestSchema = z
  .object({
    referenceType: z
      .string()
      .trim()
      .regex(/^[a-z][a-z_]{0,39}$/, 'snake_case, e.g. erp_order')
      .describe(
        `The integrator's document type, e.g. \`erp_order\`. SpareFlow's own document types (${spareflowDocumentTypes.join(', ')}) are refused: 400 DOCUMENT_TYPE_NOT_ALLOWED.`,
      ),
    referenceId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('The document; with `referenceType` it owns the reservation'),
    lines: z
      .array(
        z
          .object({
            locationId: z.uuid(),
            partId: z.uuid(),
            quantity: z.number().int().min(1).max(1_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type ReservationBody = z.infer<typeof reservationRequestSchema>;

const levelView = z.object({
  locationId: z.uuid(),
  partId: z.uuid(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  inTransit: z.number().int(),
});
const holdingView = z.object({
  locationId: z.uuid(),
  partId: z.uuid(),
  held: z.number().int().describe('What the document still holds of the part at the location'),
});
export const reservationResultSchema = z.object({
  levels: z.array(levelView),
  // Optional only for the replay of a request answered before documents held reservations.
  holdings: z
    .array(holdingView)
    .optional()
    .describe(
      "The document's lines this request touched, after it (absent in replays of requests made before documents held reservations)",
    ),
});
export type ReservationResult = z.infer<typeof reservationResultSchema>;

export type ReservationOperation = 'reserve' | 'release' | 'consume';
const operations = { reserve: reserveStock, release: releaseStock, consume: consumeStock } as const;

/** Idempotency operation names of the reservation routes (keys are per operation). */
export const reservationOperationNames = {
  reserve: 'inventory.reservation.reserve',
  release: 'inventory.reservation.release',
  consume: 'inventory.reservation.consume',
} as const satisfies Record<ReservationOperation, string>;

function refuseSpareflowDocuments(input: ReservationBody): void {
  if (!isSpareflowDocumentType(input.referenceType)) return;
  throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', {
    detail: `${input.referenceType} documents reserve and release their stock inside SpareFlow; name your own document type.`,
    errors: [{ path: 'body.referenceType', message: 'is a SpareFlow document type' }],
    extensions: { documentTypes: [...spareflowDocumentTypes] },
  });
}

/**
 * Reserve, release or consume stock over HTTP, for documents of systems outside SpareFlow: the
 * (referenceType, referenceId) sent is the document that holds the stock, and release and consume
 * never take more than it holds (RESERVATION_EXCEEDED). SpareFlow's own document types are
 * refused (DOCUMENT_TYPE_NOT_ALLOWED) — their modules call the service functions in their own
 * transactions. All lines or none, at most once per `Idempotency-Key`; the locations must be the
 * caller's and the parts stockable by it.
 */
export async function runReservation(
  deps: InventoryDeps,
  operation: ReservationOperation,
  organizationId: string,
  input: ReservationBody,
  idempotencyKey: string | undefined,
  audit: AuditContext,
): Promise<IdempotentOutcome<ReservationResult>> {
  refuseSpareflowDocuments(input);
  return inTransaction(deps.pool, (tx) =>
    withIdempotency(
      tx,
      {
        organizationId,
        operation: reservationOperationNames[operation],
        key: idempotencyKey,
        requestBody: input,
      },
      () => recordReservation(tx, deps.events, operation, organizationId, input, audit),
    ),
  );
}

/**
 * `runReservation` in the caller's transaction (no idempotency key); with `occurredAt` the
 * movements are dated then (the demo world's history: integrators' orders over past days).
 */
export async function recordReservation(
  tx: Tx,
  events: EventBus,
  operation: ReservationOperation,
  organizationId: string,
  input: ReservationBody,
  audit: AuditContext,
  options: OccurredAt = {},
): Promise<ReservationResult> {
  refuseSpareflowDocuments(input);
  for (const locationId of new Set(input.lines.map((line) => line.locationId)))
    await requireOwnLocation(tx.db, organizationId, locationId);
  await requireStockableParts(
    tx.db,
    organizationId,
    input.lines.map((line) => line.partId),
    { receiving: false },
  );
  const { levels, holdings } = await operations[operation](tx, events, {
    organizationId,
    document: { type: input.referenceType, id: input.referenceId },
    actor: ledgerActor(audit),
    lines: input.lines,
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  const result: ReservationResult = {
    levels,
    holdings: holdings.map(({ locationId, partId, held }) => ({ locationId, partId, held })),
  };
  await recordAudit(tx, {
    ...audit,
    organizationId,
    action: `stock.${operation}`,
    entityType: input.referenceType,
    entityId: input.referenceId,
    after: { lines: input.lines, ...result, ...occurredAtOf(options) },
  });
  await events.publish(tx, {
    type: 'stock.reservation_changed',
    payload: {
      organizationId,
      operation,
      referenceType: input.referenceType,
      referenceId: input.referenceId,
    },
    aggregateType: input.referenceType,
    aggregateId: input.referenceId,
    organizationId,
    requestId: audit.requestId,
  });
  return result;
}
