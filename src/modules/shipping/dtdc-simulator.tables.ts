import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
} from 'drizzle-orm/pg-core';

/**
 * State of the sandbox DTDC simulator. In PostgreSQL, not in memory, so every process of one
 * installation (API servers, workers, test instances) sees the same consignments, tokens, clock
 * and injected faults, and they survive a restart. Nothing here is ever a real consignment.
 */
export const sandboxDtdcConsignments = pgTable(
  'sandbox_dtdc_consignments',
  {
    awb: text('awb').primaryKey(),
    customerCode: text('customer_code').notNull(),
    customerReference: text('customer_reference').notNull(),
    serviceType: text('service_type').notNull(),
    consignmentType: text('consignment_type').notNull(),
    numPieces: integer('num_pieces').notNull(),
    originPincode: text('origin_pincode').notNull(),
    destinationPincode: text('destination_pincode').notNull(),
    /** `deliver`, `ndr` (one failed attempt, then delivered) or `rto` (returned to origin). */
    script: text('script').notNull().default('deliver'),
    /** Simulator-clock milliseconds (wall clock plus the control offset) at booking. */
    bookedAt: bigint('booked_at', { mode: 'number' }).notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    /** The softdata consignment exactly as received. */
    body: jsonb('body').notNull(),
  },
  (t) => [unique('sandbox_dtdc_consignments_reference_uq').on(t.customerCode, t.customerReference)],
);

/** Tracking tokens minted by `authenticate`, with their expiry on the simulator clock. */
export const sandboxDtdcTokens = pgTable('sandbox_dtdc_tokens', {
  token: text('token').primaryKey(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
});

/**
 * One row of simulator settings by name: `awb_sequence`, `clock_offset_ms`, `token_ttl_ms`,
 * `duplicate_reference` (`reject` | `original`), `second_cancel` (`fail` | `noop`).
 */
export const sandboxDtdcSettings = pgTable('sandbox_dtdc_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/** Injected faults, taken oldest first by the next matching call (`endpoint` or `any`). */
export const sandboxDtdcFaults = pgTable('sandbox_dtdc_faults', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  endpoint: text('endpoint').notNull(),
  fault: text('fault').notNull(),
  delayMs: integer('delay_ms').notNull().default(0),
  remaining: integer('remaining').notNull().default(1),
});

/** Every API request as received (endpoint, headers without secrets, body), for tests. */
export const sandboxDtdcRequests = pgTable('sandbox_dtdc_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  endpoint: text('endpoint').notNull(),
  body: jsonb('body'),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
});
