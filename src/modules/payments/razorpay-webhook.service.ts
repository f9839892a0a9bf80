import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, isAppError } from '../../platform/errors/app-error.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import type { PaymentsDeps } from './payments.deps.js';
import { razorpayWebhookEvents } from './payments.tables.js';
import { webhookSignatureValid } from './razorpay-signatures.js';
import { creditFromPayment } from './topup-credit.service.js';
import { topupRepository } from './topup.repository.js';
import { applyRefundOutcome } from './refund.service.js';

export const webhookJobName = 'payments.razorpay_webhook';

const envelopeSchema = z.object({
  event: z.string().max(100),
  payload: z
    .object({
      payment: z
        .object({
          entity: z
            .object({
              id: z.string(),
              order_id: z.string().nullable().optional(),
              error_description: z.string().nullable().optional(),
            })
            .loose(),
        })
        .optional(),
      order: z.object({ entity: z.object({ id: z.string() }).loose() }).optional(),
      refund: z
        .object({ entity: z.object({ id: z.string(), status: z.string().optional() }).loose() })
        .optional(),
    })
    .loose(),
});
type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Accepts one webhook delivery: the signature is an HMAC of the raw bytes with the webhook secret
 * (constant-time compare; INVALID_SIGNATURE, nothing stored, otherwise), the event is stored once
 * by `X-Razorpay-Event-Id` and its job enqueued in the same transaction. Returns at once, so
 * Razorpay gets its 2xx well within 5 s; a duplicate (even a concurrent one) is a no-op.
 */
export async function acceptWebhook(
  deps: PaymentsDeps,
  delivery: { rawBody: string; signature: string | undefined; eventId: string | undefined },
): Promise<{ duplicate: boolean }> {
  if (
    !delivery.signature ||
    !webhookSignatureValid(deps.webhookSecret, delivery.rawBody, delivery.signature)
  )
    throw new AppError('INVALID_SIGNATURE', {
      detail: 'X-Razorpay-Signature does not match the body.',
    });
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || !delivery.eventId || delivery.eventId.length > 100)
    throw new AppError('VALIDATION_FAILED', {
      detail: 'Not a Razorpay webhook envelope with an X-Razorpay-Event-Id.',
    });
  const eventId = delivery.eventId;
  return inTransaction(deps.pool, async (tx) => {
    const inserted = await tx.db
      .insert(razorpayWebhookEvents)
      .values({ eventId, event: envelope.data.event, payload: json as object })
      .onConflictDoNothing()
      .returning({ eventId: razorpayWebhookEvents.eventId });
    if (inserted.length === 0) return { duplicate: true };
    await deps.jobs.enqueue(tx, webhookJobName, { eventId });
    return { duplicate: false };
  });
}

/**
 * Applies a stored event, in any order and any number of times: every payment event of a top-up
 * leads to the same check-capture-credit as verification (one credit however many arrive),
 * `payment.failed` marks a not-yet-credited top-up failed, refund events settle or reverse our
 * refund. A Razorpay outage throws, so the job retries; a payment that cannot count (mismatch,
 * not captured) is logged and the event closed.
 */
export async function applyWebhookEvent(deps: PaymentsDeps, eventId: string): Promise<void> {
  const [row] = await deps.db
    .select()
    .from(razorpayWebhookEvents)
    .where(eq(razorpayWebhookEvents.eventId, eventId));
  if (!row || row.processedAt) return;
  const envelope = envelopeSchema.parse(row.payload);
  try {
    await dispatch(deps, envelope);
  } catch (error) {
    if (!isAppError(error) || error.code === 'PAYMENT_GATEWAY_UNAVAILABLE') throw error;
    deps.logger.warn(
      { eventId, event: envelope.event, code: error.code },
      'Razorpay event not applied',
    );
  }
  await deps.db
    .update(razorpayWebhookEvents)
    .set({ processedAt: sql`now()` })
    .where(eq(razorpayWebhookEvents.eventId, eventId));
}

async function dispatch(deps: PaymentsDeps, envelope: Envelope): Promise<void> {
  const payment = envelope.payload.payment?.entity;
  switch (envelope.event) {
    case 'payment.authorized':
    case 'payment.captured':
    case 'order.paid': {
      const orderId = envelope.payload.order?.entity.id ?? payment?.order_id;
      if (!orderId || !payment) return;
      const topup = await topupRepository.findByOrder(deps.db, orderId);
      if (!topup || topup.status === 'credited') return;
      // The payload is signed, but Razorpay's current state is the truth: fetch it.
      const fetched = await deps.gateway.fetchPayment(payment.id).catch((error: unknown) => {
        throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { cause: error });
      });
      await creditFromPayment(deps, topup, fetched);
      return;
    }
    case 'payment.failed': {
      if (!payment?.order_id) return;
      const topup = await topupRepository.findByOrder(deps.db, payment.order_id);
      if (topup?.status === 'created')
        await topupRepository.markFailed(
          deps.db,
          topup.id,
          `payment failed: ${payment.error_description ?? 'declined'}`,
        );
      return;
    }
    case 'refund.processed':
    case 'refund.failed': {
      const refund = envelope.payload.refund?.entity;
      if (refund) await applyRefundOutcome(deps, refund.id);
      return;
    }
    default:
      return;
  }
}

export function razorpayWebhookJob(deps: PaymentsDeps) {
  return defineJob({
    name: webhookJobName,
    payload: z.object({ eventId: z.string().min(1).max(100) }),
    retryLimit: 8,
    retryDelaySeconds: 10,
    handler: async ({ eventId }) => applyWebhookEvent(deps, eventId),
  });
}
