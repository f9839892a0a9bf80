import { shortFinancialYear } from './financial-year.js';
import type { InvoiceKind } from './invoicing.tables.js';

/**
 * One numbering series per kind of document (Rule 46(b) CGST Rules allows several series, each
 * consecutive and unique within a financial year): `SF` tax invoices, `RV` receipt vouchers.
 */
export const seriesOf: Readonly<Record<InvoiceKind, string>> = {
  tax_invoice: 'SF',
  receipt_voucher: 'RV',
};

/**
 * `SF/26-27/000123`: series, short financial year, sequence padded to six digits — 15 characters,
 * within the 16 Rule 46(b) allows up to sequence 9,999,999.
 */
export function formatInvoiceNumber(
  series: string,
  financialYear: string,
  sequence: number,
): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`invoice sequence must be a positive integer, got ${sequence}`);
  return `${series}/${shortFinancialYear(financialYear)}/${String(sequence).padStart(6, '0')}`;
}
