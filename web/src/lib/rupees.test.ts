import { describe, expect, it } from 'vitest';
import { formatWeightGrams, paiseToRupeesInput, rupeesToPaise } from './format';

describe('rupeesToPaise', () => {
  it('converts rupees to integer paise without floating-point error', () => {
    expect(rupeesToPaise('0.29')).toBe(29);
    expect(rupeesToPaise('1.15')).toBe(115);
    expect(rupeesToPaise('4.35')).toBe(435);
    expect(rupeesToPaise('1234.5')).toBe(123450);
    expect(rupeesToPaise('99')).toBe(9900);
    expect(rupeesToPaise('99.')).toBe(9900);
    expect(rupeesToPaise('0')).toBe(0);
  });

  it('accepts the ₹ sign, Rs., spaces and Indian digit grouping', () => {
    expect(rupeesToPaise('₹ 1,23,456.78')).toBe(12345678);
    expect(rupeesToPaise('Rs. 1,250')).toBe(125000);
  });

  it('reads rupees by the server’s CSV rule: commas only where grouping puts them', () => {
    // "1,50" may be a European 1.50: refused rather than read as ₹150.
    expect(rupeesToPaise('1,50')).toBeNull();
    expect(rupeesToPaise('1,250.50')).toBe(125050);
  });

  it('refuses more than two decimals, negatives and text', () => {
    expect(rupeesToPaise('1.234')).toBeNull();
    expect(rupeesToPaise('-5')).toBeNull();
    expect(rupeesToPaise('abc')).toBeNull();
    expect(rupeesToPaise('')).toBeNull();
    expect(rupeesToPaise('1e3')).toBeNull();
  });

  it('round-trips through the input format', () => {
    expect(paiseToRupeesInput(123450)).toBe('1234.50');
    expect(paiseToRupeesInput(5)).toBe('0.05');
    expect(paiseToRupeesInput(null)).toBe('');
    for (const paise of [0, 1, 29, 115, 99999, 12345678]) {
      expect(rupeesToPaise(paiseToRupeesInput(paise))).toBe(paise);
    }
  });
});

describe('formatWeightGrams', () => {
  it('shows grams below a kilogram and kilograms above', () => {
    expect(formatWeightGrams(250)).toBe('250 g');
    expect(formatWeightGrams(1500)).toBe('1.5 kg');
  });
});
