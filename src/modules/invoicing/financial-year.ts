/**
 * India's financial year runs from 1 April to 31 March, on the Indian calendar: an invoice issued
 * at 20:00 UTC on 31 March is issued on 1 April in India (UTC+05:30, no daylight saving) and
 * belongs to the new year. Invoice numbering restarts with each financial year.
 */
const istOffsetMs = (5 * 60 + 30) * 60 * 1000;

/** `2026-27` for any instant from 1 April 2026 00:00 IST up to 31 March 2027 23:59:59.999 IST. */
export function financialYearOf(at: Date): string {
  const ist = new Date(at.getTime() + istOffsetMs);
  const year = ist.getUTCFullYear();
  const startYear = ist.getUTCMonth() >= 3 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** `2026-27` → `26-27`: the short form invoice numbers carry (Rule 46 allows 16 characters). */
export function shortFinancialYear(financialYear: string): string {
  return financialYear.slice(2);
}

export const financialYearPattern = /^\d{4}-\d{2}$/;

/** The date of an instant in India, `07/12/2026`, as invoices print it. */
export function indianDate(at: Date): string {
  const ist = new Date(at.getTime() + istOffsetMs);
  const day = String(ist.getUTCDate()).padStart(2, '0');
  const month = String(ist.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${ist.getUTCFullYear()}`;
}
