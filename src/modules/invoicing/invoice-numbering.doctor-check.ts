import type pg from 'pg';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import type { InvoiceSupplier } from './invoice-supplier.js';

interface SeriesCount {
  series: string;
  financial_year: string;
  last_number: number;
  issued: number;
  highest: number | null;
}

/**
 * Per series and financial year: the counter, how many documents exist and the highest number.
 * Gapless numbering means all three are equal (a counter ahead of the documents is a number
 * taken and never used; documents beyond the counter would be repeats waiting to happen).
 */
async function seriesCounts(pool: pg.Pool): Promise<SeriesCount[]> {
  const { rows } = await pool.query<SeriesCount>(
    `select c.series, c.financial_year, c.last_number,
            count(i.id)::int as issued, max(i.sequence) as highest
       from invoice_counters c
       left join invoices i on i.series = c.series and i.financial_year = c.financial_year
      group by c.series, c.financial_year, c.last_number
      order by c.financial_year, c.series`,
  );
  return rows;
}

/** `spareflow doctor`: invoice numbers are 1..N in every series and year, with no gap. */
export function invoiceNumberingDoctorCheck(pool: pg.Pool): DoctorCheck {
  return {
    name: 'invoice numbering',
    run: async () => {
      const counts = await seriesCounts(pool);
      const broken = counts.filter(
        (row) => row.issued !== row.last_number || (row.highest ?? 0) !== row.last_number,
      );
      if (broken.length === 0)
        return {
          status: 'ok',
          detail:
            counts.length === 0
              ? 'no invoices issued yet'
              : counts
                  .map((row) => `${row.series} ${row.financial_year}: 1–${row.last_number}`)
                  .join(', '),
        };
      return {
        status: 'fail',
        detail: broken
          .map(
            (row) =>
              `${row.series} ${row.financial_year}: counter ${row.last_number}, ${row.issued} issued, highest ${row.highest ?? 0}`,
          )
          .join('; '),
      };
    },
  };
}

/** `spareflow doctor`: whose details invoices carry (sandbox ones are not valid tax documents). */
export function invoiceSupplierDoctorCheck(supplier: InvoiceSupplier): DoctorCheck {
  return {
    name: 'invoice supplier',
    run: async () =>
      supplier.sandbox
        ? {
            status: 'info',
            detail: 'sandbox supplier: set INVOICE_SUPPLIER_* to issue valid tax documents',
          }
        : { status: 'ok', detail: `${supplier.name}, GSTIN ${supplier.gstin}` },
  };
}
