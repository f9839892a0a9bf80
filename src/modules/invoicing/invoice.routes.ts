import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { invoiceSchema } from './invoice.presenter.js';
import {
  getInvoice,
  invoiceListQuerySchema,
  invoicePdf,
  listInvoices,
} from './invoice-read.service.js';

const read = { access: 'authenticated', capability: 'invoices.read' } as const;
const idParams = z.object({ id: z.uuid() });

export interface InvoicingRouteDeps {
  db: Db;
}

/** Tax invoices and receipt vouchers: list, one as JSON, one as PDF. Read-only: issuing is internal. */
export function registerInvoiceRoutes(app: FastifyZodApp, deps: InvoicingRouteDeps): void {
  app.get(
    '/api/v1/invoices',
    {
      config: { policy: read, problems: [] },
      schema: {
        tags: ['invoices'],
        summary:
          "The organization's tax invoices and receipt vouchers, newest first (by kind, financial year)",
        querystring: invoiceListQuerySchema,
        response: { 200: pageSchema(invoiceSchema) },
      },
    },
    async (request) => listInvoices(deps.db, requireCaller(request), request.query),
  );

  app.get(
    '/api/v1/invoices/:id',
    {
      config: { policy: read, problems: [] },
      schema: {
        tags: ['invoices'],
        summary: 'One invoice: parties, GSTINs, place of supply, tax lines, amount in words',
        params: idParams,
        response: { 200: invoiceSchema },
      },
    },
    async (request) => getInvoice(deps.db, requireCaller(request), request.params.id),
  );

  app.get(
    '/api/v1/invoices/:id/pdf',
    {
      config: {
        policy: read,
        problems: [],
        rawResponse: { status: 200, mediaTypes: ['application/pdf'], encoding: 'binary' },
      },
      schema: {
        tags: ['invoices'],
        summary: 'The invoice as a PDF, rendered from the stored invoice',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { number, bytes } = await invoicePdf(
        deps.db,
        requireCaller(request),
        request.params.id,
      );
      const filename = `${number.replaceAll('/', '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
