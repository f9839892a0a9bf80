import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The outbox: every domain event, written in the same transaction as the state change it
 * describes. Subscribers are fanned out as durable jobs in that same transaction; the table is
 * also the permanent record later capabilities (webhooks, analytics) can replay from.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    /** Monotonic position, useful for replay in commit-ish order. */
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique().defaultRandom(),
    type: text('type').notNull(),
    version: integer('version').notNull().default(1),
    organizationId: uuid('organization_id'),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('domain_events_type_idx').on(table.type, table.position),
    index('domain_events_aggregate_idx').on(table.aggregateType, table.aggregateId),
  ],
);

/**
 * Receipts of job side effects that must happen once. A handler writes its receipt in the same
 * transaction as its effect; a redelivered job (at-least-once) finds the receipt and skips.
 */
export const jobReceipts = pgTable('job_receipts', {
  key: text('key').primaryKey(),
  queue: text('queue').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});
