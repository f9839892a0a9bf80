import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, formatRupees, indianNumberInWords } from './amount-in-words.js';

describe('amount in words (Indian system)', () => {
  it.each([
    [0, 'Rupees Zero Only'],
    [1, 'Rupees Zero and One Paise Only'],
    [100, 'Rupees One Only'],
    [1_181, 'Rupees Eleven and Eighty One Paise Only'],
    [10_000_00, 'Rupees Ten Thousand Only'],
    [1_00_000_00, 'Rupees One Lakh Only'],
    [
      12_345_678,
      'Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Seventy Eight Paise Only',
    ],
    [1_00_00_000_00, 'Rupees One Crore Only'],
    [
      99_99_99_999_99,
      'Rupees Ninety Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine and Ninety Nine Paise Only',
    ],
    [1_20_00_00_000_05, 'Rupees One Hundred Twenty Crore and Five Paise Only'],
    [1_01_01_000_10, 'Rupees One Crore One Lakh One Thousand and Ten Paise Only'],
  ])('%i paise → %s', (paise, words) => {
    expect(amountInWords(paise)).toBe(words);
  });

  it('refuses what is not whole, non-negative paise', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('always reads "Rupees … Only", names paise exactly when there are some, never "Zero" inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (paise) => {
        const words = amountInWords(paise);
        expect(words).toMatch(/^Rupees [A-Z][A-Za-z ]* Only$/);
        expect(words.includes(' Paise ')).toBe(paise % 100 !== 0);
        expect(words.replace(/^Rupees Zero/, '')).not.toContain('Zero');
        expect(words).not.toMatch(/ {2}/);
      }),
    );
  });

  it('counts crore, lakh and thousand as the digits group them (parsed back to the number)', () => {
    const values: Record<string, number> = {};
    for (let value = 0; value < 100; value += 1) values[indianNumberInWords(value)] = value;
    const scale: Record<string, number> = {
      Crore: 10_000_000,
      Lakh: 100_000,
      Thousand: 1000,
      Hundred: 100,
    };
    // A small parser of the words: enough to show the scales are right for any number.
    const parse = (words: string): number => {
      const tokens = words.split(' ');
      let total = 0;
      let current = 0;
      let croreIndex = tokens.lastIndexOf('Crore');
      if (croreIndex >= 0) {
        total += parse(tokens.slice(0, croreIndex).join(' ')) * 10_000_000;
        tokens.splice(0, croreIndex + 1);
        croreIndex = -1;
      }
      for (let index = 0; index < tokens.length; index += 1) {
        const token = tokens[index] ?? '';
        const pair = `${token} ${tokens[index + 1] ?? ''}`;
        if (values[pair] !== undefined && !scale[tokens[index + 1] ?? '']) {
          current += values[pair];
          index += 1;
        } else if (values[token] !== undefined) current += values[token];
        else if (token === 'Hundred') current *= 100;
        else if (scale[token]) {
          total += current * (scale[token] ?? 0);
          current = 0;
        }
      }
      return total + current;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (value) => {
        expect(parse(indianNumberInWords(value))).toBe(value);
      }),
    );
  });
});

describe('formatRupees', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100_000, '1,000.00'],
    [12_345_678, '1,23,456.78'],
    [1_234_567_890, '1,23,45,678.90'],
    [-12_345, '-123.45'],
  ])('%i paise → %s', (paise, text) => {
    expect(formatRupees(paise)).toBe(text);
  });
});
