import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import {
  withIdempotency,
  type IdempotentOutcome,
} from '../../platform/idempotency/idempotency.service.js';
import { walletBalance } from '../ledger/index.js';
import { PaymentGatewayError } from './payment-gateway.port.js';
import type { PaymentsDeps } from './payments.deps.js';
import { checkoutSignatureValid } from './razorpay-signatures.js';
import { creditFromPayment, gatewayUnavailable } from './topup-credit.service.js';
import { topupRepository, type TopupRow } from './topup.repository.js';
import { formatRupees, isTopupAmount, maxTopupPaise, minTopupPaise } from './topup.rules.js';

export const createTopupSchema = z.object({
  amountPaise: z
    .number()
    .int()
    .min(minTopupPaise)
    .max(maxTopupPaise)
    .describe(`Whole paise, ${formatRupees(minTopupPaise)} to ${formatRupees(maxTopupPaise)}`),
});

export const createdTopupSchema = z.object({
  topupId: z.uuid(),
  razorpayOrderId: z.string(),
  keyId: z.string(),
  amountPaise: z.number().int(),
  currency: z.literal('INR'),
  sandbox: z.boolean(),
  checkoutUrl: z
    .string()
    .optional()
    .describe("Sandbox only: the simulator's checkout page (add `&origin=` of the opener)"),
});
export type CreatedTopup = z.infer<typeof createdTopupSchema>;

export const verifyTopupSchema = z.object({
  razorpayPaymentId: z.string().regex(/^pay_[A-Za-z0-9]{6,40}$/),
  razorpaySignature: z.string().min(1).max(200),
});

export const verifiedTopupSchema = z.object({
  status: z.literal('credited'),
  balancePaise: z.number().int(),
  topupId: z.uuid(),
  amountPaise: z.number().int(),
});

export const topupSchema = z.object({
  id: z.uuid(),
  amountPaise: z.number().int(),
  currency: z.literal('INR'),
  status: z.enum(['creating', 'created', 'credited', 'failed']),
  razorpayOrderId: z.string().nullable(),
  razorpayPaymentId: z.string().nullable(),
  sandbox: z.boolean(),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  creditedAt: z.string().nullable(),
});

export function topupView(row: TopupRow): z.infer<typeof topupSchema> {
  return {
    id: row.id,
    amountPaise: row.amountPaise,
    currency: 'INR',
    status: row.status,
    razorpayOrderId: row.razorpayOrderId,
    razorpayPaymentId: row.razorpayPaymentId,
    sandbox: row.sandbox,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    creditedAt: row.creditedAt?.toISOString() ?? null,
  };
}

/**
 * Starts a top-up. Three steps, none holding a lock while Razorpay is called:
 * 1. a short transaction claims the Idempotency-Key and inserts the top-up as `creating`;
 * 2. outside any transaction, the one request that claims the order creation (a conditional
 *    update) creates the Razorpay order — amount in paise, `receipt` = our top-up id, notes;
 * 3. the order id is stored (`created`). If Razorpay is down the top-up becomes `failed` and the
 *    answer is 503 PAYMENT_GATEWAY_UNAVAILABLE with Retry-After; nothing else was written.
 * A replay with the same key returns the same top-up (and order), never a second order.
 */
export async function createTopup(
  deps: PaymentsDeps,
  caller: Caller,
  body: z.infer<typeof createTopupSchema>,
  idempotencyKey: string | undefined,
): Promise<IdempotentOutcome<CreatedTopup>> {
  if (!isTopupAmount(body.amountPaise))
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.amountPaise', message: 'outside the top-up limits' }],
    });
  const started = await inTransaction(deps.pool, (tx) =>
    withIdempotency(
      tx,
      {
        organizationId: caller.organizationId,
        operation: 'payments.topup',
        key: idempotencyKey,
        requestBody: body,
      },
      async () => {
        const row = await topupRepository.insertCreating(tx.db, {
          organizationId: caller.organizationId,
          amountPaise: body.amountPaise,
          sandbox: deps.sandbox,
          createdBy: caller.kind === 'user' ? caller.userId : null,
        });
        return { topupId: row.id };
      },
    ),
  );
  const topup = await ensureOrder(deps, started.value.topupId);
  return { value: createdView(deps, topup), replayed: started.replayed };
}

