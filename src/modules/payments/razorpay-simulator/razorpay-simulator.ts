import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Logger } from '../../../platform/logging/logger.js';
import type { VendorSimulator } from '../../../platform/sandbox/vendor-simulator.js';
import { hmacHex } from '../razorpay-signatures.js';
import { registerCheckoutPage } from './checkout-page.js';
import {
  errorBody,
  orderEntity,
  paymentEntity,
  refundEntity,
  type OrderRow,
  type PaymentRow,
} from './simulator-entities.js';
import { SimulatorStore } from './simulator-store.js';
import { deliverWebhooks, type DeliveryOptions, type WebhookEvent } from './simulator-webhooks.js';

export interface RazorpaySimulatorOptions {
  pool: pg.Pool;
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  logger?: Logger;
}

type Body = Record<string, unknown>;
const bodyOf = (request: FastifyRequest): Body =>
  request.body && typeof request.body === 'object' ? (request.body as Body) : {};

/**
 * A faithful Razorpay (`shared/reference/external-apis.md` §2 and §5 "Fake Razorpay"): the v1
 * orders, payments, capture and refund routes with Basic auth, validation and Razorpay's error
 * envelope; state in PostgreSQL; test controls under `/_sandbox/` (Basic auth too) to pay or
 * fail an order — returning the Checkout triple signed with the key secret — and to emit signed
 * webhooks to the app, shuffled, duplicated, tampered or retried; failure injection (5xx, hangs,
 * resets, failed refunds); and a checkout page (`/checkout`) a person uses in sandbox mode.
 */
export function razorpaySimulator(options: RazorpaySimulatorOptions): VendorSimulator {
  const store = new SimulatorStore(options.pool);
  return {
    name: 'razorpay',
    register(app) {
      registerApi(app, store, options);
      registerControls(app, store, options);
      registerCheckoutPage(app, store, options, (orderId, control) =>
        pay(store, options, orderId, control),
      );
    },
  };
}

