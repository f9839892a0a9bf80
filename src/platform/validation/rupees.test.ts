import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePercent } from './percent.js';
import { paiseToRupeesText, parseRupees, rupeesToPaise } from './rupees.js';

/** "1234567" → "12,34,567" (lakh and crore grouping). */
function indianGrouping(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${digits.slice(-3)}`;
}

/** "1234567" → "1,234,567". */
function internationalGrouping(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** An amount in paise written in one of the ways the CSV and the forms accept. */
const writtenAmount = fc
  .tuple(
    fc.integer({ min: 0, max: 1e13 }),
    fc.constantFrom(indianGrouping, internationalGrouping, (digits: string) => digits),
    fc.constantFrom('', '₹', '₹ ', 'Rs.', 'Rs. ', 'Rs ', 'rs', 'INR ', ' '),
    fc.constantFrom('', '/-', ' /-', ' '),
    fc.boolean(),
  )
  .map(([paise, group, prefix, suffix, shortFraction]) => {
    const whole = group(String(Math.floor(paise / 100)));
    const cents = paise % 100;
    // Whole rupees may drop the decimals ("650"), a round ten of paise its last zero ("0.5").
    const fraction =
      cents === 0 && shortFraction
        ? ''
        : cents % 10 === 0 && shortFraction
          ? `.${cents / 10}`
          : `.${String(cents).padStart(2, '0')}`;
    return { paise, text: `${prefix}${whole}${fraction}${suffix}` };
  });

describe('rupees as people write them', () => {
  it('reads the written forms to exact paise', () => {
    expect(rupeesToPaise('650')).toBe(65_000);
    expect(rupeesToPaise('1,250.50')).toBe(125_050);
    expect(rupeesToPaise('₹1,250')).toBe(125_000);
    expect(rupeesToPaise('Rs. 1,250')).toBe(125_000);
    expect(rupeesToPaise('1,25,000')).toBe(12_500_000);
    expect(rupeesToPaise('₹ 1,23,456.78')).toBe(12_345_678);
    expect(rupeesToPaise('INR 999/-')).toBe(99_900);
    expect(rupeesToPaise('0.29')).toBe(29);
    expect(rupeesToPaise('4.35')).toBe(435);
    expect(rupeesToPaise('99.')).toBe(9_900);
    expect(rupeesToPaise('.5')).toBe(50);
    expect(rupeesToPaise('0')).toBe(0);
  });

  it('formatting any amount in any accepted form parses back to the same paise', () => {
    fc.assert(
      fc.property(writtenAmount, ({ paise, text }) => {
        expect(parseRupees(text)).toEqual({ ok: true, paise });
      }),
      { numRuns: 500 },
    );
  });

  it('the export form round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (paise) => {
        expect(rupeesToPaise(paiseToRupeesText(paise))).toBe(paise);
      }),
    );
    expect(paiseToRupeesText(125_050)).toBe('1250.50');
    expect(paiseToRupeesText(5)).toBe('0.05');
    expect(paiseToRupeesText(-300)).toBe('-3.00');
  });

  it('says why a text is not an amount', () => {
    const problem = (text: string) => {
      const parsed = parseRupees(text);
      return parsed.ok ? parsed.paise : parsed.problem;
    };
    expect(problem('1.234')).toBe('too-many-decimals');
    expect(problem('1,250.505')).toBe('too-many-decimals');
    expect(problem('1,50')).toBe('misplaced-commas');
    expect(problem('12,50,00')).toBe('misplaced-commas');
    expect(problem('1,2,3')).toBe('misplaced-commas');
    expect(problem('12345678901234')).toBe('too-large');
    for (const text of ['', ' ', '.', '-5', 'abc', '1e3', '₹', '$5', '5 rupees', '1 250', '0x10'])
      expect(problem(text), text).toBe('not-an-amount');
  });

  it('never throws and never answers a non-integer, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const parsed = parseRupees(text);
        if (parsed.ok) expect(Number.isSafeInteger(parsed.paise) && parsed.paise >= 0).toBe(true);
      }),
    );
  });
});

describe('percentages as people write them', () => {
  it('reads 18, 18%, 18 %, 18.0 and 0.25% as numbers', () => {
    expect(['18', '18%', '18 %', '18.0', ' 18.00 % '].map(parsePercent)).toEqual([
      18, 18, 18, 18, 18,
    ]);
    expect(parsePercent('0.25%')).toBe(0.25);
    expect(parsePercent('1.5')).toBe(1.5);
  });

  it('refuses negatives, extra decimals and text', () => {
    for (const text of ['', '%', '-18', '18.005', '18%%', 'eighteen', '% 18', '1e1', '0.18x'])
      expect(parsePercent(text), text).toBeNull();
  });
});