function createdView(deps: PaymentsDeps, topup: TopupRow): CreatedTopup {
  if (!topup.razorpayOrderId) throw new Error('top-up without an order');
  const checkoutUrl = deps.sandboxCheckoutUrl
    ? `${deps.sandboxCheckoutUrl}?order_id=${encodeURIComponent(topup.razorpayOrderId)}&key_id=${encodeURIComponent(deps.gateway.keyId)}`
    : undefined;
  return {
    topupId: topup.id,
    razorpayOrderId: topup.razorpayOrderId,
    keyId: deps.gateway.keyId,
    amountPaise: topup.amountPaise,
    currency: 'INR',
    sandbox: topup.sandbox,
    ...(checkoutUrl ? { checkoutUrl } : {}),
  };
}

const orderWaitMs = 20_000;

async function ensureOrder(deps: PaymentsDeps, topupId: string): Promise<TopupRow> {
  if (await topupRepository.claimOrderCreation(deps.db, topupId)) {
    const topup = await topupRepository.find(deps.db, topupId);
    if (!topup) throw new Error('top-up vanished');
    try {
      const order = await deps.gateway.createOrder({
        amountPaise: topup.amountPaise,
        currency: 'INR',
        receipt: topup.id,
        notes: {
          topupId: topup.id,
          organizationId: topup.organizationId,
          purpose: 'SpareFlow wallet top-up',
        },
      });
      const created = await topupRepository.markCreated(deps.db, topupId, order.id);
      if (!created) throw new Error('top-up left creating while its order was made');
      return created;
    } catch (error) {
      if (!(error instanceof PaymentGatewayError)) throw error;
      const reason = `order not created: ${error.kind}`;
      await topupRepository.markFailed(deps.db, topupId, reason);
      if (error.kind !== 'unavailable')
        deps.logger.error({ err: error, topupId }, 'Razorpay refused to create an order');
      throw gatewayUnavailable(error, 'create the payment order');
    }
  }
  // Another request (the first with this Idempotency-Key) is creating the order: wait for it.
  const deadline = Date.now() + orderWaitMs;
  for (;;) {
    const topup = await topupRepository.find(deps.db, topupId);
    if (!topup) throw new Error('top-up vanished');
    if (topup.status !== 'creating') {
      if (topup.razorpayOrderId) return topup;
      throw gatewayUnavailable(undefined, 'create the payment order');
    }
    if (Date.now() > deadline) throw gatewayUnavailable(undefined, 'create the payment order');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The browser's Checkout result. The signature is checked in constant time against the order id
 * WE stored (never one sent back by the browser); then the payment is fetched from Razorpay and
 * must be ours, for exactly the amount, and captured (an authorized one is captured here). The
 * wallet is credited once: a replayed verification answers the same 200 and credits nothing.
 */
export async function verifyTopup(
  deps: PaymentsDeps,
  caller: Caller,
  topupId: string,
  body: z.infer<typeof verifyTopupSchema>,
): Promise<z.infer<typeof verifiedTopupSchema>> {
  const topup = await topupRepository.find(deps.db, topupId, caller.organizationId);
  if (!topup) throw new AppError('NOT_FOUND');
  if (!topup.razorpayOrderId)
    throw new AppError('CONFLICT', {
      detail: 'This top-up has no payment order; start a new one.',
    });
  if (
    !checkoutSignatureValid(
      deps.keySecret,
      topup.razorpayOrderId,
      body.razorpayPaymentId,
      body.razorpaySignature,
    )
  )
    throw new AppError('INVALID_SIGNATURE', {
      detail: 'The payment signature does not match this top-up.',
    });
  if (topup.status === 'credited') {
    if (topup.razorpayPaymentId !== body.razorpayPaymentId)
      throw new AppError('PAYMENT_MISMATCH', {
        detail: 'This top-up was credited by another payment.',
        extensions: { mismatch: 'payment' },
      });
    const { balancePaise } = await walletBalance(deps.db, topup.organizationId);
    return { status: 'credited', balancePaise, topupId, amountPaise: topup.amountPaise };
  }
  let payment;
  try {
    payment = await deps.gateway.fetchPayment(body.razorpayPaymentId);
  } catch (error) {
    if (error instanceof PaymentGatewayError && error.kind === 'not_found')
      throw new AppError('PAYMENT_MISMATCH', {
        detail: 'Razorpay knows no such payment.',
        extensions: { mismatch: 'payment' },
      });
    throw gatewayUnavailable(error, 'fetch the payment');
  }
  const outcome = await creditFromPayment(deps, topup, payment);
  return {
    status: 'credited',
    balancePaise: outcome.balancePaise,
    topupId,
    amountPaise: topup.amountPaise,
  };
}
