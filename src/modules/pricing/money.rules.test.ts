import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, formatPercent, formatRupees, percentOfPaise } from './money.rules.js';

describe('half-up rounding to the paisa', () => {
  it('rounds exact halves up and everything else to the nearest paisa', () => {
    expect(percentOfPaise(1, 5000)).toBe(1); // 0.5 → 1
    expect(percentOfPaise(3, 5000)).toBe(2); // 1.5 → 2
    expect(percentOfPaise(72075, 1800)).toBe(12974); // 12973.5 → 12974
    expect(percentOfPaise(7331, 1800)).toBe(1320); // 1319.58 → 1320
    expect(percentOfPaise(7329, 1800)).toBe(1319); // 1319.22 → 1319
    expect(percentOfPaise(0, 1800)).toBe(0);
  });

  it('is within half a paisa of the exact value, and an exact half always goes up', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000_000 }), fc.nat({ max: 10_000 }), (paise, bps) => {
        const rounded = percentOfPaise(paise, bps);
        const exactTimes10k = paise * bps; // the exact value × 10 000
        const diff = rounded * 10_000 - exactTimes10k;
        expect(diff).toBeGreaterThan(-5000);
        expect(diff).toBeLessThanOrEqual(5000);
        if (diff === 5000 || diff === -5000) expect(diff).toBe(5000);
      }),
    );
  });

  it('never decreases as the amount grows', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e9 }),
        fc.nat({ max: 1e6 }),
        fc.nat({ max: 10_000 }),
        (a, d, bps) => {
          expect(percentOfPaise(a + d, bps)).toBeGreaterThanOrEqual(percentOfPaise(a, bps));
        },
      ),
    );
  });

  it('refuses floats, negatives and a zero denominator', () => {
    expect(() => percentOfPaise(1.5, 100)).toThrow(RangeError);
    expect(() => percentOfPaise(-1, 100)).toThrow(RangeError);
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('formatting for labels', () => {
  it('writes rupees with Indian grouping and percentages without trailing zeros', () => {
    expect(formatRupees(6300)).toBe('₹63');
    expect(formatRupees(12345650)).toBe('₹1,23,456.50');
    expect(formatRupees(5)).toBe('₹0.05');
    expect(formatPercent(1800)).toBe('18%');
    expect(formatPercent(1250)).toBe('12.5%');
    expect(formatPercent(250)).toBe('2.5%');
    expect(formatPercent(5)).toBe('0.05%');
  });
});
