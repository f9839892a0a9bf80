import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossedBelowThreshold } from './threshold-crossing.js';

describe('crossedBelowThreshold', () => {
  it('fires only when crossing from above to at-or-below', () => {
    expect(crossedBelowThreshold(6, 5, 5)).toBe(true);
    expect(crossedBelowThreshold(5, 4, 5)).toBe(false);
    expect(crossedBelowThreshold(9, 7, 5)).toBe(false);
    expect(crossedBelowThreshold(9, 0, null)).toBe(false);
    expect(crossedBelowThreshold(4, 6, 5)).toBe(false);
  });

  it('a walk of changes alerts once per slide from above to at-or-below', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.array(fc.integer({ min: -300, max: 300 }), { maxLength: 50 }),
        (start, threshold, steps) => {
          let value = start;
          let alerts = 0;
          let downwardCrossings = 0;
          for (const step of steps) {
            const next = value + step;
            if (crossedBelowThreshold(value, next, threshold)) alerts += 1;
            if (value > threshold && next <= threshold) downwardCrossings += 1;
            // Never an alert while the figure stays above, or while it stays low.
            if (value <= threshold || next > threshold)
              expect(crossedBelowThreshold(value, next, threshold)).toBe(false);
            value = next;
          }
          expect(alerts).toBe(downwardCrossings);
        },
      ),
    );
  });
});