function authorized(request: FastifyRequest, options: RazorpaySimulatorOptions): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Basic (.+)$/i.exec(header);
  if (!match?.[1]) return false;
  const expected = Buffer.from(`${options.keyId}:${options.keySecret}`);
  const given = Buffer.from(match[1], 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

const unauthorized = (reply: FastifyReply) =>
  reply.status(401).send(errorBody('The api key provided is invalid', { validation: false }));
const notFound = (reply: FastifyReply) =>
  reply.status(400).send(errorBody('The id provided does not exist', { validation: false }));

function registerApi(
  app: FastifyInstance,
  store: SimulatorStore,
  options: RazorpaySimulatorOptions,
) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/') && !request.url.startsWith('/_sandbox/')) return;
    if (!authorized(request, options)) return unauthorized(reply);
    if (!request.url.startsWith('/v1/')) return;
    const fault = await store.takeFault();
    if (fault === 'error_5xx')
      return reply.status(500).send(
        errorBody('The server encountered an error. The incident has been reported to admins.', {
          code: 'SERVER_ERROR',
          validation: false,
        }),
      );
    if (fault === 'reset') {
      request.raw.socket.destroy();
      return reply;
    }
    if (fault === 'hang') {
      // Never answers; the socket is dropped after a minute so the simulator can still stop.
      reply.hijack();
      setTimeout(() => request.raw.socket.destroy(), 60_000).unref();
      return reply;
    }
  });

  app.post('/v1/orders', async (request, reply) => {
    const body = bodyOf(request);
    const { amount, currency = 'INR', receipt = null, notes = {} } = body;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 100)
      return reply
        .status(400)
        .send(errorBody('The amount must be at least INR 1.00', { field: 'amount' }));
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
      return reply.status(400).send(errorBody('The currency is invalid', { field: 'currency' }));
    if (receipt !== null && (typeof receipt !== 'string' || receipt.length > 40))
      return reply
        .status(400)
        .send(
          errorBody('The receipt may not be greater than 40 characters.', { field: 'receipt' }),
        );
    const noteEntries = Array.isArray(notes) ? [] : Object.entries(notes as Body);
    if (
      typeof notes !== 'object' ||
      notes === null ||
      noteEntries.length > 15 ||
      noteEntries.some(([k, v]) => k.length > 256 || String(v).length > 256)
    )
      return reply.status(400).send(
        errorBody('The notes may not have more than 15 items of 256 characters.', {
          field: 'notes',
        }),
      );
    const order = await store.createOrder({
      amount,
      currency,
      receipt,
      notes: Object.fromEntries(noteEntries.map(([k, v]) => [k, String(v)])),
    });
    return orderEntity(order);
  });

  app.get('/v1/orders/:id', async (request, reply) => {
    const order = await store.order((request.params as { id: string }).id);
    return order ? orderEntity(order) : notFound(reply);
  });

  app.get('/v1/orders/:id/payments', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!(await store.order(id))) return notFound(reply);
    const items = (await store.orderPayments(id)).map(paymentEntity);
    return { entity: 'collection', count: items.length, items };
  });

  app.get('/v1/payments/:id', async (request, reply) => {
    const payment = await store.payment((request.params as { id: string }).id);
    return payment ? paymentEntity(payment) : notFound(reply);
  });

  app.post('/v1/payments/:id/capture', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { amount, currency } = bodyOf(request);
    const outcome = await store.transaction(async (tx) => {
      const payment = await store.payment(id, tx, true);
      if (!payment)
        return { error: errorBody('The id provided does not exist', { validation: false }) };
      if (payment.status === 'captured' || payment.captured)
        return { error: errorBody('This payment has already been captured') };
      if (payment.status !== 'authorized')
        return {
          error: errorBody(
            'Only payments which have been authorized and not yet captured can be captured',
          ),
        };
      if (amount !== Number(payment.amount))
        return {
          error: errorBody('Capture amount must be equal to the amount authorized', {
            field: 'amount',
          }),
        };
      if (currency !== undefined && currency !== payment.currency)
        return {
          error: errorBody('The currency does not match the payment', { field: 'currency' }),
        };
      const captured = await store.capture(tx, id);
      const order = await store.markOrder(tx, captured.order_id, 'paid', Number(captured.amount));
      return { captured, order };
    });
    if ('error' in outcome) return reply.status(400).send(outcome.error);
    void emit(store, options, capturedEvents(outcome.captured, outcome.order), {});
    return paymentEntity(outcome.captured);
  });

  app.post('/v1/payments/:id/refund', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = bodyOf(request);
    const key = request.headers['x-refund-idempotency'];
    const idempotencyKey = typeof key === 'string' ? key : null;
    if (idempotencyKey !== null && !/^[A-Za-z0-9_-]{10,40}$/.test(idempotencyKey))
      return reply
        .status(400)
        .send(errorBody('The idempotency key is invalid', { field: 'X-Refund-Idempotency' }));
    const requestBody = JSON.stringify(body);
    const outcome = await store.transaction(async (tx) => {
      if (idempotencyKey !== null) {
        const { rows } = await tx.client.query<{ locked: boolean }>(
          'select pg_try_advisory_xact_lock(hashtext($1)) as locked',
          [`rzp-refund:${idempotencyKey}`],
        );
        if (!rows[0]?.locked)
          return {
            status: 409,
            error: errorBody('A request with the same idempotency key is in progress', {
              validation: false,
            }),
          };
        const earlier = await store.refundByKey(tx, idempotencyKey);
        if (earlier) {
          if (earlier.request_body !== requestBody || earlier.payment_id !== id)
            return {
              status: 400,
              error: errorBody('The idempotency key was used with a different request', {
                field: 'X-Refund-Idempotency',
              }),
            };
          return { refund: earlier, replay: true };
        }
      }
      const payment = await store.payment(id, tx, true);
      if (!payment)
        return {
          status: 400,
          error: errorBody('The id provided does not exist', { validation: false }),
        };
      if (!payment.captured)
        return {
          status: 400,
          error: errorBody('The payment has not been captured, so it cannot be refunded', {
            field: 'payment_id',
          }),
        };
      const refundable = Number(payment.amount) - Number(payment.amount_refunded);
      const amount = body.amount === undefined ? refundable : body.amount;
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 100)
        return {
          status: 400,
          error: errorBody('The amount must be at least INR 1.00', { field: 'amount' }),
        };
      if (amount > refundable)
        return {
          status: 400,
          error: errorBody('The refund amount provided is greater than amount captured', {
            field: 'amount',
          }),
        };
      const refund = await store.insertRefund(tx, {
        paymentId: id,
        amount,
        currency: payment.currency,
        receipt: typeof body.receipt === 'string' ? body.receipt : null,
        notes: (body.notes && typeof body.notes === 'object' && !Array.isArray(body.notes)
          ? body.notes
          : {}) as Record<string, string>,
        idempotencyKey,
        requestBody,
      });
      return { refund, replay: false, payment };
    });
    if ('error' in outcome) return reply.status(outcome.status ?? 400).send(outcome.error);
    if (!outcome.replay) void settleLater(store, options, outcome.refund.id);
    return refundEntity(outcome.refund);
  });

  app.get('/v1/refunds/:id', async (request, reply) => {
    const refund = await store.refund((request.params as { id: string }).id);
    return refund ? refundEntity(refund) : notFound(reply);
  });

  app.get('/v1/payments/:id/refunds', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!(await store.payment(id))) return notFound(reply);
    const items = (await store.paymentRefunds(id)).map(refundEntity);
    return { entity: 'collection', count: items.length, items };
  });
}

