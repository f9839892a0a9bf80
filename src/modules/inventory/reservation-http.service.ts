import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import {
  withIdempotency,
  type IdempotentResponse,
} from '../../platform/idempotency/idempotency.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AuditContext } from '../identity/audit-actor.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import { ledgerActor, type InventoryDeps } from './inventory.deps.js';
import { consumeStock, releaseStock, reserveStock } from './stock-reservation.service.js';

export const reservationRequestSchema = z
  .object({
    referenceType: z
      .string()
      .trim()
      .regex(/^[a-z][a-z_]{0,39}$/, 'snake_case, e.g. spare_request'),
    referenceId: z.string().trim().min(1).max(100),
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
export const reservationResultSchema = z.object({ levels: z.array(levelView) });
export type ReservationResult = z.infer<typeof reservationResultSchema>;

export type ReservationOperation = 'reserve' | 'release' | 'consume';
const operations = { reserve: reserveStock, release: releaseStock, consume: consumeStock } as const;
const paths = {
  reserve: '/api/v1/inventory/reservations',
  release: '/api/v1/inventory/reservations/release',
  consume: '/api/v1/inventory/reservations/consume',
} as const;

/**
 * Reserve, release or consume stock over HTTP (for systems outside SpareFlow; shipments and spare
 * requests call the service functions in their own transactions). All lines or none, at most once
 * per `Idempotency-Key`; the locations must be the caller's and the parts stockable by it.
 */
export async function runReservation(
  deps: InventoryDeps,
  operation: ReservationOperation,
  organizationId: string,
  input: ReservationBody,
  idempotencyKey: string | undefined,
  audit: AuditContext,
): Promise<IdempotentResponse<ReservationResult>> {
  return inTransaction(deps.pool, (tx) =>
    withIdempotency(
      tx,
      {
        organizationId,
        scope: `POST ${paths[operation]}`,
        key: idempotencyKey,
        requestBody: input,
      },
      async () => {
        for (const locationId of new Set(input.lines.map((line) => line.locationId)))
          await requireOwnLocation(tx.db, organizationId, locationId);
        await requireStockableParts(
          tx.db,
          organizationId,
          input.lines.map((line) => line.partId),
          {
            receiving: false,
          },
        );
        const levels = await operations[operation](tx, deps.events, {
          organizationId,
          referenceType: input.referenceType,
          referenceId: input.referenceId,
          actor: ledgerActor(audit),
          lines: input.lines,
        });
        await recordAudit(tx, {
          ...audit,
          organizationId,
          action: `stock.${operation}`,
          entityType: input.referenceType,
          entityId: input.referenceId,
          after: { lines: input.lines, levels },
        });
        await deps.events.publish(tx, {
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
        return { status: operation === 'reserve' ? 201 : 200, body: { levels } };
      },
    ),
  );
}
