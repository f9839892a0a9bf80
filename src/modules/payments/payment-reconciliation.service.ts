import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import client from 'prom-client';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { isAppError } from '../../platform/errors/app-error.js';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { PaymentGatewayError, type GatewayPayment } from './payment-gateway.port.js';
import type { PaymentsDeps } from './payments.deps.js';
import { paymentReconciliationFindings, paymentRefunds, paymentTopups } from './payments.tables.js';
import { applyRefundOutcome } from './refund.service.js';
import { creditFromPayment } from './topup-credit.service.js';

/** How far back a daily run looks at settled top-ups and refunds (open ones: always). */
const windowDays = 35;
/** A top-up still `creating` after this long lost its process mid-call: it is failed. */
const staleCreatingMinutes = 15;
/** A refund still `requested` after this long has not reached Razorpay: a person should look. */
const staleRequestedMinutes = 60;

export type FindingKind =
  | 'credited_but_not_paid'
  | 'paid_but_not_credited'
  | 'amount_mismatch'
  | 'refund_status_mismatch'
  | 'refund_not_submitted'
  | 'gateway_unreachable';

export interface Finding {
  kind: FindingKind;
  topupId?: string | null;
  refundId?: string | null;
  gatewayId?: string | null;
  detail: string;
}

export const reconciliationReportSchema = z.object({
  runAt: z.string().nullable(),
  mismatches: z.array(
    z.object({
      kind: z.string(),
      topupId: z.string().nullable(),
      refundId: z.string().nullable(),
      gatewayId: z.string().nullable(),
      detail: z.string(),
    }),
  ),
});

/**
 * Compares our top-ups and refunds with Razorpay's orders, payments and refunds. What can only
 * be one way is healed — a captured payment whose credit was missed (webhook lost, browser
 * closed) is credited through the same one-credit path; a refund Razorpay settled is settled;
 * a top-up stuck `creating` is failed — and reported; what cannot (we credited, Razorpay shows
 * no captured payment of that amount; a refund's status disagrees) is reported for a person.
 * The findings replace the previous run's (table, gauge, doctor line, admin page).
 */
export async function reconcilePayments(deps: PaymentsDeps): Promise<Finding[]> {
  const findings: Finding[] = [];
  const since = sql`now() - make_interval(days => ${windowDays})`;
  await deps.db
    .update(paymentTopups)
    .set({ status: 'failed', failureReason: 'order creation interrupted', updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentTopups.status, 'creating'),
        lt(paymentTopups.createdAt, sql`now() - make_interval(mins => ${staleCreatingMinutes})`),
      ),
    );
  const topups = await deps.db
    .select()
    .from(paymentTopups)
    .where(
      and(
        sql`${paymentTopups.razorpayOrderId} is not null`,
        or(
          inArray(paymentTopups.status, ['created', 'failed']),
          gte(paymentTopups.createdAt, since),
        ),
      ),
    );
  for (const topup of topups) {
    const orderId = topup.razorpayOrderId as string;
    try {
      const order = await deps.gateway.fetchOrder(orderId);
      if (order.amountPaise !== topup.amountPaise)
        findings.push({
          kind: 'amount_mismatch',
          topupId: topup.id,
          gatewayId: orderId,
          detail: `order of ${order.amountPaise} paise for a top-up of ${topup.amountPaise}`,
        });
      const payments = await deps.gateway.fetchOrderPayments(orderId);
      const captured = payments.filter((p) => p.status === 'captured' || p.status === 'refunded');
      if (topup.status === 'credited') {
        const ours = captured.find((p) => p.id === topup.razorpayPaymentId);
        if (!ours || ours.amountPaise !== topup.amountPaise)
          findings.push({
            kind: 'credited_but_not_paid',
            topupId: topup.id,
            gatewayId: topup.razorpayPaymentId,
            detail: 'credited, but Razorpay shows no captured payment of this amount on the order',
          });
      } else {
        const payment = captured.find((p: GatewayPayment) => p.amountPaise === topup.amountPaise);
        if (payment) {
          await creditFromPayment(deps, topup, payment);
          findings.push({
            kind: 'paid_but_not_credited',
            topupId: topup.id,
            gatewayId: payment.id,
            detail: 'captured at Razorpay but not credited: credited now',
          });
        }
      }
    } catch (error) {
      if (isAppError(error) && error.code !== 'PAYMENT_GATEWAY_UNAVAILABLE') {
        findings.push({
          kind: 'amount_mismatch',
          topupId: topup.id,
          gatewayId: orderId,
          detail: `captured payment cannot be credited: ${error.message}`,
        });
        continue;
      }
      if (error instanceof PaymentGatewayError || isAppError(error)) {
        findings.push({
          kind: 'gateway_unreachable',
          topupId: topup.id,
          gatewayId: orderId,
          detail: error.message,
        });
        continue;
      }
      throw error;
    }
  }
  const refunds = await deps.db
    .select()
    .from(paymentRefunds)
    .where(
      or(
        inArray(paymentRefunds.status, ['requested', 'pending']),
        gte(paymentRefunds.createdAt, since),
      ),
    );
  for (const refund of refunds) {
    if (!refund.razorpayRefundId) {
      const stale = Date.now() - refund.createdAt.getTime() > staleRequestedMinutes * 60_000;
      if (stale)
        findings.push({
          kind: 'refund_not_submitted',
          topupId: refund.topupId,
          refundId: refund.id,
          detail: 'requested but not accepted by Razorpay yet (see the payments.refund_submit job)',
        });
      continue;
    }
    try {
      if (refund.status === 'pending') await applyRefundOutcome(deps, refund.razorpayRefundId);
      const gatewayRefund = await deps.gateway.fetchRefund(refund.razorpayRefundId);
      const [now] = await deps.db
        .select({ status: paymentRefunds.status })
        .from(paymentRefunds)
        .where(eq(paymentRefunds.id, refund.id));
      if (gatewayRefund.status !== 'pending' && now?.status !== gatewayRefund.status)
        findings.push({
          kind: 'refund_status_mismatch',
          topupId: refund.topupId,
          refundId: refund.id,
          gatewayId: gatewayRefund.id,
          detail: `ours ${now?.status ?? '?'}, Razorpay ${gatewayRefund.status}`,
        });
      if (gatewayRefund.amountPaise !== refund.amountPaise)
        findings.push({
          kind: 'amount_mismatch',
          topupId: refund.topupId,
          refundId: refund.id,
          gatewayId: gatewayRefund.id,
          detail: `refund of ${gatewayRefund.amountPaise} paise at Razorpay, ${refund.amountPaise} ours`,
        });
    } catch (error) {
      if (error instanceof PaymentGatewayError || isAppError(error)) {
        findings.push({
          kind: 'gateway_unreachable',
          refundId: refund.id,
          gatewayId: refund.razorpayRefundId,
          detail: error.message,
        });
        continue;
      }
      throw error;
    }
  }
  await saveFindings(deps, findings);
  return findings;
}

