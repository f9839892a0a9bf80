import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { csvStream } from '../../platform/csv/csv-writer.js';
import type { RawMedia } from '../../platform/http/route-problems.js';
import { pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import type { LedgerDeps } from './ledger.deps.js';
import {
  listStatement,
  statementCsvRows,
  statementExportQuerySchema,
  statementItemSchema,
  statementQuerySchema,
} from './wallet-statement.service.js';
import {
  setLowBalanceThreshold,
  thresholdBodySchema,
  walletOf,
  walletSchema,
} from './wallet.service.js';

const csvDownload: RawMedia & { status: number } = {
  status: 200,
  mediaTypes: ['text/csv'],
  encoding: 'text',
};

/**
 * The caller's own wallet: balances, statement (JSON and CSV) and the low-balance threshold. The
 * organization is always the caller's: another organization's wallet cannot even be named. None
 * of these routes changes a balance — money moves only with a payment, a refund, a charge or an
 * administrator's audited adjustment.
 */
export function registerWalletRoutes(app: FastifyZodApp, deps: LedgerDeps): void {
  app.get(
    '/api/v1/wallet',
    {
      config: { problems: [], policy: { access: 'authenticated', capability: 'wallet.read' } },
      schema: {
        tags: ['wallet'],
        summary: "The organization's wallet: balance, held, available and the low-balance alert",
        response: { 200: walletSchema },
      },
    },
    async (request) => walletOf(deps.db, requireCaller(request).organizationId),
  );

  app.get(
    '/api/v1/wallet/transactions',
    {
      config: { problems: [], policy: { access: 'authenticated', capability: 'wallet.read' } },
      schema: {
        tags: ['wallet'],
        summary:
          'The wallet statement, newest first, with the balance after each line (holds are not lines: see heldPaise)',
        querystring: statementQuerySchema,
        response: { 200: pageSchema(statementItemSchema) },
      },
    },
    async (request) => listStatement(deps.db, requireCaller(request).organizationId, request.query),
  );

  app.get(
    '/api/v1/wallet/transactions/export.csv',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'wallet.read' },
        rawResponse: csvDownload,
      },
      schema: {
        tags: ['wallet'],
        summary: 'The wallet statement as CSV, oldest first, with the same filters',
        description:
          'Columns: id, created_at, type, description, reference, credit_rupees, debit_rupees, balance_after_rupees, credit_paise, debit_paise, balance_after_paise.',
        querystring: statementExportQuerySchema,
      },
    },
    async (request, reply) => {
      const organizationId = requireCaller(request).organizationId;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="wallet-statement.csv"')
        .send(csvStream(statementCsvRows(deps.pool, organizationId, request.query)));
    },
  );

  app.put(
    '/api/v1/wallet/low-balance-threshold',
    {
      config: { problems: [], policy: { access: 'authenticated', capability: 'wallet.manage' } },
      schema: {
        tags: ['wallet'],
        summary:
          'Set the low-balance alert: raised once when available falls from above it to at or below it',
        body: thresholdBodySchema,
        response: { 200: walletSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return setLowBalanceThreshold(
        deps,
        caller.organizationId,
        request.body.lowBalanceThresholdPaise,
        auditContextOf(caller, request),
      );
    },
  );
}
