import { describe, expect, it } from 'vitest';
import { aggregateByLevel, levelViolation, movingAverageCost } from './stock-ledger.rules.js';

const L1 = '00000000-0000-4000-8000-000000000001';
const L2 = '00000000-0000-4000-8000-000000000002';
const PA = 'aaaaaaaa-0000-4000-8000-000000000000';
const PB = 'bbbbbbbb-0000-4000-8000-000000000000';

describe('aggregateByLevel', () => {
  it('sums the lines of one level and remembers which lines they were', () => {
    const result = aggregateByLevel([
      { locationId: L2, partId: PA, reservedDelta: 2 },
      { locationId: L1, partId: PB, onHandDelta: -1 },
      { locationId: L2, partId: PA, reservedDelta: 3, onHandDelta: 1 },
    ]);
    expect(result).toEqual([
      {
        locationId: L1,
        partId: PB,
        onHandDelta: -1,
        reservedDelta: 0,
        inTransitDelta: 0,
        lineIndexes: [1],
      },
      {
        locationId: L2,
        partId: PA,
        onHandDelta: 1,
        reservedDelta: 5,
        inTransitDelta: 0,
        lineIndexes: [0, 2],
      },
    ]);
  });

  it('sorts by location, then part — the lock order', () => {
    const keys = aggregateByLevel([
      { locationId: L2, partId: PB },
      { locationId: L2, partId: PA },
      { locationId: L1, partId: PB },
    ]).map((d) => `${d.locationId.slice(-1)}${d.partId.slice(0, 1)}`);
    expect(keys).toEqual(['1b', '2a', '2b']);
  });
});

describe('levelViolation', () => {
  it('accepts zero available and refuses negative available, reserved or in transit', () => {
    expect(levelViolation({ onHand: 3, reserved: 3, inTransit: 0 })).toBeNull();
    expect(levelViolation({ onHand: 2, reserved: 3, inTransit: 0 })).toMatch(/available/);
    expect(levelViolation({ onHand: 2, reserved: -1, inTransit: 0 })).toMatch(/reserved/);
    expect(levelViolation({ onHand: 2, reserved: 0, inTransit: -1 })).toMatch(/in transit/);
  });
});

describe('movingAverageCost', () => {
  it('blends a costed receipt into the average by quantity', () => {
    expect(movingAverageCost(10, 1000, [{ onHandDelta: 10, unitCostPaise: 2000 }])).toBe(1500);
  });
  it('takes the received cost when nothing was on hand', () => {
    expect(movingAverageCost(0, 0, [{ onHandDelta: 5, unitCostPaise: 700 }])).toBe(700);
  });
  it('leaves the average for issues and uncosted receipts, and rounds to paise', () => {
    expect(movingAverageCost(10, 1000, [{ onHandDelta: -4 }, { onHandDelta: 3 }])).toBe(1000);
    expect(movingAverageCost(2, 100, [{ onHandDelta: 1, unitCostPaise: 101 }])).toBe(100);
    expect(movingAverageCost(1, 100, [{ onHandDelta: 2, unitCostPaise: 101 }])).toBe(101);
  });
});
