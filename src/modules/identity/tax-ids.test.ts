import { describe, expect, it } from 'vitest';
import {
  gstinCheckCharacter,
  gstinProblem,
  gstinSchema,
  isValidGstStateCode,
  panOfGstin,
  panSchema,
} from './tax-ids.js';

describe('PAN', () => {
  it('accepts five letters, four digits and a letter, upper-casing first', () => {
    expect(panSchema.parse('AAPFU0939F')).toBe('AAPFU0939F');
    expect(panSchema.parse(' aapfu0939f ')).toBe('AAPFU0939F');
  });

  it.each(['AAPFU0939', 'AAPF10939F', 'AAPFU09391', 'AAPFU0939FF', ''])('refuses %j', (pan) => {
    const result = panSchema.safeParse(pan);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^PAN must be/);
  });
});

describe('GSTIN', () => {
  it('accepts the published example 27AAPFU0939F1ZV (check character computed, not copied)', () => {
    expect(gstinCheckCharacter('27AAPFU0939F1Z')).toBe('V');
    expect(gstinProblem('27AAPFU0939F1ZV')).toBeNull();
  });

  it.each([
    ['29AAGCB7383J1Z', '4'],
    ['24AAACC1206D1Z', 'M'],
    ['07AAACR5055K1Z', '9'],
    ['33ABCDE1234F1Z', '7'],
  ])('computes the check character of %s as %s', (first14, check) => {
    expect(gstinCheckCharacter(first14)).toBe(check);
    expect(gstinSchema.parse(`${first14}${check}`)).toBe(`${first14}${check}`);
  });

  it('upper-cases and trims before checking', () => {
    expect(gstinSchema.parse(' 27aapfu0939f1zv ')).toBe('27AAPFU0939F1ZV');
  });

  it('exposes the embedded PAN', () => {
    expect(panOfGstin('27AAPFU0939F1ZV')).toBe('AAPFU0939F');
  });

  it.each([
    ['27AAPFU0939F1ZW', 'GSTIN checksum does not match'],
    ['00AAPFU0939F1ZV', 'GSTIN state code must be 01–38, 97 or 99'],
    ['39AAPFU0939F1ZV', 'GSTIN state code must be 01–38, 97 or 99'],
    ['27AAPFU0939F1Z', 'GSTIN must be exactly 15 characters'],
    ['27AAPF10939F1ZV', 'GSTIN must contain a valid PAN (characters 3–12)'],
    [
      '27AAPFU0939F0ZV',
      'GSTIN must end with an entity character (1–9 or A–Z), Z and a check character',
    ],
    [
      '27AAPFU0939F1YV',
      'GSTIN must end with an entity character (1–9 or A–Z), Z and a check character',
    ],
  ])('refuses %s: %s', (gstin, message) => {
    const result = gstinSchema.safeParse(gstin);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('knows the state codes', () => {
    expect(['01', '27', '38', '97', '99'].every(isValidGstStateCode)).toBe(true);
    expect(['00', '39', '96', '98', '2A'].some(isValidGstStateCode)).toBe(false);
  });
});
