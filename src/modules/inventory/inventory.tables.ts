import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';
import { apiKeys } from '../identity/session.tables.js';
import { locations } from '../locations/location.tables.js';
import { parts } from '../catalog/catalog.tables.js';

/**
 * What a movement did. `adjustment` carries a reason code; reservations move stock between
 * available and reserved; transfers go out of one location into the other's in-transit and are
 * received from there; a count applies the difference between counted and recorded stock. A
 * reservation handed from one document to another is a pair at one level: `reservation_handover`
 * (reserved −q, the giving document) and `reservation_takeover` (reserved +q, the taking one).
 */
export const movementKinds = [
  'adjustment',
  'reservation',
  'release',
  'consumption',
  'transfer_out',
  'transfer_in_transit',
  'transfer_receipt',
  'count',
  'import',
  'reservation_handover',
  'reservation_takeover',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/** Reason codes of adjustments (api-v1) — counts and imports use `count_correction`. */
export const adjustmentReasons = [
  'receipt',
  'count_correction',
  'damage',
  'loss',
  'return_restock',
] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

/**
 * Stock of one part at one location: the derived counters of the ledger, written in the same
 * transaction as each movement. The CHECK constraints are the last wall against overselling:
 * whatever the code does, PostgreSQL refuses a negative or over-reserved level.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    inTransit: integer('in_transit').notNull().default(0),
    minQuantity: integer('min_quantity'),
    maxQuantity: integer('max_quantity'),
    reorderPoint: integer('reorder_point'),
    /** Moving-average cost of one unit on hand (valuation), in paise. */
    averageCostPaise: bigint('average_cost_paise', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.locationId, table.partId] }),
    index('stock_levels_organization_part_idx').on(table.organizationId, table.partId),
    index('stock_levels_part_idx').on(table.partId),
    check('stock_levels_on_hand_non_negative', sql`${table.onHand} >= 0`),
    check('stock_levels_reserved_non_negative', sql`${table.reserved} >= 0`),
    check('stock_levels_reserved_within_on_hand', sql`${table.reserved} <= ${table.onHand}`),
    check('stock_levels_in_transit_non_negative', sql`${table.inTransit} >= 0`),
    check(
      'stock_levels_thresholds_check',
      sql`(${table.minQuantity} is null or ${table.minQuantity} >= 0)
        and (${table.maxQuantity} is null or ${table.maxQuantity} >= 0)
        and (${table.reorderPoint} is null or ${table.reorderPoint} >= 0)
        and (${table.minQuantity} is null or ${table.maxQuantity} is null or ${table.minQuantity} <= ${table.maxQuantity})`,
    ),
    check('stock_levels_average_cost_non_negative', sql`${table.averageCostPaise} >= 0`),
  ],
);

/**
 * The append-only stock ledger (a trigger refuses UPDATE and DELETE): every change to a level is
 * one row here with the signed change of each counter, so the levels can always be recomputed
 * from it (the reconciler does, and reports any drift).
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MovementKind>().notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    inTransitDelta: integer('in_transit_delta').notNull().default(0),
    reason: text('reason').$type<AdjustmentReason>(),
    note: text('note'),
    /**
     * What the movement belongs to: `shipment`, `spare_request`, `adjustment`, `transfer`, `count`,
     * `import_job`, or an integrator's own document type. For a movement that changes `reserved`
     * it is the document whose reservation changed (`stock_reservations`).
     */
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    /** Cost of one unit received (receipts), in paise; feeds the moving average. */
    unitCostPaise: bigint('unit_cost_paise', { mode: 'number' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorApiKeyId: uuid('actor_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('stock_movements_location_part_idx').on(table.locationId, table.partId, table.id),
    index('stock_movements_organization_idx').on(table.organizationId, table.id),
    index('stock_movements_reference_idx').on(table.referenceType, table.referenceId),
    check(
      'stock_movements_kind_check',
      sql`${table.kind} in ('adjustment','reservation','release','consumption','transfer_out','transfer_in_transit','transfer_receipt','count','import','reservation_handover','reservation_takeover')`,
    ),
  ],
);

/**
 * A document's reservation: the stock one document (a shipment, a spare request, an integrator's
 * order…) of one organization holds, line by line in `stock_reservation_lines`. The row is the
 * document's lock: every reservation operation locks its documents' rows (ordered by type, id)
 * before the stock levels, so release, consume and handover never read a stale holding.
 */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** `shipment`, `spare_request`, … or an integrator's own type (never one of SpareFlow's over HTTP). */
    documentType: text('document_type').notNull(),
    documentId: text('document_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('stock_reservations_document_idx').on(
      table.organizationId,
      table.documentType,
      table.documentId,
    ),
  ],
);

/**
 * What a document still holds of one part at one location. Written only by the ledger
 * (`applyStockChanges`), in the transaction of the movements that change it, so `held` always
 * equals the sum of the `reserved_delta` of the document's movements at that level, and the sum of
 * `held` over the documents equals the level's `reserved`. The CHECK is the last wall: no release,
 * consumption or handover takes more than the document holds.
 */
export const stockReservationLines = pgTable(
  'stock_reservation_lines',
  {
    reservationId: uuid('reservation_id')
      .notNull()
      .references(() => stockReservations.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    held: integer('held').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.reservationId, table.locationId, table.partId] }),
    index('stock_reservation_lines_level_idx').on(table.locationId, table.partId),
    check('stock_reservation_lines_held_non_negative', sql`${table.held} >= 0`),
  ],
);

export const transferStatuses = ['in_transit', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** A move of stock between two of one organization's own locations, through in-transit. */
export const stockTransfers = pgTable(
  'stock_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fromLocationId: uuid('from_location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    toLocationId: uuid('to_location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    status: text('status').$type<TransferStatus>().notNull().default('in_transit'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (table) => [
    index('stock_transfers_organization_idx').on(table.organizationId, table.createdAt),
    check(
      'stock_transfers_distinct_locations',
      sql`${table.fromLocationId} <> ${table.toLocationId}`,
    ),
    check(
      'stock_transfers_status_check',
      sql`${table.status} in ('in_transit','received','cancelled')`,
    ),
  ],
);

export const stockTransferLines = pgTable(
  'stock_transfer_lines',
  {
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => stockTransfers.id, { onDelete: 'cascade' }),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.transferId, table.partId] }),
    check('stock_transfer_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/** A cycle count: counted quantities per part, applied as `count` movements for the difference. */
export const stockCounts = pgTable(
  'stock_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('stock_counts_organization_idx').on(table.organizationId, table.createdAt)],
);

export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    countId: uuid('count_id')
      .notNull()
      .references(() => stockCounts.id, { onDelete: 'cascade' }),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    countedQuantity: integer('counted_quantity').notNull(),
    /** On hand as recorded when the count was applied; the movement is the difference. */
    recordedQuantity: integer('recorded_quantity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countId, table.partId] }),
    check('stock_count_lines_counted_non_negative', sql`${table.countedQuantity} >= 0`),
  ],
);
