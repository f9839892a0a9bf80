import type { Logger } from '../../../platform/logging/logger.js';
import {
  orderEntity,
  paymentEntity,
  refundEntity,
  type OrderRow,
  type PaymentRow,
} from './simulator-entities.js';
import type { SimulatorStore } from './simulator-store.js';
import { deliverWebhooks, type DeliveryOptions, type WebhookEvent } from './simulator-webhooks.js';

/** What the simulator's event emission needs: the webhook secret (and a logger). */
export interface EmitterOptions {
  webhookSecret: string;
  logger?: Logger;
}

/** A refund is `pending`, then (shortly after, like Razorpay's normal speed) processed or failed. */
export async function settleLater(
  store: SimulatorStore,
  options: EmitterOptions,
  refundId: string,
) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    const outcome = (await store.setting('refund_outcome')) === 'failed' ? 'failed' : 'processed';
    const refund = await store.settleRefund(refundId, outcome);
    if (!refund) return;
    const payment = await store.payment(refund.payment_id);
    if (!payment) return;
    await emit(
      store,
      options,
      [
        {
          event: 'refund.created',
          contains: ['refund', 'payment'],
          payload: {
            refund: { entity: refundEntity({ ...refund, status: 'pending' }) },
            payment: { entity: paymentEntity(payment) },
          },
        },
        {
          event: `refund.${outcome}`,
          contains: ['refund', 'payment'],
          payload: {
            refund: { entity: refundEntity(refund) },
            payment: { entity: paymentEntity(payment) },
          },
        },
      ],
      {},
    );
  } catch (error) {
    options.logger?.warn({ err: error }, 'sandbox razorpay: refund settlement failed');
  }
}

export function capturedEvents(payment: PaymentRow, order: OrderRow): WebhookEvent[] {
  const entity = paymentEntity(payment);
  return [
    { event: 'payment.captured', contains: ['payment'], payload: { payment: { entity } } },
    {
      event: 'order.paid',
      contains: ['payment', 'order'],
      payload: { payment: { entity }, order: { entity: orderEntity(order) } },
    },
  ];
}

/** Delivers to the URL the app announced; nothing to do when no app listens yet. */
export async function emit(
  store: SimulatorStore,
  options: EmitterOptions,
  events: WebhookEvent[],
  delivery: DeliveryOptions,
) {
  const target = await store.setting('webhook_url');
  if (!target) return [];
  return deliverWebhooks(target, options.webhookSecret, events, delivery, options.logger);
}
