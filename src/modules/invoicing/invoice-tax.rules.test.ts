import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financialYearOf, indianDate } from './financial-year.js';
import { formatInvoiceNumber } from './invoice-number.rules.js';
import {
  InvoiceChargeError,
  percentHalfUp,
  placeOfSupply,
  shippingTaxLines,
} from './invoice-tax.rules.js';

const charge = fc
  .record({
    freightPaise: fc.integer({ min: 0, max: 10_000_000_000 }),
    marginPaise: fc.integer({ min: 0, max: 1_000_000_000 }),
  })
  .filter(({ freightPaise, marginPaise }) => freightPaise + marginPaise > 0)
  .map((value) => ({
    ...value,
    gstPaise: percentHalfUp(value.freightPaise + value.marginPaise, 18),
  }));

describe('shipping tax lines', () => {
  it('rounds 18 % half up to the paisa', () => {
    expect(percentHalfUp(1001, 18)).toBe(180); // 180.18
    expect(percentHalfUp(1025, 18)).toBe(185); // 184.5 → up
    expect(percentHalfUp(3, 18)).toBe(1); // 0.54
    expect(percentHalfUp(2, 18)).toBe(0); // 0.36
  });

  it('within a state: CGST + SGST = the GST charged, each within a paisa of 9 %, no IGST', () => {
    fc.assert(
      fc.property(charge, (input) => {
        const lines = shippingTaxLines(input, true);
        const taxable = input.freightPaise + input.marginPaise;
        expect(lines.taxablePaise).toBe(taxable);
        expect(lines.cgstPaise + lines.sgstPaise).toBe(input.gstPaise);
        expect(lines.igstPaise).toBe(0);
        expect(lines.cgstPaise - lines.sgstPaise).toBeGreaterThanOrEqual(0);
        expect(lines.cgstPaise - lines.sgstPaise).toBeLessThanOrEqual(1);
        // |cgst × 100 − taxable × 9| ≤ 100: within one paisa of the exact 9 %.
        expect(Math.abs(lines.cgstPaise * 100 - taxable * 9)).toBeLessThanOrEqual(100);
        expect(Math.abs(lines.sgstPaise * 100 - taxable * 9)).toBeLessThanOrEqual(100);
        expect(lines.totalPaise).toBe(taxable + input.gstPaise);
      }),
    );
  });

  it('across states: all IGST, the same total', () => {
    fc.assert(
      fc.property(charge, (input) => {
        const inter = shippingTaxLines(input, false);
        const intra = shippingTaxLines(input, true);
        expect(inter).toMatchObject({ cgstPaise: 0, sgstPaise: 0, igstPaise: input.gstPaise });
        expect(inter.totalPaise).toBe(intra.totalPaise);
      }),
    );
  });

  it('refuses a GST that is not 18 % of freight + margin, and figures that are not paise', () => {
    const good = { freightPaise: 10_000, marginPaise: 1_000, gstPaise: 1_980 };
    expect(() => shippingTaxLines({ ...good, gstPaise: 1_981 }, true)).toThrow(InvoiceChargeError);
    expect(() => shippingTaxLines({ ...good, gstPaise: 1_800 }, true)).toThrow(/expected 1980/);
    expect(() => shippingTaxLines({ ...good, freightPaise: 10.5 }, true)).toThrow(
      InvoiceChargeError,
    );
    expect(() => shippingTaxLines({ ...good, marginPaise: -1 }, true)).toThrow(InvoiceChargeError);
    expect(() => shippingTaxLines({ freightPaise: 0, marginPaise: 0, gstPaise: 0 }, true)).toThrow(
      /positive/,
    );
    expect(shippingTaxLines(good, true)).toEqual({
      taxablePaise: 11_000,
      cgstPaise: 990,
      sgstPaise: 990,
      igstPaise: 0,
      totalPaise: 12_980,
    });
  });
});

describe('place of supply', () => {
  it('is the GSTIN state, else the address state, else the supplier state', () => {
    const supplierStateCode = '29';
    expect(
      placeOfSupply({
        supplierStateCode,
        recipientGstin: '27AAACB1234C1ZF',
        recipientAddressStateCode: '29',
      }),
    ).toEqual({ stateCode: '27', basis: 'recipient_gstin' });
    expect(
      placeOfSupply({ supplierStateCode, recipientGstin: null, recipientAddressStateCode: '07' }),
    ).toEqual({ stateCode: '07', basis: 'recipient_address' });
    expect(
      placeOfSupply({ supplierStateCode, recipientGstin: null, recipientAddressStateCode: null }),
    ).toEqual({ stateCode: '29', basis: 'supplier_location' });
  });
});

describe('financial year and numbers', () => {
  it('turns at midnight of 1 April in India, not in UTC', () => {
    expect(financialYearOf(new Date('2027-03-31T18:29:59.999Z'))).toBe('2026-27');
    expect(financialYearOf(new Date('2027-03-31T18:30:00.000Z'))).toBe('2027-28');
    expect(financialYearOf(new Date('2026-04-01T00:00:00+05:30'))).toBe('2026-27');
    expect(financialYearOf(new Date('2026-12-07T14:00:00Z'))).toBe('2026-27');
    expect(financialYearOf(new Date('2099-06-01T00:00:00Z'))).toBe('2099-00');
    expect(indianDate(new Date('2027-03-31T18:30:00.000Z'))).toBe('01/04/2027');
  });

  it('numbers as SERIES/YY-YY/NNNNNN, at most 16 characters', () => {
    expect(formatInvoiceNumber('SF', '2026-27', 123)).toBe('SF/26-27/000123');
    expect(formatInvoiceNumber('RV', '2026-27', 9_999_999)).toHaveLength(16);
    expect(() => formatInvoiceNumber('SF', '2026-27', 0)).toThrow(RangeError);
  });
});
