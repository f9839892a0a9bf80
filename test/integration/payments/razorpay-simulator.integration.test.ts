import Fastify from 'fastify';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundHttpClient } from '../../../src/platform/outbound-http/outbound-http-client.js';
import { OutboundHttpMetrics } from '../../../src/platform/outbound-http/outbound-http-metrics.js';
import { SandboxHost } from '../../../src/platform/sandbox/sandbox-host.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { RazorpayAdapter } from '../../../src/modules/payments/razorpay.adapter.js';
import { PaymentGatewayError } from '../../../src/modules/payments/payment-gateway.port.js';
import {
  announceRazorpayWebhookUrl,
  razorpaySimulator,
} from '../../../src/modules/payments/razorpay-simulator/razorpay-simulator.js';
import {
  checkoutSignatureValid,
  webhookSignatureValid,
} from '../../../src/modules/payments/razorpay-signatures.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
const credentials = { keyId: 'rzp_test_Sandbox0000000', keySecret: 'key-secret-for-tests' };
const webhookSecret = 'webhook-secret-for-tests';
const logger = createLogger({ level: 'silent' });

let host: SandboxHost;
let baseUrl: string;
let gateway: RazorpayAdapter;
let http: OutboundHttpClient;
const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
const receiver = Fastify();
receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) =>
  done(null, body),
);
/** Answers 500 to the first delivery of each event while `failFirst` is on (Razorpay retries). */
let failFirst = false;
const seen = new Set<unknown>();
receiver.post('/hook', async (request, reply) => {
  received.push({ headers: request.headers, body: request.body as string });
  const id = request.headers['x-razorpay-event-id'];
  if (failFirst && !seen.has(id)) {
    seen.add(id);
    return reply.status(500).send({ ok: false });
  }
  return { ok: true };
});

