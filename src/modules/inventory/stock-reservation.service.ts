import type { Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { applyStockChanges, type LevelView, type StockChange } from './stock-ledger.js';

/** What a reservation belongs to and who makes it, e.g. a shipment or a spare request. */
export interface ReservationRequest {
  organizationId: string;
  /** `shipment`, `spare_request`, … — with `referenceId` it links the movements to their cause. */
  referenceType: string;
  referenceId: string;
  actor: StockChange['actor'];
  note?: string;
  lines: ReadonlyArray<{ locationId: string; partId: string; quantity: number }>;
}

function toChanges(
  request: ReservationRequest,
  kind: 'reservation' | 'release' | 'consumption',
  sign: { onHand: number; reserved: number },
): StockChange[] {
  return request.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      throw new Error(`${kind}: quantities must be positive integers`);
    return {
      organizationId: request.organizationId,
      locationId: line.locationId,
      partId: line.partId,
      kind,
      onHandDelta: sign.onHand * line.quantity,
      reservedDelta: sign.reserved * line.quantity,
      referenceType: request.referenceType,
      referenceId: request.referenceId,
      actor: request.actor,
      ...(request.note === undefined ? {} : { note: request.note }),
    };
  });
}

/**
 * Sets stock aside for a shipment or request (reserved +q): all lines or none, INSUFFICIENT_STOCK
 * when available stock does not cover the summed lines. Runs in the caller's transaction so the
 * reservation commits with the document that needs it.
 */
export function reserveStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<LevelView[]> {
  return applyStockChanges(
    tx,
    events,
    toChanges(request, 'reservation', { onHand: 0, reserved: 1 }),
  );
}

/** Gives reserved stock back to available (reserved −q), e.g. a cancelled shipment. */
export function releaseStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<LevelView[]> {
  return applyStockChanges(tx, events, toChanges(request, 'release', { onHand: 0, reserved: -1 }));
}

/** Reserved stock leaves the location (on hand −q and reserved −q), e.g. a shipment picked up. */
export function consumeStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<LevelView[]> {
  return applyStockChanges(
    tx,
    events,
    toChanges(request, 'consumption', { onHand: -1, reserved: -1 }),
  );
}
