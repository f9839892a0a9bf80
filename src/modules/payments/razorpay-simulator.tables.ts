import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * State of the sandbox Razorpay simulator. In PostgreSQL, not in memory, so every process of one
 * installation (API servers, workers) sees the same orders and payments and they survive a
 * restart. Columns mirror Razorpay's entities (amounts in paise, `created_at` in unix seconds).
 * Nothing here is ever a real payment.
 */
export const sandboxRazorpayOrders = pgTable(
  'sandbox_razorpay_orders',
  {
    id: text('id').primaryKey(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    receipt: text('receipt'),
    notes: jsonb('notes').notNull(),
    status: text('status').notNull().default('created'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [check('sandbox_razorpay_orders_amount_ck', sql`${t.amount} >= 100`)],
);

export const sandboxRazorpayPayments = pgTable('sandbox_razorpay_payments', {
  id: text('id').primaryKey(),
  orderId: text('order_id')
    .notNull()
    .references(() => sandboxRazorpayOrders.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  status: text('status').notNull(),
  captured: boolean('captured').notNull().default(false),
  amountRefunded: bigint('amount_refunded', { mode: 'number' }).notNull().default(0),
  refundStatus: text('refund_status'),
  method: text('method').notNull().default('upi'),
  errorCode: text('error_code'),
  errorDescription: text('error_description'),
  errorSource: text('error_source'),
  errorStep: text('error_step'),
  errorReason: text('error_reason'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

export const sandboxRazorpayRefunds = pgTable('sandbox_razorpay_refunds', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id')
    .notNull()
    .references(() => sandboxRazorpayPayments.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  status: text('status').notNull(),
  receipt: text('receipt'),
  notes: jsonb('notes').notNull(),
  /** `X-Refund-Idempotency` and the body it came with: same key + same body → same refund. */
  idempotencyKey: text('idempotency_key').unique(),
  requestBody: text('request_body'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/**
 * Settings shared by every process: failure injection (`api_fault`: the next `remaining` API
 * calls, test controls excepted, answer with `value` — `error_5xx`, `hang` or `reset`),
 * `refund_outcome` (`processed` or `failed` for new refunds) and `webhook_url` (where signed
 * webhooks go: the app announces its own `/api/v1/webhooks/razorpay` when it starts listening).
 */
export const sandboxRazorpaySettings = pgTable('sandbox_razorpay_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  remaining: integer('remaining').notNull().default(0),
});