const control = async (path: string, body: unknown = {}) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${credentials.keyId}:${credentials.keySecret}`).toString('base64')}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  host = await SandboxHost.start(
    [razorpaySimulator({ pool: database().pool, ...credentials, webhookSecret })],
    logger,
  );
  baseUrl = host.baseUrl('razorpay');
  http = new OutboundHttpClient({
    vendor: 'razorpay',
    baseUrl,
    allowLoopback: true,
    timeoutMs: 1000,
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    metrics: new OutboundHttpMetrics(new client.Registry()),
  });
  gateway = new RazorpayAdapter(http, credentials);
  const hookUrl = await receiver.listen({ host: '127.0.0.1', port: 0 });
  await announceRazorpayWebhookUrl(database().pool, `${hookUrl}/hook`);
});
afterAll(async () => {
  await http.close();
  await host.stop();
  await receiver.close();
});

describe('Razorpay simulator through the Razorpay adapter', () => {
  it('creates and fetches an order with Razorpay-shaped ids and fields', async () => {
    const order = await gateway.createOrder({
      amountPaise: 50_000,
      currency: 'INR',
      receipt: 'topup-1',
      notes: { organizationId: 'o1' },
    });
    expect(order.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(order).toMatchObject({
      amountPaise: 50_000,
      amountPaidPaise: 0,
      status: 'created',
      receipt: 'topup-1',
    });
    expect(await gateway.fetchOrder(order.id)).toEqual(order);
  });

  it('refuses bad credentials with 401 and the invalid-key envelope', async () => {
    const wrong = new RazorpayAdapter(http, { keyId: credentials.keyId, keySecret: 'nope' });
    const error = await wrong.fetchOrder('order_AAAAAAAAAAAAAA').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentGatewayError);
    expect(error).toMatchObject({
      kind: 'misconfigured',
      details: { status: 401, code: 'BAD_REQUEST_ERROR' },
    });
  });

  it('validates the amount like Razorpay (field amount, below ₹1 refused)', async () => {
    const error = await gateway
      .createOrder({ amountPaise: 99, currency: 'INR', receipt: 'r', notes: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rejected', details: { field: 'amount' } });
    expect(String((error as Error).message)).toContain('at least INR 1.00');
  });

  it('pays an order: signed checkout triple, captured payment, signed webhooks in any order', async () => {
    received.length = 0;
    const order = await gateway.createOrder({
      amountPaise: 25_000,
      currency: 'INR',
      receipt: 't2',
      notes: {},
    });
    const paid = await control(`/_sandbox/orders/${order.id}/pay`, {
      webhooks: { await: true, shuffle: true },
    });
    expect(paid.status).toBe(200);
    const paymentId = String(paid.json.razorpay_payment_id);
    expect(paymentId).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    expect(
      checkoutSignatureValid(
        credentials.keySecret,
        order.id,
        paymentId,
        String(paid.json.razorpay_signature),
      ),
    ).toBe(true);
    expect(await gateway.fetchPayment(paymentId)).toMatchObject({
      status: 'captured',
      captured: true,
      amountPaise: 25_000,
      orderId: order.id,
    });
    expect(await gateway.fetchOrder(order.id)).toMatchObject({
      status: 'paid',
      amountPaidPaise: 25_000,
    });
    expect((await gateway.fetchOrderPayments(order.id)).map((p) => p.id)).toEqual([paymentId]);
    const events = received.map((r) => (JSON.parse(r.body) as { event: string }).event).sort();
    expect(events).toEqual(['order.paid', 'payment.authorized', 'payment.captured']);
    for (const delivery of received)
      expect(
        webhookSignatureValid(
          webhookSecret,
          delivery.body,
          String(delivery.headers['x-razorpay-signature']),
        ),
      ).toBe(true);
    expect(new Set(received.map((r) => r.headers['x-razorpay-event-id'])).size).toBe(3);
  });

  it('leaves a payment authorized for the app to capture, for exactly its amount', async () => {
    const order = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't3',
      notes: {},
    });
    const paid = await control(`/_sandbox/orders/${order.id}/pay`, {
      capture: false,
      webhooks: false,
    });
    const paymentId = String(paid.json.razorpay_payment_id);
    expect((await gateway.fetchPayment(paymentId)).status).toBe('authorized');
    await expect(gateway.capturePayment(paymentId, 9_999, 'INR')).rejects.toMatchObject({
      kind: 'rejected',
    });
    expect(await gateway.capturePayment(paymentId, 10_000, 'INR')).toMatchObject({
      status: 'captured',
    });
    await expect(gateway.capturePayment(paymentId, 10_000, 'INR')).rejects.toMatchObject({
      kind: 'rejected',
    });
  });

  it('refunds idempotently by X-Refund-Idempotency and refuses more than captured', async () => {
    const order = await gateway.createOrder({
      amountPaise: 30_000,
      currency: 'INR',
      receipt: 't4',
      notes: {},
    });
    const paid = await control(`/_sandbox/orders/${order.id}/pay`, { webhooks: false });
    const paymentId = String(paid.json.razorpay_payment_id);
    const first = await gateway.createRefund(paymentId, {
      amountPaise: 10_000,
      idempotencyKey: 'refund_key_0001',
    });
    expect(first.id).toMatch(/^rfnd_[A-Za-z0-9]{14}$/);
    const again = await gateway.createRefund(paymentId, {
      amountPaise: 10_000,
      idempotencyKey: 'refund_key_0001',
    });
    expect(again.id).toBe(first.id);
    await expect(
      gateway.createRefund(paymentId, { amountPaise: 12_000, idempotencyKey: 'refund_key_0001' }),
    ).rejects.toMatchObject({ kind: 'rejected' });
    await expect(
      gateway.createRefund(paymentId, { amountPaise: 25_000, idempotencyKey: 'refund_key_0002' }),
    ).rejects.toMatchObject({ kind: 'rejected', details: { field: 'amount' } });
    await new Promise((r) => setTimeout(r, 150));
    expect(await gateway.fetchRefund(first.id)).toMatchObject({
      status: 'processed',
      amountPaise: 10_000,
    });
    expect((await gateway.fetchPaymentRefunds(paymentId)).map((r) => r.id)).toEqual([first.id]);
    expect((await gateway.fetchPayment(paymentId)).amountRefundedPaise).toBe(10_000);
  });

  it('fails a payment with Razorpay error fields', async () => {
    const order = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't5',
      notes: {},
    });
    const failed = await control(`/_sandbox/orders/${order.id}/fail`, { webhooks: false });
    const payment = await gateway.fetchPayment(String(failed.json.razorpay_payment_id));
    expect(payment).toMatchObject({ status: 'failed', captured: false });
    expect(payment.errorCode).toBeTruthy();
    expect((await gateway.fetchOrder(order.id)).status).toBe('attempted');
  });

  it('injected 5xx faults are retried by the client for reads; a hang becomes unavailable', async () => {
    const order = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't6',
      notes: {},
    });
    await control('/_sandbox/faults', { mode: 'error_5xx', times: 2 });
    expect((await gateway.fetchOrder(order.id)).id).toBe(order.id);
    await control('/_sandbox/faults', { mode: 'error_5xx', times: 1 });
    await expect(
      gateway.createOrder({ amountPaise: 10_000, currency: 'INR', receipt: 't7', notes: {} }),
    ).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
    await control('/_sandbox/faults', { mode: 'hang', times: 3 });
    await expect(gateway.fetchOrder(order.id)).rejects.toMatchObject({ kind: 'unavailable' });
    await control('/_sandbox/faults', { mode: 'none' });
  });

  it('keeps its state in PostgreSQL: a second simulator process sees the same order', async () => {
    const order = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't8',
      notes: {},
    });
    const second = await SandboxHost.start(
      [razorpaySimulator({ pool: database().pool, ...credentials, webhookSecret })],
      logger,
    );
    const other = new OutboundHttpClient({
      vendor: 'razorpay',
      baseUrl: second.baseUrl('razorpay'),
      allowLoopback: true,
    });
    expect(await new RazorpayAdapter(other, credentials).fetchOrder(order.id)).toEqual(order);
    await other.close();
    await second.stop();
  });

  it('retries a delivery the app answered with non-2xx, and can tamper or duplicate', async () => {
    const order = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't9',
      notes: {},
    });
    received.length = 0;
    failFirst = true;
    const paid = await control(`/_sandbox/orders/${order.id}/pay`, { webhooks: { await: true } });
    failFirst = false;
    const deliveries = paid.json.deliveries as Array<{ status: number; attempts: number }>;
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      [200, 2],
      [200, 2],
      [200, 2],
    ]);
    expect(received).toHaveLength(6);

    const other = await gateway.createOrder({
      amountPaise: 10_000,
      currency: 'INR',
      receipt: 't10',
      notes: {},
    });
    received.length = 0;
    await control(`/_sandbox/orders/${other.id}/pay`, {
      webhooks: { await: true, tamper: true, duplicate: 1, attempts: 1 },
    });
    expect(received).toHaveLength(6);
    for (const delivery of received)
      expect(
        webhookSignatureValid(
          webhookSecret,
          delivery.body,
          String(delivery.headers['x-razorpay-signature']),
        ),
      ).toBe(false);
    expect(new Set(received.map((r) => r.headers['x-razorpay-event-id'])).size).toBe(3);
  });

  it('serves a checkout page that pays the order and hands back the signed triple', async () => {
    const order = await gateway.createOrder({
      amountPaise: 12_345,
      currency: 'INR',
      receipt: 't11',
      notes: {},
    });
    const page = await fetch(
      `${baseUrl}/checkout?order_id=${order.id}&key_id=${credentials.keyId}&origin=http://localhost:3000`,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SANDBOX');
    expect(html).toContain('₹123.45');
    expect(html).toContain('"origin":"http://localhost:3000"');
    const wrongKey = await fetch(`${baseUrl}/checkout/${order.id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key_id: 'rzp_test_other' }),
    });
    expect(wrongKey.status).toBe(401);
    const pay = await fetch(`${baseUrl}/checkout/${order.id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key_id: credentials.keyId }),
    });
    const triple = (await pay.json()) as Record<string, string>;
    expect(
      checkoutSignatureValid(
        credentials.keySecret,
        order.id,
        String(triple.razorpay_payment_id),
        String(triple.razorpay_signature),
      ),
    ).toBe(true);
    expect((await gateway.fetchOrder(order.id)).status).toBe('paid');
  });
});
