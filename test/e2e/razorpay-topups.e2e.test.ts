import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { walletBalance } from '../../src/modules/ledger/index.js';
import { reconcilePayments } from '../../src/modules/payments/index.js';
import { apiCaller, type ApiResponse } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const payments = () => testApp().container.payments;
const pool = () => testApp().container.database.pool;

let owner: TestMember;
let admin: TestMember;
let organizationId: string;

beforeAll(async () => {
  const brand = await makeOrganization(testApp().container, 'brand', ['owner', 'viewer']);
  owner = brand.members.owner as TestMember;
  organizationId = brand.organizationId;
  const platform = await makeOrganization(testApp().container, 'platform', ['owner']);
  admin = platform.members.owner as TestMember;
});

const auth = (member: TestMember) => ({ bearer: member.accessToken });
const balance = async () =>
  (await walletBalance(testApp().container.database.db, organizationId)).balancePaise;
const entriesFor = async (topupId: string) =>
  Number(
    (
      await pool().query<{ n: string }>(
        `select count(*)::text as n from domain_events where type = 'payments.topup_credited' and aggregate_id = $1`,
        [topupId],
      )
    ).rows[0]?.n,
  );

/** The sandbox Razorpay's test controls (Basic auth with the sandbox keys). */
async function simulator(path: string, body: unknown = {}) {
  const { gateway, keySecret } = payments();
  const response = await fetch(`${testApp().container.sandbox.baseUrl('razorpay')}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${gateway.keyId}:${keySecret}`).toString('base64')}`,
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    razorpay_order_id: string;
    razorpay_payment_id: string;
    razorpay_signature: string;
    deliveries: Array<{ status: number }>;
  };
}

async function startTopup(amountPaise: number, key?: string) {
  const response = await fetch(`${testApp().url}/api/v1/wallet/topups`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${owner.accessToken}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ amountPaise }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as ApiResponse['json'],
  };
}

const verify = (topupId: string, body: { razorpayPaymentId: string; razorpaySignature: string }) =>
  call('POST', `/api/v1/wallet/topups/${topupId}/verify`, auth(owner), body);

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Posts a webhook body to the app signed with the webhook secret (or a wrong one). */
async function postWebhook(
  event: string,
  payload: unknown,
  options: { eventId?: string; secret?: string } = {},
) {
  const body = JSON.stringify({
    entity: 'event',
    account_id: 'acc_Test',
    event,
    contains: [],
    payload,
    created_at: 1,
  });
  const signature = crypto
    .createHmac('sha256', options.secret ?? payments().webhookSecret)
    .update(body)
    .digest('hex');
  const response = await fetch(`${testApp().url}/api/v1/webhooks/razorpay`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': signature,
      'x-razorpay-event-id': options.eventId ?? `evt_${crypto.randomBytes(7).toString('hex')}`,
    },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('wallet top-ups through Razorpay (sandbox simulator)', () => {
  it('creates an order for the top-up and credits the wallet once on verification', async () => {
    const before = await balance();
    const created = await startTopup(50_000);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      amountPaise: 50_000,
      currency: 'INR',
      sandbox: true,
      keyId: payments().gateway.keyId,
      razorpayOrderId: expect.stringMatching(/^order_[A-Za-z0-9]{14}$/),
      checkoutUrl: expect.stringContaining('/checkout?order_id=order_'),
    });
    const order = await payments().gateway.fetchOrder(created.json.razorpayOrderId);
    expect(order).toMatchObject({ amountPaise: 50_000, receipt: created.json.topupId });

    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    const triple = {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    };
    const verified = await verify(created.json.topupId, triple);
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ status: 'credited', balancePaise: before + 50_000 });

    const replay = await verify(created.json.topupId, triple);
    expect(replay).toMatchObject({
      status: 200,
      json: { status: 'credited', balancePaise: before + 50_000 },
    });
    expect(await balance()).toBe(before + 50_000);
    expect(await entriesFor(created.json.topupId)).toBe(1);

    const listed = await call('GET', '/api/v1/wallet/topups', auth(owner));
    expect(listed.json.items[0]).toMatchObject({ id: created.json.topupId, status: 'credited' });
    const one = await call('GET', `/api/v1/wallet/topups/${created.json.topupId}`, auth(owner));
    expect(one.json).toMatchObject({
      status: 'credited',
      razorpayPaymentId: paid.razorpay_payment_id,
    });
  });

  it('a replayed creation with the same Idempotency-Key returns the same order', async () => {
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([startTopup(20_000, key), startTopup(20_000, key)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json.razorpayOrderId).toBe(a.json.razorpayOrderId);
    expect(b.json.topupId).toBe(a.json.topupId);
  });

  it('refuses a bad signature with 400 INVALID_SIGNATURE and credits nothing', async () => {
    const created = await startTopup(30_000);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    const before = await balance();
    const forged = await verify(created.json.topupId, {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: crypto.createHmac('sha256', 'not-the-secret').update('x').digest('hex'),
    });
    expect(forged).toMatchObject({ status: 400, json: { code: 'INVALID_SIGNATURE' } });
    expect(await balance()).toBe(before);
  });

  it('refuses a payment of another amount (or of another order) with no effect', async () => {
    const created = await startTopup(40_000);
    const cheaper = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      amount: 100,
      webhooks: false,
    });
    const before = await balance();
    const refused = await verify(created.json.topupId, {
      razorpayPaymentId: cheaper.razorpay_payment_id,
      razorpaySignature: cheaper.razorpay_signature,
    });
    expect(refused).toMatchObject({
      status: 409,
      json: { code: 'PAYMENT_MISMATCH', mismatch: 'amount' },
    });

    // A genuine, signed payment of ANOTHER top-up's order does not credit this one: the
    // signature is computed over our stored order id, so it does not even verify.
    const other = await startTopup(40_000);
    const otherPaid = await simulator(`/_sandbox/orders/${other.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    const crossed = await verify(created.json.topupId, {
      razorpayPaymentId: otherPaid.razorpay_payment_id,
      razorpaySignature: otherPaid.razorpay_signature,
    });
    expect(crossed).toMatchObject({ status: 400, json: { code: 'INVALID_SIGNATURE' } });
    expect(await balance()).toBe(before);
    const still = await call('GET', `/api/v1/wallet/topups/${created.json.topupId}`, auth(owner));
    expect(still.json.status).toBe('created');
  });

  it('refuses a failed payment with PAYMENT_NOT_CAPTURED', async () => {
    const created = await startTopup(15_000);
    const failed = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/fail`, {
      webhooks: false,
    });
    const refused = await verify(created.json.topupId, {
      razorpayPaymentId: failed.razorpay_payment_id,
      razorpaySignature: failed.razorpay_signature,
    });
    expect(refused).toMatchObject({
      status: 409,
      json: { code: 'PAYMENT_NOT_CAPTURED', paymentStatus: 'failed' },
    });
  });

  it('Razorpay down during creation → 503 with Retry-After, the top-up failed, nothing half-written', async () => {
    await simulator('/_sandbox/faults', { mode: 'error_5xx', times: 1 });
    const before = await balance();
    const down = await startTopup(25_000);
    expect(down.status).toBe(503);
    expect(down.json.code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    expect(Number(down.retryAfter)).toBeGreaterThan(0);
    const { rows } = await pool().query<{ status: string; razorpay_order_id: string | null }>(
      `select status, razorpay_order_id from payment_topups where organization_id = $1 and amount_paise = 25000`,
      [organizationId],
    );
    expect(rows).toEqual([{ status: 'failed', razorpay_order_id: null }]);
    expect(await balance()).toBe(before);
    await simulator('/_sandbox/faults', { mode: 'none' });
  });

  it('a webhook delivered three times, twice concurrently, credits once', async () => {
    const before = await balance();
    const created = await startTopup(60_000);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: { await: true, duplicate: 2, shuffle: true },
    });
    // payment.authorized, payment.captured, order.paid — each delivered 3 times, all 2xx.
    expect(paid.deliveries).toHaveLength(9);
    expect(paid.deliveries.every((d) => d.status === 200)).toBe(true);
    const credited = await eventually(balance, (b) => b === before + 60_000);
    expect(credited).toBe(before + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await balance()).toBe(before + 60_000);
    expect(await entriesFor(created.json.topupId)).toBe(1);
    // The browser's verification afterwards answers the same, crediting nothing.
    const late = await verify(created.json.topupId, {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    expect(late).toMatchObject({ status: 200, json: { balancePaise: before + 60_000 } });
  });

  it('order.paid before payment.captured → one credit; a bad webhook signature → 400, no effect', async () => {
    const before = await balance();
    const created = await startTopup(70_000);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    const payment = {
      entity: {
        id: paid.razorpay_payment_id,
        order_id: created.json.razorpayOrderId,
        amount: 70_000,
        currency: 'INR',
        status: 'captured',
      },
    };

    const tampered = await postWebhook(
      'order.paid',
      { payment, order: { entity: { id: created.json.razorpayOrderId } } },
      { secret: 'wrong' },
    );
    expect(tampered).toMatchObject({ status: 400, json: { code: 'INVALID_SIGNATURE' } });
    const stored = await pool().query(
      `select 1 from razorpay_webhook_events where payload->'payload'->'order'->'entity'->>'id' = $1`,
      [created.json.razorpayOrderId],
    );
    expect(stored.rowCount).toBe(0);

    expect(
      (
        await postWebhook('order.paid', {
          payment,
          order: { entity: { id: created.json.razorpayOrderId } },
        })
      ).status,
    ).toBe(200);
    expect((await postWebhook('payment.captured', { payment })).status).toBe(200);
    await eventually(balance, (b) => b === before + 70_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await balance()).toBe(before + 70_000);
    expect(await entriesFor(created.json.topupId)).toBe(1);
  });

  it('verifications racing the webhooks credit once', async () => {
    const before = await balance();
    const created = await startTopup(45_600);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    const triple = {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    };
    const payment = {
      entity: { id: paid.razorpay_payment_id, order_id: created.json.razorpayOrderId },
    };
    const results = await Promise.all([
      verify(created.json.topupId, triple),
      verify(created.json.topupId, triple),
      postWebhook('payment.captured', { payment }),
      postWebhook('order.paid', {
        payment,
        order: { entity: { id: created.json.razorpayOrderId } },
      }),
      verify(created.json.topupId, triple),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await balance()).toBe(before + 45_600);
    expect(await entriesFor(created.json.topupId)).toBe(1);
  });

  it('an authorized payment reported by webhook is captured and credited', async () => {
    const before = await balance();
    const created = await startTopup(12_300);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      capture: false,
      webhooks: { await: true },
    });
    await eventually(balance, (b) => b === before + 12_300);
    expect(await balance()).toBe(before + 12_300);
    expect((await payments().gateway.fetchPayment(paid.razorpay_payment_id)).status).toBe(
      'captured',
    );
  });

  it('a platform administrator refunds part of a top-up: wallet debited, Razorpay refunds, settled', async () => {
    const created = await startTopup(80_000);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    await verify(created.json.topupId, {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    const before = await balance();
    const forbidden = await call(
      'POST',
      `/api/v1/admin/topups/${created.json.topupId}/refunds`,
      auth(owner),
      { amountPaise: 10_000, reason: 'customer asked' },
    );
    expect(forbidden.status).toBe(403);
    const tooMuch = await call(
      'POST',
      `/api/v1/admin/topups/${created.json.topupId}/refunds`,
      auth(admin),
      { amountPaise: 90_000, reason: 'customer asked' },
    );
    expect(tooMuch).toMatchObject({
      status: 409,
      json: { code: 'REFUND_NOT_ALLOWED', refundablePaise: 80_000 },
    });
    const refund = await call(
      'POST',
      `/api/v1/admin/topups/${created.json.topupId}/refunds`,
      auth(admin),
      { amountPaise: 30_000, reason: 'customer asked' },
    );
    expect(refund).toMatchObject({
      status: 201,
      json: { status: 'requested', amountPaise: 30_000 },
    });
    expect(await balance()).toBe(before - 30_000);
    const settled = await eventually(
      async () =>
        (
          await pool().query<{ status: string }>(
            'select status from payment_refunds where id = $1',
            [refund.json.id],
          )
        ).rows[0]?.status,
      (status) => status === 'processed',
    );
    expect(settled).toBe('processed');
    expect(await balance()).toBe(before - 30_000);
    const refunds = await payments().gateway.fetchPaymentRefunds(paid.razorpay_payment_id);
    expect(refunds).toEqual([
      expect.objectContaining({
        amountPaise: 30_000,
        status: 'processed',
        receipt: refund.json.id,
      }),
    ]);
  });

  it('a refund Razorpay fails is reversed: the money returns to the wallet once', async () => {
    const created = await startTopup(50_000);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    await verify(created.json.topupId, {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    await simulator('/_sandbox/refund-outcome', { outcome: 'failed' });
    const before = await balance();
    const refund = await call(
      'POST',
      `/api/v1/admin/topups/${created.json.topupId}/refunds`,
      auth(admin),
      { amountPaise: 20_000, reason: 'duplicate payment' },
    );
    expect(refund.status).toBe(201);
    expect(await balance()).toBe(before - 20_000);
    const status = await eventually(
      async () =>
        (
          await pool().query<{ status: string }>(
            'select status from payment_refunds where id = $1',
            [refund.json.id],
          )
        ).rows[0]?.status,
      (s) => s === 'failed',
    );
    expect(status).toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await balance()).toBe(before);
    await simulator('/_sandbox/refund-outcome', { outcome: 'processed' });
  });

  it('the daily reconciliation credits a captured payment nobody verified and reports it', async () => {
    const before = await balance();
    const created = await startTopup(33_300);
    const paid = await simulator(`/_sandbox/orders/${created.json.razorpayOrderId}/pay`, {
      webhooks: false,
    });
    expect(await balance()).toBe(before);
    const findings = await reconcilePayments(payments());
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'paid_but_not_credited',
        topupId: created.json.topupId,
        gatewayId: paid.razorpay_payment_id,
      }),
    );
    // Earlier tests left paid-but-unverified top-ups too: each healed one is credited once.
    const healed = findings.filter((f) => f.kind === 'paid_but_not_credited');
    const { rows } = await pool().query<{ total: string }>(
      'select coalesce(sum(amount_paise), 0)::text as total from payment_topups where id = any($1)',
      [healed.map((f) => f.topupId)],
    );
    expect(Number(rows[0]?.total)).toBeGreaterThanOrEqual(33_300);
    expect(await balance()).toBe(before + Number(rows[0]?.total));
    const report = await call('GET', '/api/v1/admin/payments/reconciliation', auth(admin));
    expect(report.status).toBe(200);
    expect(report.json.runAt).toEqual(expect.any(String));
    expect(report.json.mismatches).toContainEqual(
      expect.objectContaining({ kind: 'paid_but_not_credited', topupId: created.json.topupId }),
    );
    expect((await call('GET', '/api/v1/admin/payments/reconciliation', auth(owner))).status).toBe(
      403,
    );
    // A second run finds it settled.
    const again = await reconcilePayments(payments());
    expect(again.filter((f) => f.topupId === created.json.topupId)).toEqual([]);
  });
});
