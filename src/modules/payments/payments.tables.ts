import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';

/**
 * Life of a top-up: `creating` (our row exists, the Razorpay order is being created outside any
 * transaction) → `created` (order id stored; the customer pays) → `credited` (the wallet was
 * credited once, by verification or webhook, whichever came first) — or `failed` (the order
 * could not be created, or the payment failed; a failed payment may still be retried on the same
 * order, so `failed` after `created` can become `credited`).
 */
export const topupStatuses = ['creating', 'created', 'credited', 'failed'] as const;
export type TopupStatus = (typeof topupStatuses)[number];

export const paymentTopups = pgTable(
  'payment_topups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('INR'),
    status: text('status', { enum: topupStatuses }).notNull().default('creating'),
    razorpayOrderId: text('razorpay_order_id'),
    razorpayPaymentId: text('razorpay_payment_id'),
    /**
     * Set by the one request that calls Razorpay to create the order (a conditional update), so
     * concurrent replays of the same top-up never create two orders.
     */
    orderRequestedAt: timestamp('order_requested_at', { withTimezone: true }),
    /** True when the order lives at the sandbox simulator, never at Razorpay. */
    sandbox: boolean('sandbox').notNull(),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    creditedAt: timestamp('credited_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_topups_order_uq').on(t.razorpayOrderId),
    uniqueIndex('payment_topups_payment_uq').on(t.razorpayPaymentId),
    index('payment_topups_org_created_idx').on(t.organizationId, t.createdAt),
    check('payment_topups_amount_ck', sql`${t.amountPaise} > 0`),
    check('payment_topups_currency_ck', sql`${t.currency} = 'INR'`),
    check(
      'payment_topups_credited_ck',
      sql`(${t.status} = 'credited') = (${t.creditedAt} is not null and ${t.razorpayPaymentId} is not null)`,
    ),
    check(
      'payment_topups_order_ck',
      sql`${t.status} in ('creating', 'failed') or ${t.razorpayOrderId} is not null`,
    ),
  ],
);

/**
 * A refund of (part of) a credited top-up: `requested` (wallet debited, the Razorpay call is a
 * job) → `pending` (Razorpay accepted it) → `processed` (settled in the ledger) or `failed`
 * (reversed to the wallet).
 */
export const refundStatuses = ['requested', 'pending', 'processed', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topupId: uuid('topup_id')
      .notNull()
      .references(() => paymentTopups.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: refundStatuses }).notNull().default('requested'),
    razorpayRefundId: text('razorpay_refund_id'),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payment_refunds_razorpay_uq').on(t.razorpayRefundId),
    index('payment_refunds_topup_idx').on(t.topupId),
    check('payment_refunds_amount_ck', sql`${t.amountPaise} > 0`),
  ],
);

/**
 * Every Razorpay webhook delivery we accepted, by `X-Razorpay-Event-Id`: the dedupe table. The
 * raw body is kept for the job that applies it (and for a person reading what Razorpay said).
 */
export const razorpayWebhookEvents = pgTable('razorpay_webhook_events', {
  eventId: text('event_id').primaryKey(),
  event: text('event').notNull(),
  payload: jsonb('payload').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
});

/** The last reconciliation run's findings (one row per mismatch), replaced by each run. */
export const paymentReconciliationFindings = pgTable('payment_reconciliation_findings', {
  id: uuid('id').primaryKey().defaultRandom(),
  runAt: timestamp('run_at', { withTimezone: true }).notNull(),
  kind: text('kind').notNull(),
  topupId: uuid('topup_id'),
  refundId: uuid('refund_id'),
  gatewayId: text('gateway_id'),
  detail: text('detail').notNull(),
});
