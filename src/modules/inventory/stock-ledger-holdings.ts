import { isCheckViolation } from '../../platform/db/pg-errors.js';
import type { Tx } from '../../platform/db/transaction.js';
import {
  aggregateByHolding,
  documentKey,
  holdingViolations,
  type HoldingDelta,
  type HoldingLine,
  type ReservationDocument,
} from './reservation.rules.js';
import { reservationExceeded } from './stock-ledger.errors.js';
import { stockReservationRepository, type HoldingWrite } from './stock-reservation.repository.js';

/** What a document holds of one line after the operation. */
export interface HoldingView {
  referenceType: string;
  referenceId: string;
  locationId: string;
  partId: string;
  held: number;
}

/** The holdings an operation changes, locked and checked, ready to be written. */
export interface LockedHoldings {
  writes: HoldingWrite[];
  after: HoldingView[];
}

function uniqueDocuments(deltas: readonly HoldingDelta[]): ReservationDocument[] {
  const byKey = new Map<string, ReservationDocument>();
  for (const delta of deltas) {
    const document = { type: delta.documentType, id: delta.documentId };
    byKey.set(documentKey(document), document);
  }
  return [...byKey.values()];
}

const sameLevel = (a: { locationId: string; partId: string }, b: typeof a) =>
  a.locationId.toLowerCase() === b.locationId.toLowerCase() &&
  a.partId.toLowerCase() === b.partId.toLowerCase();

/**
 * The ledger's first step for changes of `reserved`: locks the documents' reservation rows
 * (creating those that will hold something) before any stock level, reads what they hold and
 * refuses with RESERVATION_EXCEEDED — before anything is written — any document line the
 * changes would take below zero. Undefined when no change touches `reserved`, at no cost.
 */
export async function lockHoldings(
  tx: Tx,
  organizationId: string,
  changes: readonly HoldingLine[],
): Promise<LockedHoldings | undefined> {
  const deltas = aggregateByHolding(changes);
  if (deltas.length === 0) return undefined;
  await stockReservationRepository.ensure(
    tx,
    organizationId,
    uniqueDocuments(deltas.filter((delta) => delta.heldDelta > 0)),
  );
  const locked = await stockReservationRepository.lock(tx, organizationId, uniqueDocuments(deltas));
  const byDocument = new Map(
    locked.map((row) => [documentKey({ type: row.documentType, id: row.documentId }), row]),
  );
  const reservationOf = (delta: HoldingDelta) =>
    byDocument.get(documentKey({ type: delta.documentType, id: delta.documentId }));
  const heldOf = (delta: HoldingDelta) =>
    reservationOf(delta)?.lines.find((line) => sameLevel(line, delta))?.held ?? 0;

  const violations = holdingViolations(deltas, heldOf);
  if (violations.length > 0) throw reservationExceeded(violations);

  const writes: HoldingWrite[] = [];
  const after: HoldingView[] = [];
  for (const delta of deltas) {
    const reservation = reservationOf(delta);
    // Present for every delta that passed: a positive one was ensured, a negative one holds > 0.
    if (!reservation) throw new Error('reservation row missing after the checks passed');
    writes.push({
      reservationId: reservation.reservationId,
      locationId: delta.locationId,
      partId: delta.partId,
      heldDelta: delta.heldDelta,
    });
    after.push({
      referenceType: delta.documentType,
      referenceId: delta.documentId,
      locationId: delta.locationId,
      partId: delta.partId,
      held: heldOf(delta) + delta.heldDelta,
    });
  }
  return { writes, after };
}

/**
 * Writes the checked holdings, in the ledger's transaction after its movements and levels. The
 * CHECK (held ≥ 0) of `stock_reservation_lines` is the last wall: should the checks above ever be
 * wrong, PostgreSQL refuses and the caller gets the same RESERVATION_EXCEEDED.
 */
export async function writeHoldings(tx: Tx, holdings: LockedHoldings): Promise<void> {
  let updated: number;
  try {
    updated = await stockReservationRepository.write(tx, holdings.writes);
  } catch (error) {
    if (isCheckViolation(error))
      throw reservationExceeded([], {
        detail: 'A reservation constraint refused the change; nothing was applied.',
        cause: error,
      });
    throw error;
  }
  if (updated !== holdings.writes.length)
    throw reservationExceeded([], {
      detail: 'A document holds nothing for a line it releases; nothing was applied.',
    });
}
