import { describe, expect, it } from 'vitest';
import { demoCatalog } from './demo-catalog.js';
import { demoOrganizations } from './demo-organizations.js';
import { StockBook } from './demo-stock-book.js';
import { demoStockPlan } from './demo-stock-plan.js';

const start = new Date('2026-09-08T18:30:00.000Z'); // midnight IST, 9 September 2026
const dayMs = 24 * 60 * 60 * 1000;

describe('the demo stock plan', () => {
  const { parts } = demoCatalog();
  const plan = demoStockPlan({ organizations: demoOrganizations, parts, start, days: 90 });

  it('replays on a fresh book without anything going below zero', () => {
    const book = new StockBook();
    for (const operation of plan) book.apply(operation);
    for (const level of book.entries().values()) {
      expect(level.onHand).toBeGreaterThanOrEqual(level.reserved);
      expect(level.reserved).toBeGreaterThanOrEqual(0);
      expect(level.inTransit).toBeGreaterThanOrEqual(0);
    }
  });

  it('spreads over the 90 days in order, in business hours IST, every location taking part', () => {
    const times = plan.map((operation) => operation.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThanOrEqual(start.getTime());
    expect(times.at(-1)).toBeLessThan(start.getTime() + 90 * dayMs);
    const days = new Set(times.map((time) => Math.floor((time - start.getTime()) / dayMs)));
    expect(days.size).toBeGreaterThan(80);
    const stocked = demoOrganizations.flatMap((organization) =>
      organization.locations
        .filter((location) => location.range > 0)
        .map((location) => location.key),
    );
    expect(new Set(plan.map((operation) => operation.location))).toEqual(new Set(stocked));
  });

  it('has every kind of movement, open reservations and transfers still in transit', () => {
    const kinds = new Set(plan.map((operation) => operation.kind));
    expect([...kinds].sort()).toEqual([
      'adjust',
      'consume',
      'count',
      'receive_transfer',
      'release',
      'reserve',
      'thresholds',
      'transfer',
    ]);
    const reasons = new Set(
      plan.flatMap((operation) =>
        operation.kind === 'adjust' ? operation.lines.map((line) => line.reason) : [],
      ),
    );
    expect([...reasons].sort()).toEqual(['damage', 'loss', 'receipt', 'return_restock']);
    const book = new StockBook();
    for (const operation of plan) book.apply(operation);
    const levels = [...book.entries().values()];
    expect(levels.some((level) => level.reserved > 0)).toBe(true);
    expect(levels.some((level) => level.inTransit > 0)).toBe(true);
  });

  it('is the same plan for the same start, and the same operations for another start', () => {
    const again = demoStockPlan({ organizations: demoOrganizations, parts, start, days: 90 });
    expect(again).toEqual(plan);
    const later = demoStockPlan({
      organizations: demoOrganizations,
      parts,
      start: new Date(start.getTime() + 7 * dayMs),
      days: 90,
    });
    const withoutDates = (operations: typeof plan) =>
      operations.map((operation) => ({ ...operation, at: undefined }));
    expect(withoutDates(later)).toEqual(withoutDates(plan));
  });
});
