import { isCheckViolation } from '../../platform/db/pg-errors.js';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type { AdjustmentReason, MovementKind } from './inventory.tables.js';
import { stockLevelLockRepository, type LevelWrite } from './stock-level-lock.repository.js';
import { stockMovementRepository } from './stock-movement.repository.js';
import {
  insufficientLines,
  insufficientStock,
  type InsufficientStockLine,
} from './stock-ledger.errors.js';
import { locationArchived } from './inventory-access.js';
import { lockHoldings, writeHoldings, type HoldingView } from './stock-ledger-holdings.js';
import {
  aggregateByLevel,
  applyDelta,
  movingAverageCost,
  violatedCounter,
} from './stock-ledger.rules.js';
import { crossedBelowThreshold } from '../../platform/thresholds/threshold-crossing.js';
import './inventory.events.js';

/** One line of a stock operation: the signed change of one level's counters, and why. */
export interface StockChange {
  organizationId: string;
  locationId: string;
  partId: string;
  kind: MovementKind;
  onHandDelta?: number;
  reservedDelta?: number;
  inTransitDelta?: number;
  reason?: AdjustmentReason;
  note?: string;
  /**
   * What the movement belongs to. A change of `reserved` must name its document here: reserved
   * stock always belongs to one (`stock_reservations`), and a document never gives up more than
   * it holds.
   */
  referenceType?: string;
  referenceId?: string;
  /** Receipts: the cost of one unit, feeds the moving-average cost. */
  unitCostPaise?: number;
  actor: { userId?: string; apiKeyId?: string };
  /**
   * When the movement happened, if not now: the demo world's history is dated over past days.
   * No route passes it — what people and API keys record happens now.
   */
  occurredAt?: Date;
}

/** A level after the operation. */
export interface LevelView {
  locationId: string;
  partId: string;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
}

/** The result with the ledger ids, for callers that answer with the movement. */
export interface AppliedStockChanges {
  levels: LevelView[];
  /** One id per change, in the order of the changes. */
  movementIds: number[];
  /** What each document whose reservation changed now holds of the lines it touched. */
  holdings: HoldingView[];
}

export type { HoldingView };

function assertWellFormed(changes: readonly StockChange[]): void {
  const organizations = new Set(changes.map((c) => c.organizationId));
  if (organizations.size > 1) throw new Error('applyStockChanges: one organization per call');
  for (const change of changes) {
    for (const value of [change.onHandDelta, change.reservedDelta, change.inTransitDelta]) {
      if (value !== undefined && !Number.isSafeInteger(value))
        throw new Error('applyStockChanges: deltas must be integers');
    }
  }
}

/**
 * Applies every change in the caller's transaction, all or nothing — the one writer of
 * `stock_levels` counters, `stock_movements` and the documents' holdings
 * (`stock_reservation_lines`). Changes of `reserved` first lock their documents' reservation rows
 * and are refused with RESERVATION_EXCEEDED when a document would give up more than it holds of a
 * line. Then lines are summed per location × part; the levels are created if missing and locked in
 * (location, part) order so concurrent operations serialize without deadlocks; any line that
 * would make available, reserved or in-transit stock negative fails the whole call with
 * INSUFFICIENT_STOCK (`errors`: `lines.<index>`; extension `lines`: the level's figures). Then
 * one movement per change, the level update (moving-average cost on costed receipts), the
 * holdings, and `stock.low` when available stock crosses the alert threshold.
 * Locations must belong to the organization (else NOT_FOUND) and be active (else
 * LOCATION_ARCHIVED; they are locked `for key share` so an archive waits for the operation);
 * the caller checks the parts.
 */
export async function applyStockChanges(
  tx: Tx,
  events: EventBus,
  changes: StockChange[],
): Promise<LevelView[]> {
  return (await applyStockChangesWithIds(tx, events, changes)).levels;
}

