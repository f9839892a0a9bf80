import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { idempotencyHeaders, markReplayed } from '../../platform/http/idempotency-headers.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import { ledgerAccountsOverview, ledgerAccountsSchema } from './ledger-admin.service.js';
import type { LedgerDeps } from './ledger.deps.js';
import { walletConflictProblemSchema } from './ledger-problems.js';
import {
  adjustmentBodySchema,
  adjustmentResultSchema,
  adjustWallet,
} from './wallet-adjustment.service.js';

/** Platform administrators: manual wallet adjustments (with a reason) and the ledger's accounts. */
export function registerLedgerAdminRoutes(app: FastifyZodApp, deps: LedgerDeps): void {
  app.post(
    '/api/v1/admin/wallets/:organizationId/adjustments',
    {
      config: {
        problems: ['NOT_FOUND', 'INSUFFICIENT_FUNDS', 'IDEMPOTENCY_KEY_REUSED'],
        policy: { access: 'authenticated', capability: 'ledger.adjust' },
      },
      schema: {
        tags: ['admin'],
        summary:
          "Credit or debit an organization's wallet by hand, with a reason (audited; shown on its statement; idempotent with Idempotency-Key)",
        params: z.object({ organizationId: z.uuid() }),
        headers: idempotencyHeaders,
        body: adjustmentBodySchema,
        response: { 201: adjustmentResultSchema, 409: walletConflictProblemSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const outcome = await adjustWallet(
        deps,
        caller.organizationId,
        request.params.organizationId,
        request.body,
        request.headers['idempotency-key'],
        auditContextOf(caller, request),
      );
      markReplayed(reply, outcome);
      return reply.status(201).send(outcome.value);
    },
  );

  app.get(
    '/api/v1/admin/ledger/accounts',
    {
      config: { problems: [], policy: { access: 'authenticated', capability: 'ledger.read' } },
      schema: {
        tags: ['admin'],
        summary: "The platform's ledger accounts (wallets summed) and a reconciliation run now",
        response: { 200: ledgerAccountsSchema },
      },
    },
    async () => ledgerAccountsOverview(deps.pool),
  );
}
