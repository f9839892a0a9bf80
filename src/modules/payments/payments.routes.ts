import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { idempotencyHeaders, markReplayed } from '../../platform/http/idempotency-headers.js';
import { pageQuerySchema, pageSchema, toPage } from '../../platform/http/pagination.js';
import { rethrowWithRetryAfter } from '../../platform/http/retry-after.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { auditContextOf } from '../audit/index.js';
import type { PaymentsDeps } from './payments.deps.js';
import { refundSchema, requestRefundSchema, requestRefund } from './refund.service.js';
import { topupRepository } from './topup.repository.js';
import {
  createTopup,
  createTopupSchema,
  createdTopupSchema,
  topupSchema,
  topupView,
  verifiedTopupSchema,
  verifyTopup,
  verifyTopupSchema,
} from './topup.service.js';
import { registerRazorpayWebhookRoute } from './razorpay-webhook.routes.js';
import {
  reconciliationReport,
  reconciliationReportSchema,
} from './payment-reconciliation.service.js';

const topupParams = z.object({ topupId: z.uuid() });

/** Wallet top-ups through Razorpay, the Razorpay webhook, and administrators' refunds. */
export function registerPaymentRoutes(app: FastifyZodApp, deps: PaymentsDeps): void {
  registerRazorpayWebhookRoute(app, deps);

  app.post(
    '/api/v1/wallet/topups',
    {
      config: {
        problems: ['IDEMPOTENCY_KEY_REUSED'],
        policy: { access: 'authenticated', capability: 'wallet.topup' },
      },
      schema: {
        tags: ['wallet'],
        summary:
          'Start a wallet top-up: creates the Razorpay order (idempotent with Idempotency-Key)',
        description:
          'Amount in whole paise, ₹100 to ₹5,00,000. Razorpay unavailable → 503 PAYMENT_GATEWAY_UNAVAILABLE with Retry-After; the top-up is then marked failed.',
        headers: idempotencyHeaders,
        body: createTopupSchema,
        response: { 201: createdTopupSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      try {
        const outcome = await createTopup(
          deps,
          caller,
          request.body,
          request.headers['idempotency-key'],
        );
        markReplayed(reply, outcome);
        return await reply.status(201).send(outcome.value);
      } catch (error) {
        rethrowWithRetryAfter(reply, error);
      }
    },
  );

  app.post(
    '/api/v1/wallet/topups/:topupId/verify',
    {
      config: {
        problems: [
          'NOT_FOUND',
          'CONFLICT',
          'INVALID_SIGNATURE',
          'PAYMENT_NOT_CAPTURED',
          'PAYMENT_MISMATCH',
        ],
        policy: { access: 'authenticated', capability: 'wallet.topup' },
      },
      schema: {
        tags: ['wallet'],
        summary: "Verify Checkout's payment and credit the wallet (once; a replay credits nothing)",
        params: topupParams,
        body: verifyTopupSchema,
        response: { 200: verifiedTopupSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      try {
        return await verifyTopup(deps, caller, request.params.topupId, request.body);
      } catch (error) {
        rethrowWithRetryAfter(reply, error);
      }
    },
  );

  app.get(
    '/api/v1/wallet/topups',
    {
      config: { problems: [], policy: { access: 'authenticated', capability: 'wallet.read' } },
      schema: {
        tags: ['wallet'],
        summary: "The organization's top-ups, newest first, with their status",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(topupSchema) },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const rows = await topupRepository.list(deps.db, caller.organizationId, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return toPage(rows, request.query.limit, topupView, (row) => row.id);
    },
  );

  app.get(
    '/api/v1/wallet/topups/:topupId',
    {
      config: {
        problems: ['NOT_FOUND'],
        policy: { access: 'authenticated', capability: 'wallet.read' },
      },
      schema: {
        tags: ['wallet'],
        summary: 'One top-up with its status',
        params: topupParams,
        response: { 200: topupSchema },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const row = await topupRepository.find(
        deps.db,
        request.params.topupId,
        caller.organizationId,
      );
      if (!row) throw new AppError('NOT_FOUND');
      return topupView(row);
    },
  );

  app.post(
    '/api/v1/admin/topups/:topupId/refunds',
    {
      config: {
        problems: ['NOT_FOUND', 'REFUND_NOT_ALLOWED', 'INSUFFICIENT_FUNDS'],
        policy: { access: 'authenticated', capability: 'payments.reconcile' },
      },
      schema: {
        tags: ['payments'],
        summary: 'Refund (part of) a credited top-up: debits the wallet, Razorpay refunds in a job',
        params: topupParams,
        body: requestRefundSchema,
        response: { 201: refundSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const refund = await requestRefund(
        deps,
        request.params.topupId,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(refund);
    },
  );

  app.get(
    '/api/v1/admin/payments/reconciliation',
    {
      config: {
        problems: [],
        policy: { access: 'authenticated', capability: 'payments.reconcile' },
      },
      schema: {
        tags: ['payments'],
        summary: 'The last daily reconciliation with Razorpay: when it ran and what differed',
        response: { 200: reconciliationReportSchema },
      },
    },
    async () => reconciliationReport(deps),
  );
}