async function saveFindings(deps: PaymentsDeps, findings: Finding[]): Promise<void> {
  await inTransaction(deps.pool, async (tx) => {
    const runAt = new Date();
    await tx.db.delete(paymentReconciliationFindings);
    // A run with no finding still records when it ran.
    await tx.db.insert(paymentReconciliationFindings).values(
      findings.length
        ? findings.map((f) => ({
            runAt,
            kind: f.kind,
            topupId: f.topupId ?? null,
            refundId: f.refundId ?? null,
            gatewayId: f.gatewayId ?? null,
            detail: f.detail,
          }))
        : [{ runAt, kind: 'none', detail: 'no mismatch' }],
    );
  });
}

/** The last run's report: when it ran and its mismatches (healed ones included, named so). */
export async function reconciliationReport(deps: Pick<PaymentsDeps, 'db'>) {
  const rows = await deps.db.select().from(paymentReconciliationFindings);
  const runAt = rows[0]?.runAt.toISOString() ?? null;
  return {
    runAt,
    mismatches: rows
      .filter((row) => row.kind !== 'none')
      .map((row) => ({
        kind: row.kind,
        topupId: row.topupId,
        refundId: row.refundId,
        gatewayId: row.gatewayId,
        detail: row.detail,
      })),
  };
}

/** Unresolved mismatches of the last run (healed ones excluded): what the gauge and doctor say. */
const unresolved = (report: { mismatches: Array<{ kind: string }> }) =>
  report.mismatches.filter((m) => m.kind !== 'paid_but_not_credited').length;

export function registerReconciliationGauge(
  registry: client.Registry,
  deps: Pick<PaymentsDeps, 'db'>,
) {
  new client.Gauge({
    name: 'spareflow_payment_reconciliation_mismatches',
    help: 'Unresolved mismatches between our top-ups/refunds and Razorpay at the last daily reconciliation (-1: never run)',
    registers: [registry],
    async collect() {
      const report = await reconciliationReport(deps).catch(() => undefined);
      this.set(report?.runAt ? unresolved(report) : -1);
    },
  });
}

export function paymentReconciliationDoctorCheck(deps: Pick<PaymentsDeps, 'db'>): DoctorCheck {
  return {
    name: 'payments reconciliation',
    run: async () => {
      const report = await reconciliationReport(deps);
      if (!report.runAt)
        return { status: 'info', detail: 'not run yet (daily job payments.reconcile)' };
      const count = unresolved(report);
      if (count === 0)
        return { status: 'ok', detail: `no mismatch with Razorpay (run at ${report.runAt})` };
      const kinds = [...new Set(report.mismatches.map((m) => m.kind))].join(', ');
      return {
        status: 'warn',
        detail: `${count} mismatch(es) with Razorpay at ${report.runAt}: ${kinds} — GET /api/v1/admin/payments/reconciliation`,
      };
    },
  };
}

/** Daily at 02:30 UTC (08:00 IST), on whichever worker picks it up. */
export function paymentReconcileJob(deps: PaymentsDeps) {
  return defineJob<Record<string, unknown>>({
    name: 'payments.reconcile',
    payload: z.object({}).loose(),
    cron: '30 2 * * *',
    retryLimit: 2,
    expireInSeconds: 1800,
    handler: async (_payload, context) => {
      const findings = await reconcilePayments(deps);
      context.logger.info({ findings: findings.length }, 'payments reconciled with Razorpay');
    },
  });
}
