import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Logger } from '../../../platform/logging/logger.js';
import type { VendorSimulator } from '../../../platform/sandbox/vendor-simulator.js';
import { registerCheckoutPage } from './checkout-page.js';
import { pay, registerControls } from './simulator-controls.js';
import { capturedEvents, emit, settleLater } from './simulator-events.js';
import { errorBody, orderEntity, paymentEntity, refundEntity } from './simulator-entities.js';
import { SimulatorStore } from './simulator-store.js';

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

/** Tells the simulator (every process's, through PostgreSQL) where the app's webhook listens. */
export async function announceRazorpayWebhookUrl(pool: pg.Pool, url: string): Promise<void> {
  await new SimulatorStore(pool).setSetting('webhook_url', url);
}
