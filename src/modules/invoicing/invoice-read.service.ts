import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import { toPage } from '../../platform/http/pagination.js';
import { financialYearPattern } from './financial-year.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { presentInvoice, type InvoiceView } from './invoice.presenter.js';
import { invoiceRepository } from './invoice.repository.js';
import { invoiceKinds } from './invoicing.tables.js';

export const invoiceListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional().describe('`nextCursor` of the previous page (same filters)'),
    kind: z.enum(invoiceKinds).optional().describe('Only tax invoices or only receipt vouchers'),
    financialYear: z
      .string()
      .regex(financialYearPattern)
      .refine(
        (value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)),
        'must be two consecutive years, like 2026-27',
      )
      .optional()
      .describe('`2026-27`: April 2026 to March 2027'),
  })
  .strict();
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;

/** Platform administrators read every organization's invoices; everyone else their own. */
function readerScope(caller: Caller): string | null {
  return caller.organizationType === 'platform' ? null : caller.organizationId;
}

/**
 * The caller's invoices, newest first. Cursors are strict: one that is not an invoice of this
 * list (another organization's, another filter's, or made up) is a 400, never an empty page.
 */
export async function listInvoices(
  db: Db,
  caller: Caller,
  query: InvoiceListQuery,
): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
  const scope = {
    organizationId: readerScope(caller),
    kind: query.kind,
    financialYear: query.financialYear,
  };
  if (query.cursor && !(await invoiceRepository.isInScope(db, scope, query.cursor)))
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'querystring.cursor', message: 'is not a cursor this list returned' }],
    });
  const rows = await invoiceRepository.page(db, scope, query.limit + 1, query.cursor);
  return toPage(rows, query.limit, presentInvoice, (row) => row.id);
}

/** One invoice the caller may read; another organization's is NOT_FOUND, like an unknown id. */
export async function getInvoice(db: Db, caller: Caller, id: string): Promise<InvoiceView> {
  const row = await invoiceRepository.findVisible(db, readerScope(caller), id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'No such invoice.' });
  return presentInvoice(row);
}

/** The PDF of one invoice the caller may read, rendered from the stored row. */
export async function invoicePdf(
  db: Db,
  caller: Caller,
  id: string,
): Promise<{ number: string; bytes: Buffer }> {
  const invoice = await getInvoice(db, caller, id);
  return { number: invoice.number, bytes: await renderInvoicePdf(invoice) };
}
