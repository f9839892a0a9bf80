import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueStock, type ValuedLevel } from './stock-valuation.rules.js';

const level = fc.record({
  onHand: fc.nat({ max: 100_000 }),
  averageCostPaise: fc.oneof(fc.constant(0), fc.nat({ max: 10_000_000 })),
  unitPricePaise: fc.nat({ max: 10_000_000 }),
});
const levels = fc.array(level, { maxLength: 40 });

describe('valueStock', () => {
  it('values costed units at their average cost and uncosted ones at list price, and says how many', () => {
    expect(
      valueStock([
        { onHand: 10, averageCostPaise: 12_345, unitPricePaise: 99_999 },
        { onHand: 4, averageCostPaise: 0, unitPricePaise: 65_000 },
        { onHand: 0, averageCostPaise: 0, unitPricePaise: 1_000 },
      ]),
    ).toEqual({
      valuePaise: 123_450 + 260_000,
      costedValuePaise: 123_450,
      uncostedUnits: 4,
      uncostedValuePaise: 260_000,
      onHandUnits: 14,
    });
  });

  it('the value is the costed part plus the uncosted part, and no unit is left out', () => {
    fc.assert(
      fc.property(levels, (all) => {
        const value = valueStock(all);
        expect(value.valuePaise).toBe(value.costedValuePaise + value.uncostedValuePaise);
        const onHand = all.reduce((sum, l) => sum + l.onHand, 0);
        expect(value.onHandUnits).toBe(onHand);
        const uncosted = all.filter((l) => l.averageCostPaise === 0);
        expect(value.uncostedUnits).toBe(uncosted.reduce((sum, l) => sum + l.onHand, 0));
      }),
    );
  });

  it('is never below the old figure (on hand × average cost), and equals it when every unit has a cost', () => {
    fc.assert(
      fc.property(levels, (all) => {
        const old = all.reduce((sum, l) => sum + l.onHand * l.averageCostPaise, 0);
        const value = valueStock(all);
        expect(value.costedValuePaise).toBe(old);
        expect(value.valuePaise).toBeGreaterThanOrEqual(old);
        if (value.uncostedUnits === 0) expect(value.valuePaise).toBe(old);
      }),
    );
  });

  it('is additive: valuing two sets together is valuing each and adding', () => {
    fc.assert(
      fc.property(levels, levels, (a, b) => {
        const together = valueStock([...a, ...b]);
        const apart = [valueStock(a), valueStock(b)];
        for (const key of Object.keys(together) as Array<keyof typeof together>)
          expect(together[key]).toBe((apart[0]?.[key] ?? 0) + (apart[1]?.[key] ?? 0));
      }),
    );
  });

  it('receiving a costed unit into an uncosted level moves it out of the estimate', () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 1_000_000 }), (base, cost) => {
        const uncosted: ValuedLevel = { ...base, averageCostPaise: 0 };
        const costed: ValuedLevel = { ...base, averageCostPaise: cost };
        expect(valueStock([costed]).uncostedUnits).toBe(0);
        expect(valueStock([uncosted]).uncostedUnits).toBe(base.onHand);
      }),
    );
  });
});
