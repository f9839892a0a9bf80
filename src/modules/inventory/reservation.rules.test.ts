import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateByHolding,
  handoverChanges,
  handoverLines,
  holdingKey,
  holdingViolations,
  type HoldingDelta,
  type HoldingLine,
} from './reservation.rules.js';
import { aggregateByLevel, applyDelta, violatedCounter } from './stock-ledger.rules.js';

const locations = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const parts = ['00000000-0000-4000-8000-0000000000p1', '00000000-0000-4000-8000-0000000000p2'];
const documents = [
  { type: 'erp_order', id: 'A' },
  { type: 'erp_order', id: 'B' },
  { type: 'shipment', id: 'A' },
];

const line: fc.Arbitrary<Line> = fc.record({
  location: fc.constantFrom(...locations),
  part: fc.constantFrom(...parts),
  quantity: fc.integer({ min: 1, max: 6 }),
});

type Line = { location: string; part: string; quantity: number };
type Operation =
  | { kind: 'reserve' | 'release' | 'consume'; document: number; lines: Line[] }
  | { kind: 'handover'; from: number; to: number; lines?: Line[] | undefined };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('reserve' as const, 'release' as const, 'consume' as const),
    document: fc.nat({ max: documents.length - 1 }),
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
  }),
  fc
    .record({
      kind: fc.constant('handover' as const),
      from: fc.nat({ max: documents.length - 1 }),
      to: fc.nat({ max: documents.length - 1 }),
      lines: fc.option(fc.array(line, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    })
    .filter((op) => op.from !== op.to),
);

/** A change as the ledger sees it (the fields the two rule sets read). */
interface Change extends HoldingLine {
  onHandDelta: number;
  reservedDelta: number;
}

/** The model: levels and holdings, changed only through the rules the ledger applies. */
class Model {
  onHand = new Map<string, number>();
  reserved = new Map<string, number>();
  held = new Map<string, number>();

  constructor(stock: number) {
    for (const location of locations)
      for (const part of parts) this.onHand.set(`${location}/${part}`, stock);
  }

  heldLines(document: { type: string; id: string }) {
    return locations.flatMap((locationId) =>
      parts.map((partId) => ({
        locationId,
        partId,
        held:
          this.held.get(
            holdingKey({
              documentType: document.type,
              documentId: document.id,
              locationId,
              partId,
            }),
          ) ?? 0,
      })),
    );
  }

  changesOf(op: Operation): Change[] {
    if (op.kind === 'handover') {
      const from = documents[op.from]!;
      const to = documents[op.to]!;
      const asked = op.lines?.map((l) => ({
        locationId: l.location,
        partId: l.part,
        quantity: l.quantity,
      }));
      return handoverChanges(from, to, handoverLines(this.heldLines(from), asked)).map((c) => ({
        locationId: c.locationId,
        partId: c.partId,
        onHandDelta: 0,
        reservedDelta: c.reservedDelta,
        referenceType: c.document.type,
        referenceId: c.document.id,
      }));
    }
    const document = documents[op.document]!;
    const sign = { reserve: [0, 1], release: [0, -1], consume: [-1, -1] }[op.kind];
    return op.lines.map((l) => ({
      locationId: l.location,
      partId: l.part,
      onHandDelta: sign[0]! * l.quantity,
      reservedDelta: sign[1]! * l.quantity,
      referenceType: document.type,
      referenceId: document.id,
    }));
  }

  /** Applies the changes when both rules allow them; returns whether they did. */
  apply(changes: Change[]): boolean {
    const holdings = aggregateByHolding(changes);
    const heldOf = (delta: HoldingDelta) => this.held.get(holdingKey(delta)) ?? 0;
    if (holdingViolations(holdings, heldOf).length > 0) return false;
    const levels = aggregateByLevel(changes);
    const counters = (key: string) => ({
      onHand: this.onHand.get(key) ?? 0,
      reserved: this.reserved.get(key) ?? 0,
      inTransit: 0,
    });
    for (const level of levels)
      if (violatedCounter(applyDelta(counters(`${level.locationId}/${level.partId}`), level)))
        return false;
    for (const level of levels) {
      const key = `${level.locationId}/${level.partId}`;
      const after = applyDelta(counters(key), level);
      this.onHand.set(key, after.onHand);
      this.reserved.set(key, after.reserved);
    }
    for (const holding of holdings)
      this.held.set(holdingKey(holding), heldOf(holding) + holding.heldDelta);
    return true;
  }
}

describe('document-bound reservation rules (properties)', () => {
  it('never hold less than nothing, never oversell, and a level reserves exactly what its documents hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(operation, { maxLength: 40 }),
        (stock, ops) => {
          const model = new Model(stock);
          for (const op of ops) {
            const before = JSON.stringify([...model.held, ...model.reserved, ...model.onHand]);
            let changes: Change[];
            try {
              changes = model.changesOf(op);
            } catch {
              continue; // a handover of nothing: the service refuses it before the ledger
            }
            if (changes.length === 0) continue;
            const applied = model.apply(changes);
            // A refused operation changes nothing at all.
            if (!applied)
              expect(JSON.stringify([...model.held, ...model.reserved, ...model.onHand])).toBe(
                before,
              );
          }
          for (const [, held] of model.held) expect(held).toBeGreaterThanOrEqual(0);
          for (const location of locations)
            for (const part of parts) {
              const key = `${location}/${part}`;
              const sum = documents.reduce(
                (total, d) =>
                  total +
                  (model.held.get(
                    holdingKey({
                      documentType: d.type,
                      documentId: d.id,
                      locationId: location,
                      partId: part,
                    }),
                  ) ?? 0),
                0,
              );
              expect(model.reserved.get(key) ?? 0).toBe(sum);
              expect(model.reserved.get(key) ?? 0).toBeLessThanOrEqual(model.onHand.get(key) ?? 0);
            }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a release or consumption may take at most what its document holds of the line, summed over its lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...documents),
        (held, quantities, document) => {
          const changes = quantities.map((quantity) => ({
            locationId: locations[0]!,
            partId: parts[0]!,
            reservedDelta: -quantity,
            referenceType: document.type,
            referenceId: document.id,
          }));
          const asked = quantities.reduce((a, b) => a + b, 0);
          const violations = holdingViolations(aggregateByHolding(changes), () => held);
          if (asked <= held) expect(violations).toEqual([]);
          else
            expect(violations).toEqual([
              {
                documentType: document.type,
                documentId: document.id,
                locationId: locations[0],
                partId: parts[0],
                held,
                requested: asked,
                lineIndexes: quantities.map((_, index) => index),
              },
            ]);
        },
      ),
    );
  });

  it("another document's holding is not this document's: what A holds never lets B release", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (heldByA, asked) => {
          const held = new Map([
            [
              holdingKey({
                documentType: 'erp_order',
                documentId: 'A',
                locationId: locations[0]!,
                partId: parts[0]!,
              }),
              heldByA,
            ],
          ]);
          const release = aggregateByHolding([
            {
              locationId: locations[0]!,
              partId: parts[0]!,
              reservedDelta: -asked,
              referenceType: 'erp_order',
              referenceId: 'B',
            },
          ]);
          expect(holdingViolations(release, (d) => held.get(holdingKey(d)) ?? 0)).toMatchObject([
            { documentId: 'B', held: 0, requested: asked },
          ]);
        },
      ),
    );
  });

  it('a handover moves held stock between documents without changing any level', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            location: fc.constantFrom(...locations),
            part: fc.constantFrom(...parts),
            held: fc.integer({ min: 0, max: 9 }),
          }),
          {
            maxLength: 4,
          },
        ),
        (rows) => {
          const held = rows.map((r) => ({ locationId: r.location, partId: r.part, held: r.held }));
          const lines = handoverLines(held, undefined);
          expect(lines.every((l) => l.quantity > 0)).toBe(true);
          expect(lines.reduce((a, l) => a + l.quantity, 0)).toBe(
            held.reduce((a, l) => a + l.held, 0),
          );
          const changes = handoverChanges(documents[0]!, documents[1]!, lines);
          for (const level of aggregateByLevel(changes)) expect(level.reservedDelta).toBe(0);
          const byDocument = aggregateByHolding(
            changes.map((c) => ({
              ...c,
              referenceType: c.document.type,
              referenceId: c.document.id,
            })),
          );
          const total = (id: string) =>
            byDocument.filter((d) => d.documentId === id).reduce((a, d) => a + d.heldDelta, 0);
          expect(total('A') + total('B')).toBe(0);
        },
      ),
    );
  });

  it('refuses a change of reserved stock that names no document, and a handover to itself', () => {
    expect(() => aggregateByHolding([{ locationId: 'l', partId: 'p', reservedDelta: 1 }])).toThrow(
      /must name its document/,
    );
    expect(aggregateByHolding([{ locationId: 'l', partId: 'p', reservedDelta: 0 }])).toEqual([]);
    expect(() => handoverChanges(documents[0]!, { ...documents[0]! }, [])).toThrow(/itself/);
    expect(() => handoverLines([], [{ locationId: 'l', partId: 'p', quantity: 0 }])).toThrow(
      /positive/,
    );
  });
});
