/**
 * Pure rules of document-bound reservations, kept apart from SQL so they are property-tested:
 * which lines of a stock operation change a document's holding, what a release, consumption or
 * handover may take (never more than the document still holds for that location × part), and
 * the movements of a handover.
 */

/** The document a reservation belongs to: `(type, id)` within one organization. */
export interface ReservationDocument {
  type: string;
  id: string;
}

/** One line of a stock operation as far as holdings are concerned (a subset of `StockChange`). */
export interface HoldingLine {
  locationId: string;
  partId: string;
  reservedDelta?: number | undefined;
  referenceType?: string | undefined;
  referenceId?: string | undefined;
}

/** The summed change of one document's holding of one part at one location. */
export interface HoldingDelta {
  documentType: string;
  documentId: string;
  locationId: string;
  partId: string;
  heldDelta: number;
  lineIndexes: number[];
}

/** A document line that would hold less than nothing: the request asks more than it holds. */
export interface HoldingViolation {
  documentType: string;
  documentId: string;
  locationId: string;
  partId: string;
  held: number;
  /** What the summed lines take from the holding (release, consumption, handover). */
  requested: number;
  lineIndexes: number[];
}

/** A key for a document; JSON so no separator can be forged inside a document id. */
export function documentKey(document: { type: string; id: string }): string {
  return JSON.stringify([document.type, document.id]);
}

/** A key for one line of a document. */
export function holdingKey(line: {
  documentType: string;
  documentId: string;
  locationId: string;
  partId: string;
}): string {
  return JSON.stringify([line.documentType, line.documentId, line.locationId, line.partId]);
}

/**
 * Sums the reserved change per (document, location, part) of the lines that change `reserved`.
 * Such a line must name its document (`referenceType`, `referenceId`): reserved stock always
 * belongs to one. Lines that leave `reserved` alone are not holdings and are skipped.
 */
export function aggregateByHolding(lines: readonly HoldingLine[]): HoldingDelta[] {
  const byKey = new Map<string, HoldingDelta>();
  lines.forEach((line, index) => {
    const delta = line.reservedDelta ?? 0;
    if (delta === 0) return;
    if (!line.referenceType || !line.referenceId)
      throw new Error('a change of reserved stock must name its document (referenceType/Id)');
    const entry: HoldingDelta = {
      documentType: line.referenceType,
      documentId: line.referenceId,
      locationId: line.locationId,
      partId: line.partId,
      heldDelta: 0,
      lineIndexes: [],
    };
    const key = holdingKey(entry);
    const found = byKey.get(key) ?? entry;
    found.heldDelta += delta;
    found.lineIndexes.push(index);
    byKey.set(key, found);
  });
  return [...byKey.values()];
}

/**
 * The holdings that would go below zero. A document that holds nothing for a line (never
 * reserved it, released it already, or is another document) holds 0, so any release, consumption
 * or handover of it is refused — a job redelivered after its release cannot take what other
 * documents hold. The summed lines are judged together, so two lines cannot each pass alone.
 */
export function holdingViolations(
  deltas: readonly HoldingDelta[],
  heldOf: (delta: HoldingDelta) => number,
): HoldingViolation[] {
  const violations: HoldingViolation[] = [];
  for (const delta of deltas) {
    const held = heldOf(delta);
    if (held + delta.heldDelta >= 0) continue;
    violations.push({
      documentType: delta.documentType,
      documentId: delta.documentId,
      locationId: delta.locationId,
      partId: delta.partId,
      held,
      requested: -delta.heldDelta,
      lineIndexes: delta.lineIndexes,
    });
  }
  return violations;
}

/** What a document holds of one part at one location. */
export interface HeldLine {
  locationId: string;
  partId: string;
  held: number;
}

/** One line of a handover: how much of a (location, part) holding changes document. */
export interface HandoverLine {
  locationId: string;
  partId: string;
  quantity: number;
}

/** The two movements of one handover line, at the same level: reserved −q then +q. */
export interface HandoverChange {
  kind: 'reservation_handover' | 'reservation_takeover';
  document: ReservationDocument;
  locationId: string;
  partId: string;
  reservedDelta: number;
}

/**
 * The lines a handover moves: the ones asked for, or — when none are named — everything the
 * giving document holds (its lines with something held). Quantities must be positive integers.
 */
export function handoverLines(
  held: readonly HeldLine[],
  asked: readonly HandoverLine[] | undefined,
): HandoverLine[] {
  if (asked === undefined)
    return held
      .filter((line) => line.held > 0)
      .map((line) => ({ locationId: line.locationId, partId: line.partId, quantity: line.held }));
  for (const line of asked)
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      throw new Error('handover: quantities must be positive integers');
  return asked.map((line) => ({ ...line }));
}

/**
 * The movements of a handover: for each line, the giving document's holding −q and the taking
 * document's +q at the same level. The level's `reserved` is unchanged (the ledger sums the pair
 * before writing one update), so the stock is never held twice nor available in between.
 */
export function handoverChanges(
  from: ReservationDocument,
  to: ReservationDocument,
  lines: readonly HandoverLine[],
): HandoverChange[] {
  if (documentKey(from) === documentKey(to))
    throw new Error('handover: a document cannot hand its reservation to itself');
  return lines.flatMap((line) => [
    {
      kind: 'reservation_handover' as const,
      document: from,
      locationId: line.locationId,
      partId: line.partId,
      reservedDelta: -line.quantity,
    },
    {
      kind: 'reservation_takeover' as const,
      document: to,
      locationId: line.locationId,
      partId: line.partId,
      reservedDelta: line.quantity,
    },
  ]);
}
