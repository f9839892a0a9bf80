import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { creditTopUp, walletBalance } from '../ledger/index.js';
import type { GatewayPayment } from './payment-gateway.port.js';
import { PaymentGatewayError } from './payment-gateway.port.js';
import type { PaymentsDeps } from './payments.deps.js';
import './payments.events.js';
import { topupRepository, type TopupRow } from './topup.repository.js';
import { formatRupees, paymentMismatch, topupReference } from './topup.rules.js';

export interface CreditOutcome {
  /** False when an earlier verification or webhook had already credited this top-up. */
  applied: boolean;
  balancePaise: number;
  topup: TopupRow;
}

/** A gateway failure as the API's 503 (with Retry-After), so the caller simply tries again. */
export function gatewayUnavailable(error: unknown, what: string): AppError {
  const retryAfter =
    error instanceof PaymentGatewayError ? (error.details.retryAfterSeconds ?? 30) : 30;
  return new AppError('PAYMENT_GATEWAY_UNAVAILABLE', {
    detail: `Razorpay could not be reached to ${what}; try again shortly.`,
    extensions: { retryAfterSeconds: Math.min(Math.max(retryAfter, 5), 300) },
    cause: error,
  });
}

/**
 * Makes a payment fetched from the gateway count for its top-up: checks it is for our stored
 * order, exactly the amount and in INR (PAYMENT_MISMATCH otherwise), captures an `authorized`
 * one, requires `captured` (PAYMENT_NOT_CAPTURED otherwise), and then credits the wallet once.
 * The Razorpay calls run before any transaction; the credit is one short transaction that locks
 * the top-up row (then the ledger locks its accounts: top-up → accounts by id), so verification
 * and any number of concurrent webhooks credit exactly once — the ledger's unique reference
 * `topup:<id>` is the last wall.
 */
export async function creditFromPayment(
  deps: PaymentsDeps,
  topup: TopupRow,
  fetched: GatewayPayment,
): Promise<CreditOutcome> {
  const mismatch = paymentMismatch(topup, fetched);
  if (mismatch)
    throw new AppError('PAYMENT_MISMATCH', {
      detail: `The payment does not match this top-up (${mismatch}).`,
      extensions: { mismatch },
    });
  let payment = fetched;
  if (payment.status === 'authorized') {
    try {
      payment = await deps.gateway.capturePayment(payment.id, topup.amountPaise, 'INR');
    } catch (error) {
      // Captured meanwhile (a webhook's job, a second tab): read it again.
      if (error instanceof PaymentGatewayError && error.kind === 'rejected')
        payment = await deps.gateway.fetchPayment(payment.id);
      else throw gatewayUnavailable(error, 'capture the payment');
    }
  }
  if (payment.status !== 'captured' && payment.status !== 'refunded')
    throw new AppError('PAYMENT_NOT_CAPTURED', {
      detail: `The payment is ${payment.status}, not captured: nothing was credited.`,
      extensions: { paymentStatus: payment.status },
    });
  return creditCaptured(deps, topup.id, payment.id);
}

/** The crediting transaction proper, for a payment already known to be captured and matching. */
async function creditCaptured(
  deps: PaymentsDeps,
  topupId: string,
  paymentId: string,
): Promise<CreditOutcome> {
  return inTransaction(deps.pool, async (tx) => {
    const locked = await topupRepository.lock(tx, topupId);
    if (!locked) throw new Error(`top-up ${topupId} vanished`);
    if (locked.status === 'credited') {
      const { balancePaise } = await walletBalance(tx, locked.organizationId);
      return { applied: false, balancePaise, topup: locked };
    }
    const credit = await creditTopUp(tx, {
      organizationId: locked.organizationId,
      amountPaise: locked.amountPaise,
      reference: topupReference(locked.id),
      description: `Wallet top-up via Razorpay${locked.sandbox ? ' (sandbox)' : ''}, ${formatRupees(locked.amountPaise)}`,
      ...(locked.createdBy ? { actor: { userId: locked.createdBy } } : {}),
    });
    const credited = await topupRepository.markCredited(tx, locked.id, paymentId);
    if (credit.applied)
      await deps.events.publish(tx, {
        type: 'payments.topup_credited',
        payload: {
          topupId: credited.id,
          organizationId: credited.organizationId,
          amountPaise: credited.amountPaise,
          razorpayPaymentId: paymentId,
          creditedAt: (credited.creditedAt ?? new Date()).toISOString(),
        },
        aggregateType: 'topup',
        aggregateId: credited.id,
        organizationId: credited.organizationId,
      });
    return { applied: credit.applied, balancePaise: credit.balancePaise, topup: credited };
  });
}
