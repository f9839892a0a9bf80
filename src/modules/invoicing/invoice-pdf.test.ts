import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import type { InvoiceView } from './invoice.presenter.js';

const taxInvoice: InvoiceView = {
  id: '6f1c0f4e-8a1e-4c39-9d7e-0f1b2c3d4e5f',
  number: 'SF/26-27/000042',
  kind: 'tax_invoice',
  financialYear: '2026-27',
  issuedAt: '2026-12-07T10:00:00.000Z',
  organizationId: '0b6d1a3e-2f4c-4d5e-8f90-a1b2c3d4e5f6',
  supplier: {
    name: 'SpareFlow Logistics Private Limited',
    gstin: '29AABCT3518Q1ZS',
    stateCode: '29',
    state: 'Karnataka',
    address: '1 MG Road, Bengaluru 560001',
    sandbox: false,
  },
  recipient: {
    name: 'Bharat Motors Private Limited',
    gstin: '27AAACB1234C1ZF',
    stateCode: '27',
    state: 'Maharashtra',
    address: 'Plot 7, MIDC, Pune, Maharashtra 411018',
  },
  placeOfSupply: { stateCode: '27', state: 'Maharashtra' },
  sac: '996812',
  description: 'Courier services, AWB D1234567',
  source: { type: 'shipment', id: 'shp_1' },
  taxablePaise: 12_345_678,
  cgstPaise: 0,
  sgstPaise: 0,
  igstPaise: 2_222_222,
  totalPaise: 14_567_900,
  amountInWords: 'Rupees One Lakh Forty Five Thousand Six Hundred Seventy Nine Only',
  paymentReference: null,
};

describe('invoice PDF', () => {
  it('carries the number, both GSTINs, SAC, tax lines, total and the amount in words', async () => {
    const text = await pdfText(await renderInvoicePdf(taxInvoice));
    expect(text).toContain('TAX INVOICE');
    expect(text).toContain('SF/26-27/000042');
    expect(text).toContain('29AABCT3518Q1ZS');
    expect(text).toContain('27AAACB1234C1ZF');
    expect(text).toContain('SAC 996812');
    expect(text).toContain('Place of supply: 27 – Maharashtra');
    expect(text).toContain('IGST @ 18%');
    expect(text).not.toContain('CGST');
    expect(text).toContain('1,23,456.78');
    expect(text).toContain('22,222.22');
    expect(text).toContain('1,45,679.00');
    expect(text).toContain('Rupees One Lakh Forty Five Thousand Six Hundred Seventy Nine Only');
    expect(text).toContain('Date: 07/12/2026');
    expect(text).not.toContain('SANDBOX');
  });

  it('splits CGST and SGST within a state and marks sandbox documents', async () => {
    const text = await pdfText(
      await renderInvoicePdf({
        ...taxInvoice,
        supplier: { ...taxInvoice.supplier, sandbox: true },
        recipient: { ...taxInvoice.recipient, gstin: null, stateCode: '29', address: null },
        placeOfSupply: { stateCode: '29', state: 'Karnataka' },
        taxablePaise: 1001,
        cgstPaise: 90,
        sgstPaise: 90,
        igstPaise: 0,
        totalPaise: 1181,
        amountInWords: 'Rupees Eleven and Eighty One Paise Only',
      }),
    );
    expect(text).toContain('SANDBOX - NOT A VALID TAX DOCUMENT');
    expect(text).toContain('CGST @ 9% 0.90');
    expect(text).toContain('SGST @ 9% 0.90');
    expect(text).not.toContain('IGST');
    expect(text).toContain('GSTIN: Unregistered');
    expect(text).toContain('Rupees Eleven and Eighty One Paise Only');
  });

  it('renders a receipt voucher with its payment reference, and survives text Helvetica lacks', async () => {
    const text = await pdfText(
      await renderInvoicePdf({
        ...taxInvoice,
        kind: 'receipt_voucher',
        number: 'RV/26-27/000001',
        recipient: { ...taxInvoice.recipient, name: 'भारत Motors\u0000' },
        taxablePaise: 0,
        igstPaise: 0,
        totalPaise: 500_000,
        amountInWords: 'Rupees Five Thousand Only',
        paymentReference: 'pay_29QQoUBi66xm2f',
      }),
    );
    expect(text).toContain('RECEIPT VOUCHER');
    expect(text).toContain('RV/26-27/000001');
    expect(text).toContain('Payment reference: pay_29QQoUBi66xm2f');
    expect(text).toContain('Amount received 5,000.00');
    expect(text).toContain('???? Motors?');
    expect(text).not.toContain('IGST');
  });
});
