/**
 * Pure rules of the stock ledger, kept apart from SQL so they are unit-tested exhaustively:
 * aggregation of a multi-line operation per location × part, the non-negativity checks, the
 * moving-average cost (the low-stock crossing is shared with the wallet: platform/thresholds).
 */

/** The signed change one line asks for (a subset of `StockChange`). */
export interface LineDelta {
  locationId: string;
  partId: string;
  onHandDelta?: number | undefined;
  reservedDelta?: number | undefined;
  inTransitDelta?: number | undefined;
  unitCostPaise?: number | undefined;
}

/** The sum of every line touching one location × part, with the indexes of those lines. */
export interface AggregatedDelta {
  locationId: string;
  partId: string;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  lineIndexes: number[];
}

/** The counters of one level as locked in the database. */
export interface LevelCounters {
  onHand: number;
  reserved: number;
  inTransit: number;
}

/**
 * Sums the lines per location × part and sorts the result by (locationId, partId) — the one lock
 * order every operation uses, so concurrent multi-line operations cannot deadlock. Checking the
 * sum (not each line) is what stops two lines of one request from each passing on their own.
 */
export function aggregateByLevel(lines: readonly LineDelta[]): AggregatedDelta[] {
  const byKey = new Map<string, AggregatedDelta>();
  lines.forEach((line, index) => {
    const key = `${line.locationId}/${line.partId}`;
    const entry = byKey.get(key) ?? {
      locationId: line.locationId,
      partId: line.partId,
      onHandDelta: 0,
      reservedDelta: 0,
      inTransitDelta: 0,
      lineIndexes: [],
    };
    entry.onHandDelta += line.onHandDelta ?? 0;
    entry.reservedDelta += line.reservedDelta ?? 0;
    entry.inTransitDelta += line.inTransitDelta ?? 0;
    entry.lineIndexes.push(index);
    byKey.set(key, entry);
  });
  return [...byKey.values()].sort((a, b) => compareLevelKeys(a, b));
}

/** Orders levels as PostgreSQL orders `(location_id, part_id)` uuids (lower-case hex). */
export function compareLevelKeys(
  a: { locationId: string; partId: string },
  b: { locationId: string; partId: string },
): number {
  const al = a.locationId.toLowerCase();
  const bl = b.locationId.toLowerCase();
  if (al !== bl) return al < bl ? -1 : 1;
  const ap = a.partId.toLowerCase();
  const bp = b.partId.toLowerCase();
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

/** The counters after applying an aggregated delta. */
export function applyDelta(level: LevelCounters, delta: AggregatedDelta): LevelCounters {
  return {
    onHand: level.onHand + delta.onHandDelta,
    reserved: level.reserved + delta.reservedDelta,
    inTransit: level.inTransit + delta.inTransitDelta,
  };
}

/** The counters that must stay ≥ 0 (available = on hand − reserved). */
export type LevelCounter = 'available' | 'reserved' | 'in_transit';

/**
 * The counter the resulting level would take below zero, or null. Available (on hand − reserved)
 * never goes negative, nor do reserved and in-transit; on hand ≥ 0 follows from the first two.
 */
export function violatedCounter(after: LevelCounters): LevelCounter | null {
  if (after.reserved < 0) return 'reserved';
  if (after.onHand - after.reserved < 0) return 'available';
  if (after.inTransit < 0) return 'in_transit';
  return null;
}

/** Why the resulting level is not allowed, in words, or null (see `violatedCounter`). */
export function levelViolation(after: LevelCounters): string | null {
  const counter = violatedCounter(after);
  if (counter === 'reserved') return `reserved would become ${after.reserved}`;
  if (counter === 'available') return `available would become ${after.onHand - after.reserved}`;
  if (counter === 'in_transit') return `in transit would become ${after.inTransit}`;
  return null;
}

/**
 * Moving-average unit cost after the lines of one level, applied in order: a positive on-hand
 * change with a unit cost blends into the average weighted by quantity; other changes leave it.
 * When nothing was on hand the received cost becomes the average. Rounded to whole paise.
 */
export function movingAverageCost(
  onHandBefore: number,
  averageBefore: number,
  lines: readonly Pick<LineDelta, 'onHandDelta' | 'unitCostPaise'>[],
): number {
  let onHand = onHandBefore;
  let average = averageBefore;
  for (const line of lines) {
    const delta = line.onHandDelta ?? 0;
    if (delta > 0 && line.unitCostPaise !== undefined) {
      average =
        onHand <= 0
          ? line.unitCostPaise
          : Math.round((onHand * average + delta * line.unitCostPaise) / (onHand + delta));
    }
    onHand += delta;
  }
  return average;
}
