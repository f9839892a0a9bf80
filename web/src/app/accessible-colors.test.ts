import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aaContrast,
  contrastRatio,
  darken,
  darkenUntil,
  relativeLuminance,
  toHex,
} from './accessible-colors';

const hexColour = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((rgb) => toHex(rgb as [number, number, number]));

describe('WCAG contrast arithmetic', () => {
  it('matches the reference figures: black on white 21:1, Mantine grey 6 on white 3.32:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The figures of issue 11, measured on Mantine's default palette.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2); // grey labels
    expect(contrastRatio('#e67700', '#fff3bf')).toBeCloseTo(2.69, 2); // PENDING badge
    expect(contrastRatio('#ffffff', '#fd7e14')).toBeCloseTo(2.57, 2); // SANDBOX badge
    expect(contrastRatio('#2b8a3e', '#d3f9d8')).toBeCloseTo(3.81, 2); // ACTIVE badge
  });

  it('is symmetric and between 1 and 21 for any two colours', () => {
    fc.assert(
      fc.property(hexColour, hexColour, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeCloseTo(contrastRatio(b, a), 10);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21.0000001);
      }),
    );
  });

  it('darkening never makes a colour lighter', () => {
    fc.assert(
      fc.property(hexColour, fc.double({ min: 0, max: 1, noNaN: true }), (colour, amount) => {
        expect(relativeLuminance(darken(colour, amount))).toBeLessThanOrEqual(
          relativeLuminance(colour) + 1e-12,
        );
      }),
    );
  });

  it('darkenUntil reaches AA against every light background given, and leaves a passing colour alone', () => {
    // Black reaches 4.5:1 on any background of relative luminance ≥ 0.175.
    const lightBackground = hexColour.filter((hex) => relativeLuminance(hex) >= 0.18);
    fc.assert(
      fc.property(
        hexColour,
        fc.array(lightBackground, { minLength: 1, maxLength: 4 }),
        (fg, bgs) => {
          const result = darkenUntil(fg, bgs);
          for (const bg of bgs)
            expect(contrastRatio(result, bg)).toBeGreaterThanOrEqual(aaContrast);
          if (bgs.every((bg) => contrastRatio(fg, bg) >= aaContrast)) expect(result).toBe(fg);
        },
      ),
    );
  });
});
