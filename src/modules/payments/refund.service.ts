import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { debitForRefund, reverseRefund, settleRefund } from '../ledger/index.js';
import { PaymentGatewayError, type GatewayRefund } from './payment-gateway.port.js';
import type { PaymentsDeps } from './payments.deps.js';
import './payments.events.js';
import { refundRepository, type RefundRow } from './refund.repository.js';
import { topupRepository } from './topup.repository.js';

export const refundJobName = 'payments.refund_submit';

export const requestRefundSchema = z.object({
  amountPaise: z.number().int().min(100).max(5_00_000_00),
  reason: z.string().trim().min(3).max(500),
});

export const refundSchema = z.object({
  id: z.uuid(),
  topupId: z.uuid(),
  organizationId: z.uuid(),
  amountPaise: z.number().int(),
  reason: z.string(),
  status: z.enum(['requested', 'pending', 'processed', 'failed']),
  razorpayRefundId: z.string().nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});

export function refundView(row: RefundRow): z.infer<typeof refundSchema> {
  return {
    id: row.id,
    topupId: row.topupId,
    organizationId: row.organizationId,
    amountPaise: row.amountPaise,
    reason: row.reason,
    status: row.status,
    razorpayRefundId: row.razorpayRefundId,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}

/** The refund's `X-Refund-Idempotency`: stable per refund, 34 characters of [A-Za-z0-9_]. */
export const refundIdempotencyKey = (refundId: string) => `rf_${refundId.replace(/-/g, '')}`;

/**
 * A platform administrator refunds (part of) a credited top-up. In one transaction: the top-up is
 * locked, what is left to refund checked (REFUND_NOT_ALLOWED), the wallet debited through the
 * ledger (`debitForRefund`, INSUFFICIENT_FUNDS when the money was spent), the refund recorded,
 * audited, and the Razorpay call enqueued as a durable job. Razorpay's answer settles it later.
 */
export async function requestRefund(
  deps: PaymentsDeps,
  topupId: string,
  body: z.infer<typeof requestRefundSchema>,
  audit: AuditContext,
): Promise<z.infer<typeof refundSchema>> {
  return inTransaction(deps.pool, async (tx) => {
    const topup = await topupRepository.lock(tx, topupId);
    if (!topup) throw new AppError('NOT_FOUND');
    if (topup.status !== 'credited' || !topup.razorpayPaymentId)
      throw new AppError('REFUND_NOT_ALLOWED', {
        detail: 'Only a credited top-up can be refunded.',
        extensions: { refundablePaise: 0 },
      });
    const refundable = topup.amountPaise - (await refundRepository.committedPaise(tx, topupId));
    if (body.amountPaise > refundable)
      throw new AppError('REFUND_NOT_ALLOWED', {
        detail: 'The amount exceeds what is left to refund of this top-up.',
        extensions: { refundablePaise: refundable },
      });
    const refund = await refundRepository.insert(tx, {
      topupId,
      organizationId: topup.organizationId,
      amountPaise: body.amountPaise,
      reason: body.reason,
      createdBy: audit.actor.userId ?? null,
    });
    await debitForRefund(tx, {
      organizationId: topup.organizationId,
      amountPaise: body.amountPaise,
      reference: `refund:${refund.id}`,
    });
    await recordAudit(tx, {
      ...audit,
      organizationId: topup.organizationId,
      action: 'payments.refund_requested',
      entityType: 'payment_refund',
      entityId: refund.id,
      after: { topupId, amountPaise: body.amountPaise, reason: body.reason },
    });
    await deps.jobs.enqueue(tx, refundJobName, { refundId: refund.id });
    return refundView(refund);
  });
}

/**
 * Sends a requested refund to Razorpay with `X-Refund-Idempotency` (so the job's retries, or a
 * worker dying after Razorpay accepted, never refund twice). Razorpay unavailable → the job
 * retries; Razorpay refusing (not captured, more than captured) → the refund fails and the
 * money returns to the wallet.
 */
export async function submitRefund(deps: PaymentsDeps, refundId: string): Promise<void> {
  const refund = await refundRepository.find(deps.db, refundId);
  if (refund?.status !== 'requested') return;
  const topup = await topupRepository.find(deps.db, refund.topupId);
  if (!topup?.razorpayPaymentId) throw new Error(`refund ${refundId}: top-up has no payment`);
  let gatewayRefund: GatewayRefund;
  try {
    gatewayRefund = await deps.gateway.createRefund(topup.razorpayPaymentId, {
      amountPaise: refund.amountPaise,
      idempotencyKey: refundIdempotencyKey(refund.id),
      receipt: refund.id,
      notes: { refundId: refund.id, topupId: topup.id },
    });
  } catch (error) {
    if (error instanceof PaymentGatewayError && error.kind === 'rejected') {
      await settleOurs(deps, refund.id, 'failed', error.message);
      return;
    }
    throw error;
  }
  await refundRepository.markSubmitted(deps.db, refund.id, gatewayRefund.id);
  if (gatewayRefund.status !== 'pending') await settleOurs(deps, refund.id, gatewayRefund.status);
}

/** A refund event or the reconciler: read the refund at Razorpay and settle ours to match. */
export async function applyRefundOutcome(deps: PaymentsDeps, razorpayRefundId: string) {
  const gatewayRefund = await deps.gateway.fetchRefund(razorpayRefundId).catch((error: unknown) => {
    throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { cause: error });
  });
  const ours = await refundRepository.findForGateway(
    deps.db,
    gatewayRefund.id,
    gatewayRefund.receipt,
  );
  if (!ours) return;
  if (!ours.razorpayRefundId)
    await refundRepository.markSubmitted(deps.db, ours.id, gatewayRefund.id);
  if (gatewayRefund.status !== 'pending') await settleOurs(deps, ours.id, gatewayRefund.status);
}

/** Settles (processed: refunds payable → clearing) or reverses (failed: back to the wallet) once. */
async function settleOurs(
  deps: PaymentsDeps,
  refundId: string,
  outcome: 'processed' | 'failed',
  reason?: string,
): Promise<void> {
  await inTransaction(deps.pool, async (tx) => {
    const refund = await refundRepository.lock(tx, refundId);
    if (!refund || refund.status === 'processed' || refund.status === 'failed') return;
    if (outcome === 'processed') {
      await settleRefund(tx, {
        amountPaise: refund.amountPaise,
        reference: `refund-settled:${refund.id}`,
      });
      await refundRepository.settle(tx, refund.id, 'processed');
      await deps.events.publish(tx, {
        type: 'payments.refund_processed',
        payload: {
          refundId: refund.id,
          topupId: refund.topupId,
          organizationId: refund.organizationId,
          amountPaise: refund.amountPaise,
        },
        aggregateType: 'payment_refund',
        aggregateId: refund.id,
        organizationId: refund.organizationId,
      });
    } else {
      await reverseRefund(tx, {
        organizationId: refund.organizationId,
        amountPaise: refund.amountPaise,
        reference: `refund-failed:${refund.id}`,
      });
      await refundRepository.settle(tx, refund.id, 'failed', reason ?? 'refund failed at Razorpay');
    }
  });
}

export function refundSubmitJob(deps: PaymentsDeps) {
  return defineJob({
    name: refundJobName,
    payload: z.object({ refundId: z.uuid() }),
    retryLimit: 10,
    retryDelaySeconds: 30,
    handler: async ({ refundId }) => submitRefund(deps, refundId),
  });
}