/** A refund is `pending`, then (shortly after, like Razorpay's normal speed) processed or failed. */
async function settleLater(
  store: SimulatorStore,
  options: RazorpaySimulatorOptions,
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

function capturedEvents(payment: PaymentRow, order: OrderRow): WebhookEvent[] {
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
async function emit(
  store: SimulatorStore,
  options: RazorpaySimulatorOptions,
  events: WebhookEvent[],
  delivery: DeliveryOptions,
) {
  const target = await store.setting('webhook_url');
  if (!target) return [];
  return deliverWebhooks(target, options.webhookSecret, events, delivery, options.logger);
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
async function pay(
  store: SimulatorStore,
  options: RazorpaySimulatorOptions,
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

function registerControls(
  app: FastifyInstance,
  store: SimulatorStore,
  options: RazorpaySimulatorOptions,
) {
  app.post('/_sandbox/orders/:id/pay', async (request, reply) => {
    const result = await pay(
      store,
      options,
      (request.params as { id: string }).id,
      bodyOf(request) as PayControl,
    );
    return result ?? notFound(reply);
  });
  app.post('/_sandbox/orders/:id/fail', async (request, reply) => {
    const body = bodyOf(request) as PayControl;
    const result = await pay(store, options, (request.params as { id: string }).id, {
      ...body,
      fail: body.fail ?? {},
    });
    return result ?? notFound(reply);
  });
  app.post('/_sandbox/faults', async (request, reply) => {
    const { mode, times = 1 } = bodyOf(request);
    if (mode !== 'error_5xx' && mode !== 'hang' && mode !== 'reset' && mode !== 'none')
      return reply
        .status(400)
        .send(errorBody('mode is error_5xx, hang, reset or none', { field: 'mode' }));
    await store.setSetting('api_fault', String(mode), mode === 'none' ? 0 : Number(times));
    return { mode, times };
  });
  app.post('/_sandbox/refund-outcome', async (request, reply) => {
    const { outcome } = bodyOf(request);
    if (outcome !== 'processed' && outcome !== 'failed')
      return reply
        .status(400)
        .send(errorBody('outcome is processed or failed', { field: 'outcome' }));
    await store.setSetting('refund_outcome', outcome);
    return { outcome };
  });
  app.post('/_sandbox/webhook-url', async (request, reply) => {
    const { url } = bodyOf(request);
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      return reply.status(400).send(errorBody('url is an http(s) URL', { field: 'url' }));
    await store.setSetting('webhook_url', url);
    return { url };
  });
}

/** Tells the simulator (every process's, through PostgreSQL) where the app's webhook listens. */
export async function announceRazorpayWebhookUrl(pool: pg.Pool, url: string): Promise<void> {
  await new SimulatorStore(pool).setSetting('webhook_url', url);
}