/** `applyStockChanges`, also returning the ids of the movements written. */
export async function applyStockChangesWithIds(
  tx: Tx,
  events: EventBus,
  changes: StockChange[],
): Promise<AppliedStockChanges> {
  const first = changes[0];
  if (!first) return { levels: [], movementIds: [], holdings: [] };
  assertWellFormed(changes);
  const organizationId = first.organizationId;
  // Lock order: documents' reservation rows, then stock levels (then audit, by the caller).
  const holdings = await lockHoldings(tx, organizationId, changes);
  const aggregated = aggregateByLevel(changes);

  const locations = await stockLevelLockRepository.ensure(tx, organizationId, aggregated);
  for (const locationId of new Set(aggregated.map((delta) => delta.locationId))) {
    const location = locations.get(locationId);
    if (!location) throw new AppError('NOT_FOUND', { detail: 'Location not found.' });
    if (location.archived) throw locationArchived(locationId);
  }
  const locked = await stockLevelLockRepository.lock(tx, organizationId, aggregated);
  const byKey = new Map(locked.map((level) => [`${level.locationId}/${level.partId}`, level]));

  const refused: InsufficientStockLine[] = [];
  const writes: LevelWrite[] = [];
  const views: LevelView[] = [];
  const lowStock: Array<{ level: (typeof locked)[number]; available: number; threshold: number }> =
    [];
  for (const delta of aggregated) {
    const level = byKey.get(`${delta.locationId}/${delta.partId}`);
    if (!level) throw new AppError('NOT_FOUND', { detail: 'Location not found.' });
    const after = applyDelta(level, delta);
    const counter = violatedCounter(after);
    if (counter) {
      refused.push(
        ...insufficientLines(
          { ...level, locationId: delta.locationId, partId: delta.partId },
          after,
          counter,
          delta.lineIndexes,
        ),
      );
      continue;
    }
    const lines = delta.lineIndexes.map((index) => changes[index] as StockChange);
    writes.push({
      locationId: delta.locationId,
      partId: delta.partId,
      onHandDelta: delta.onHandDelta,
      reservedDelta: delta.reservedDelta,
      inTransitDelta: delta.inTransitDelta,
      averageCostPaise: movingAverageCost(level.onHand, level.averageCostPaise, lines),
    });
    const available = after.onHand - after.reserved;
    views.push({ locationId: delta.locationId, partId: delta.partId, ...after, available });
    const threshold = level.reorderPoint ?? level.minQuantity;
    if (
      threshold !== null &&
      crossedBelowThreshold(level.onHand - level.reserved, available, threshold)
    )
      lowStock.push({ level, available, threshold });
  }
  if (refused.length > 0) throw insufficientStock(refused.sort((a, b) => a.line - b.line));

  const movementIds = await stockMovementRepository.append(
    tx,
    changes.map((change) => ({
      organizationId,
      locationId: change.locationId,
      partId: change.partId,
      kind: change.kind,
      onHandDelta: change.onHandDelta ?? 0,
      reservedDelta: change.reservedDelta ?? 0,
      inTransitDelta: change.inTransitDelta ?? 0,
      reason: change.reason ?? null,
      note: change.note ?? null,
      referenceType: change.referenceType ?? null,
      referenceId: change.referenceId ?? null,
      unitCostPaise: change.unitCostPaise ?? null,
      actorUserId: change.actor.userId ?? null,
      actorApiKeyId: change.actor.apiKeyId ?? null,
      // Absent: the column's default, now().
      ...(change.occurredAt ? { createdAt: change.occurredAt } : {}),
    })),
  );
  try {
    await stockLevelLockRepository.write(tx, writes);
  } catch (error) {
    // The CHECK constraints are the last wall: should the code above ever be wrong, PostgreSQL
    // still refuses the level, and the caller sees the same answer.
    if (isCheckViolation(error))
      throw insufficientStock([], {
        detail: 'A stock level constraint refused the change; nothing was applied.',
        cause: error,
      });
    throw error;
  }
  if (holdings) await writeHoldings(tx, holdings);

  for (const { level, available, threshold } of lowStock) {
    await events.publish(tx, {
      type: 'stock.low',
      payload: {
        organizationId,
        locationId: level.locationId,
        partId: level.partId,
        available,
        threshold,
        reorderPoint: level.reorderPoint,
        minQuantity: level.minQuantity,
      },
      aggregateType: 'stock_level',
      aggregateId: `${level.locationId}/${level.partId}`,
      organizationId,
    });
  }
  return { levels: views, movementIds, holdings: holdings?.after ?? [] };
}
