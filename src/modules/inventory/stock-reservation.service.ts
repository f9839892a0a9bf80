import type pg from 'pg';
import type { Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import {
  handoverChanges,
  handoverLines,
  type HandoverLine,
  type HeldLine,
  type ReservationDocument,
} from './reservation.rules.js';
import { renumberStockError, reservationExceeded } from './stock-ledger.errors.js';
import {
  applyStockChangesWithIds,
  type HoldingView,
  type LevelView,
  type StockChange,
} from './stock-ledger.js';
import { stockReservationRepository } from './stock-reservation.repository.js';

export type { ReservationDocument, HeldLine };

/** A reservation operation of one document, e.g. a shipment or a spare request. */
export interface ReservationRequest {
  organizationId: string;
  /** The document the stock is (or was) reserved for; its movements reference it. */
  document: ReservationDocument;
  actor: StockChange['actor'];
  note?: string;
  lines: ReadonlyArray<{ locationId: string; partId: string; quantity: number }>;
  /** When it happened, if not now (the demo world's history); see `StockChange.occurredAt`. */
  occurredAt?: Date;
}

/** The levels after the operation and what the document now holds of the lines it touched. */
export interface ReservationOutcome {
  levels: LevelView[];
  holdings: HoldingView[];
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
      referenceType: request.document.type,
      referenceId: request.document.id,
      actor: request.actor,
      ...(request.note === undefined ? {} : { note: request.note }),
      ...(request.occurredAt ? { occurredAt: request.occurredAt } : {}),
    };
  });
}

async function apply(tx: Tx, events: EventBus, changes: StockChange[]) {
  const { levels, holdings } = await applyStockChangesWithIds(tx, events, changes);
  return { levels, holdings };
}

/**
 * Sets stock aside for a document (reserved +q, and the document holds q more of the line): all
 * lines or none, INSUFFICIENT_STOCK when available stock does not cover the summed lines. Runs in
 * the caller's transaction so the reservation commits with the document that needs it; reserving
 * again for the same document adds to its lines.
 */
export function reserveStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<ReservationOutcome> {
  return apply(tx, events, toChanges(request, 'reservation', { onHand: 0, reserved: 1 }));
}

/**
 * Gives stock the document holds back to available (reserved −q), e.g. a cancelled shipment.
 * RESERVATION_EXCEEDED when a line asks more than the document still holds there — or it holds
 * nothing (another document's stock is never touched); nothing changes then.
 */
export function releaseStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<ReservationOutcome> {
  return apply(tx, events, toChanges(request, 'release', { onHand: 0, reserved: -1 }));
}

/**
 * Stock the document holds leaves the location (on hand −q and reserved −q), e.g. a shipment
 * picked up. Never more than the document holds of a line (RESERVATION_EXCEEDED).
 */
export function consumeStock(
  tx: Tx,
  events: EventBus,
  request: ReservationRequest,
): Promise<ReservationOutcome> {
  return apply(tx, events, toChanges(request, 'consumption', { onHand: -1, reserved: -1 }));
}

/** A handover of (part of) one document's reservation to another document of the organization. */
export interface ReservationHandover {
  organizationId: string;
  from: ReservationDocument;
  to: ReservationDocument;
  actor: StockChange['actor'];
  note?: string;
  /** The lines to hand over; omitted, everything `from` holds. */
  lines?: readonly HandoverLine[];
}

/**
 * Hands a document's reservation over to another document in one step — a spare request's
 * allocation taken over by its shipment: for each line a `reservation_handover` movement (from,
 * reserved −q) and a `reservation_takeover` movement (to, reserved +q) at the same level, written
 * with one level update, so the stock is never held twice nor available in between. Both
 * documents are locked first, in the ledger's order. RESERVATION_EXCEEDED when a line asks more
 * than `from` holds, or when `from` holds nothing at all and no lines are named.
 */
export async function transferReservation(
  tx: Tx,
  events: EventBus,
  handover: ReservationHandover,
): Promise<ReservationOutcome> {
  const { organizationId, from, to } = handover;
  // Lock both documents before reading what `from` holds: the ledger re-locks them (a no-op in
  // this transaction) and locks the levels only afterwards, so the lock order stays one.
  await stockReservationRepository.ensure(tx, organizationId, [to]);
  const locked = await stockReservationRepository.lock(tx, organizationId, [from, to]);
  const giving = locked.find((row) => row.documentType === from.type && row.documentId === from.id);
  const lines = handoverLines(giving?.lines ?? [], handover.lines);
  if (lines.length === 0)
    throw reservationExceeded([], {
      detail: `${from.type} ${from.id} holds nothing to hand over; nothing was applied.`,
    });
  const changes: StockChange[] = handoverChanges(from, to, lines).map((change) => ({
    organizationId,
    locationId: change.locationId,
    partId: change.partId,
    kind: change.kind,
    reservedDelta: change.reservedDelta,
    referenceType: change.document.type,
    referenceId: change.document.id,
    actor: handover.actor,
    note:
      handover.note ??
      (change.kind === 'reservation_handover'
        ? `handed over to ${to.type} ${to.id}`
        : `taken over from ${from.type} ${from.id}`),
  }));
  // Changes come in pairs (handover, takeover) per line: refusals name the handover line.
  return apply(tx, events, changes).catch((error: unknown) => {
    throw renumberStockError(error, (index) => Math.floor(index / 2), { pathPrefix: 'lines.' });
  });
}

/** What a document holds now, line by line (only lines with something held). */
export function heldByDocument(
  client: pg.Pool | pg.PoolClient,
  organizationId: string,
  document: ReservationDocument,
): Promise<HeldLine[]> {
  return stockReservationRepository.heldBy(client, organizationId, document);
}
