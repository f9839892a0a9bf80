import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseIndianPhone } from './indian-phone.js';
import { indianPhoneSchema } from './indian-phone.schema.js';

const digit = fc.constantFrom(...'0123456789');
/** 10 national digits, the first not 0 (mobiles 6–9, landlines' STD codes 1–8). */
const national = fc
  .tuple(fc.constantFrom(...'123456789'), fc.array(digit, { minLength: 9, maxLength: 9 }))
  .map(([first, rest]) => first + rest.join(''));
/** What people put between digits: spaces, hyphens, dashes, brackets — up to three in a row. */
const gap = fc
  .array(fc.constantFrom(' ', '-', '\u2013', '\u00a0', '\t', '(', ')'), { maxLength: 3 })
  .map((characters) => characters.join(''));
/** Mostly nothing between two digits, as people write. */
const innerGap = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: gap });

/** Every accepted way to write a number: a prefix (or none), separators anywhere. */
const writtenForm = fc
  .tuple(
    national,
    fc.constantFrom('', '0', '91', '+91'),
    gap,
    gap,
    fc.array(innerGap, { minLength: 9, maxLength: 9 }),
    gap,
  )
  .map(([digits, prefix, start, afterPrefix, inner, end]) => ({
    digits,
    text:
      start +
      (prefix === '' ? '' : prefix + afterPrefix) +
      [...digits].map((d, index) => (index === 0 ? d : (inner[index - 1] ?? '') + d)).join('') +
      end,
  }));

describe('Indian phone numbers', () => {
  it('the forms people type give one stored number', () => {
    for (const text of [
      '9876543210',
      '09876543210',
      '919876543210',
      '+919876543210',
      '+91 98765-43210',
      '+91-98765 43210',
      '098765 43210',
      ' 98765\u00a043210 ',
      '(+91) 98765 43210',
      '+91 (98765) 43210',
      '(98765 43210',
    ])
      expect(normaliseIndianPhone(text)).toBe('+919876543210');
    expect(normaliseIndianPhone('(011) 2345 6789')).toBe('+911123456789');
    expect(normaliseIndianPhone('080-2345-6789')).toBe('+918023456789');
    // A number that itself starts with 91 is not taken for one with a prefix.
    expect(normaliseIndianPhone('9198765432')).toBe('+919198765432');
    expect(normaliseIndianPhone('91 9198765432')).toBe('+919198765432');
  });

  it('every accepted form of a number normalises to the same +91 number', () => {
    fc.assert(
      fc.property(writtenForm, ({ digits, text }) => {
        expect(normaliseIndianPhone(text)).toBe(`+91${digits}`);
      }),
    );
  });

  it('the stored form is itself accepted and unchanged (normalising is idempotent)', () => {
    fc.assert(
      fc.property(writtenForm, ({ text }) => {
        const stored = normaliseIndianPhone(text) ?? '';
        expect(normaliseIndianPhone(stored)).toBe(stored);
      }),
    );
  });

  it('refuses what is not an Indian phone number', () => {
    for (const text of [
      '',
      '12345',
      '987654321', // 9 digits
      '98765432101', // 11 digits without a leading 0
      '0123456789', // a national number cannot start with 0
      '+91 0987654321',
      '0091 98765 43210',
      '+44 20 7946 0958',
      '+9876543210',
      '98765.43210',
      '98765 4321O', // a letter O
      '98765    43210', // four separators in a row
      '98765+43210',
      '+ 91 98765 43210',
      '9876543210'.padEnd(14, ' '),
    ])
      expect(normaliseIndianPhone(text), text).toBeNull();
  });

  it('refuses garbage of any kind (never throws, never returns another shape)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        const phone = normaliseIndianPhone(text);
        expect(phone === null || /^\+91[1-9]\d{9}$/.test(phone)).toBe(true);
        if (phone !== null) expect(text.replace(/\D/g, '').endsWith(phone.slice(3))).toBe(true);
      }),
    );
  });

  it('the schema answers the stored form, or one message listing the accepted forms', () => {
    expect(indianPhoneSchema.parse('+91-98765 43210')).toBe('+919876543210');
    for (const text of ['12345', 'call me', '0091 98765 43210']) {
      const result = indianPhoneSchema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      expect(result.error?.issues[0]?.message).toContain('9876543210, 09876543210, 919876543210');
    }
  });
});
