import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  withIdempotency,
  type IdempotentOutcome,
} from '../../platform/idempotency/idempotency.service.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { organizationDirectory } from '../identity/index.js';
import type { LedgerDeps } from './ledger.deps.js';
import { postLedger } from './ledger.js';
import { maxAmountPaise, type PostingLine } from './ledger.rules.js';

export const adjustmentBodySchema = z
  .object({
    direction: z.enum(['credit', 'debit']),
    amountPaise: z.number().int().min(1).max(maxAmountPaise),
    reason: z
      .string()
      .trim()
      .min(3)
      .max(500)
      .describe(
        'why: shown on the statement as "Manual credit/debit by SpareFlow: <reason>" and audited',
      ),
  })
  .strict();
export type AdjustmentBody = z.infer<typeof adjustmentBodySchema>;

export const adjustmentResultSchema = z.object({
  postingId: z.number().int(),
  organizationId: z.uuid(),
  direction: z.enum(['credit', 'debit']),
  amountPaise: z.number().int(),
  balancePaise: z.number().int(),
  availablePaise: z.number().int(),
  description: z.string(),
});
export type AdjustmentResult = z.infer<typeof adjustmentResultSchema>;

/** The idempotency operation name of manual adjustments. */
export const adjustmentOperation = 'ledger.adjustment';

/** The statement line of a manual adjustment: says who and why. */
export function adjustmentDescription(direction: 'credit' | 'debit', reason: string): string {
  return `Manual ${direction} by SpareFlow: ${reason}`;
}

/**
 * A platform administrator's manual credit or debit of an organization's wallet, with a reason:
 * one posting against the platform's adjustments account, audited in the organization's own log
 * (it sees who changed its money and why), at most once per `Idempotency-Key`. A debit beyond the
 * available balance is INSUFFICIENT_FUNDS; an unknown organization or the platform itself 404.
 */
export async function adjustWallet(
  deps: LedgerDeps,
  callerOrganizationId: string,
  organizationId: string,
  body: AdjustmentBody,
  idempotencyKey: string | undefined,
  audit: AuditContext,
): Promise<IdempotentOutcome<AdjustmentResult>> {
  return inTransaction(deps.pool, (tx) =>
    withIdempotency(
      tx,
      {
        organizationId: callerOrganizationId,
        operation: adjustmentOperation,
        key: idempotencyKey,
        requestBody: { organizationId, ...body },
      },
      async () => {
        const [target] = await tx.db
          .select({ type: organizationDirectory.type })
          .from(organizationDirectory)
          .where(eq(organizationDirectory.id, organizationId));
        if (!target || target.type === 'platform')
          throw new AppError('NOT_FOUND', { detail: 'No such organization wallet.' });
        const sign = body.direction === 'credit' ? 1 : -1;
        const lines: PostingLine[] = [
          { account: 'wallet_available', amountPaise: sign * body.amountPaise },
          { account: 'adjustments', amountPaise: -sign * body.amountPaise },
        ];
        const description = adjustmentDescription(body.direction, body.reason);
        const result = await postLedger(tx, {
          reference: `adjustment:${crypto.randomUUID()}`,
          kind: body.direction === 'credit' ? 'adjustment_credit' : 'adjustment_debit',
          organizationId,
          description,
          actorUserId: audit.actor.userId ?? null,
          lines,
        });
        if (!result.wallet || result.balancePaise === null)
          throw new Error('adjustWallet: the posting returned no wallet');
        // Last: the audit chain is the final lock of the transaction.
        await recordAudit(tx, {
          ...audit,
          organizationId,
          action:
            body.direction === 'credit' ? 'wallet.credited_manually' : 'wallet.debited_manually',
          entityType: 'wallet',
          entityId: organizationId,
          after: {
            postingId: result.postingId,
            amountPaise: body.amountPaise,
            reason: body.reason,
            balancePaise: result.balancePaise,
          },
        });
        return {
          postingId: result.postingId,
          organizationId,
          direction: body.direction,
          amountPaise: body.amountPaise,
          balancePaise: result.balancePaise,
          availablePaise: result.wallet.availablePaise,
          description,
        };
      },
    ),
  );
}
