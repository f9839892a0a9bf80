import type { FastifyInstance } from 'fastify';
import { hmacHex } from '../razorpay-signatures.js';
import { errorBody, paymentEntity } from './simulator-entities.js';
import { capturedEvents, emit, type EmitterOptions } from './simulator-events.js';
import type { SimulatorStore } from './simulator-store.js';
import type { DeliveryOptions, WebhookEvent } from './simulator-webhooks.js';

type Body = Record<string, unknown>;
const bodyOf = (body: unknown): Body => (body && typeof body === 'object' ? (body as Body) : {});
const notFound = { error: errorBody('The id provided does not exist', { validation: false }) };

export interface ControlOptions extends EmitterOptions {
  keySecret: string;
}

export interface PayControl {
  /** Capture at once (default) or leave the payment `authorized` for the app to capture. */
  capture?: boolean;
  /** Test-only: a payment whose amount differs from the order's (Razorpay never does this). */
  amount?: number;
  /** Fail the payment instead (emits `payment.failed`). */
  fail?: { code?: string; description?: string };
  /** Webhook delivery: `false` sends none; `await` waits for the deliveries and reports them. */
  webhooks?: false | (DeliveryOptions & { await?: boolean });
}

/** The "customer pays" step of the checkout, shared by the control route and the checkout page. */
export async function pay(
  store: SimulatorStore,
  options: ControlOptions,
  orderId: string,
  control: PayControl,
) {
  const done = await store.transaction(async (tx) => {
    const order = await store.order(orderId, tx, true);
    if (!order) return undefined;
    const amount = control.amount ?? Number(order.amount);
    if (control.fail) {
      const payment = await store.insertPayment(tx, {
        order_id: orderId,
        amount,
        currency: order.currency,
        status: 'failed',
        captured: false,
        error_code: control.fail.code ?? 'BAD_REQUEST_ERROR',
        error_description:
          control.fail.description ?? 'Payment failed because the bank declined it',
        error_source: 'bank',
        error_step: 'payment_authorization',
        error_reason: 'payment_failed',
      });
      const updated = await store.markOrder(tx, orderId, 'attempted');
      return { payment, order: updated };
    }
    const authorizedRow = await store.insertPayment(tx, {
      order_id: orderId,
      amount,
      currency: order.currency,
      status: 'authorized',
      captured: false,
    });
    await store.markOrder(tx, orderId, 'attempted');
    if (control.capture === false) return { payment: authorizedRow, order, authorizedRow };
    const captured = await store.capture(tx, authorizedRow.id);
    const paid = await store.markOrder(tx, orderId, 'paid', amount);
    return { payment: captured, order: paid, authorizedRow };
  });
  if (!done) return undefined;
  const events: WebhookEvent[] = [];
  if (control.fail)
    events.push({
      event: 'payment.failed',
      contains: ['payment'],
      payload: { payment: { entity: paymentEntity(done.payment) } },
    });
  else {
    events.push({
      event: 'payment.authorized',
      contains: ['payment'],
      payload: { payment: { entity: paymentEntity(done.authorizedRow ?? done.payment) } },
    });
    if (done.payment.captured) events.push(...capturedEvents(done.payment, done.order));
  }
  const delivery = control.webhooks === false ? undefined : (control.webhooks ?? {});
  const deliveries = delivery
    ? delivery.await
      ? await emit(store, options, events, delivery)
      : (void emit(store, options, events, delivery), [])
    : [];
  return {
    razorpay_order_id: orderId,
    razorpay_payment_id: done.payment.id,
    razorpay_signature: hmacHex(options.keySecret, `${orderId}|${done.payment.id}`),
    payment: paymentEntity(done.payment),
    deliveries,
  };
}

export function registerControls(
  app: FastifyInstance,
  store: SimulatorStore,
  options: ControlOptions,
) {
  app.post('/_sandbox/orders/:id/pay', async (request, reply) => {
    const result = await pay(
      store,
      options,
      (request.params as { id: string }).id,
      bodyOf(request.body) as PayControl,
    );
    return result ?? reply.status(400).send(notFound);
  });
  app.post('/_sandbox/orders/:id/fail', async (request, reply) => {
    const body = bodyOf(request.body) as PayControl;
    const result = await pay(store, options, (request.params as { id: string }).id, {
      ...body,
      fail: body.fail ?? {},
    });
    return result ?? reply.status(400).send(notFound);
  });
  app.post('/_sandbox/faults', async (request, reply) => {
    const { mode, times = 1 } = bodyOf(request.body);
    if (mode !== 'error_5xx' && mode !== 'hang' && mode !== 'reset' && mode !== 'none')
      return reply
        .status(400)
        .send(errorBody('mode is error_5xx, hang, reset or none', { field: 'mode' }));
    await store.setSetting('api_fault', String(mode), mode === 'none' ? 0 : Number(times));
    return { mode, times };
  });
  app.post('/_sandbox/refund-outcome', async (request, reply) => {
    const { outcome } = bodyOf(request.body);
    if (outcome !== 'processed' && outcome !== 'failed')
      return reply
        .status(400)
        .send(errorBody('outcome is processed or failed', { field: 'outcome' }));
    await store.setSetting('refund_outcome', outcome);
    return { outcome };
  });
  app.post('/_sandbox/webhook-url', async (request, reply) => {
    const { url } = bodyOf(request.body);
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      return reply.status(400).send(errorBody('url is an http(s) URL', { field: 'url' }));
    await store.setSetting('webhook_url', url);
    return { url };
  });
}
