import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';

/**
 * The kinds of account. Each organization has two wallet accounts (money it may spend, and money
 * held for bookings not yet charged); the platform has one account of each other kind. Balances
 * are credits − debits: wallets (what SpareFlow owes its customers) and revenue, tax and refund
 * accounts run positive, the gateway clearing account (money Razorpay owes SpareFlow) and manual
 * adjustments (money SpareFlow gave away or took) run negative.
 */
export const accountKinds = [
  'wallet_available',
  'wallet_held',
  'gateway_clearing',
  'refunds_payable',
  'freight_revenue',
  'margin',
  'gst_payable',
  'adjustments',
] as const;
export type AccountKind = (typeof accountKinds)[number];
export const walletAccountKinds = ['wallet_available', 'wallet_held'] as const;
export type WalletAccountKind = (typeof walletAccountKinds)[number];
export type PlatformAccountKind = Exclude<AccountKind, WalletAccountKind>;

/** What a posting was: the statement's `type`. */
export const postingKinds = [
  'topup',
  'refund',
  'refund_settled',
  'refund_reversed',
  'hold',
  'capture',
  'release',
  'adjustment_credit',
  'adjustment_debit',
] as const;
export type PostingKind = (typeof postingKinds)[number];

/**
 * Accounts. Wallet accounts cache their balance (`balance_paise`, written by the one writer in
 * the transaction of each posting, CHECKed ≥ 0: the last wall against spending money that is not
 * there). Platform accounts cache nothing (`balance_paise` null): every posting of the country
 * touches one of them, and a cached balance there would be one hot row serialising them all; their
 * balance is the sum of their entries, read when an administrator asks (ADR 0011).
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    kind: text('kind').$type<AccountKind>().notNull(),
    balancePaise: bigint('balance_paise', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ledger_accounts_wallet_key')
      .on(table.organizationId, table.kind)
      .where(sql`${table.organizationId} is not null`),
    uniqueIndex('ledger_accounts_platform_key')
      .on(table.kind)
      .where(sql`${table.organizationId} is null`),
    check(
      'ledger_accounts_kind_check',
      sql`${table.kind} in ('wallet_available','wallet_held','gateway_clearing','refunds_payable','freight_revenue','margin','gst_payable','adjustments')`,
    ),
    check(
      'ledger_accounts_owner_check',
      sql`(${table.kind} in ('wallet_available','wallet_held')) = (${table.organizationId} is not null)
        and (${table.organizationId} is not null) = (${table.balancePaise} is not null)`,
    ),
    check(
      'ledger_accounts_wallet_non_negative',
      sql`${table.balancePaise} is null or ${table.balancePaise} >= 0`,
    ),
  ],
);

/**
 * One balanced transfer: its entries sum to zero (a deferred constraint trigger checks at commit).
 * `reference` is unique, so a retried posting is applied once. A posting touches at most one
 * organization's wallet; `wallet_delta_paise` is what it changed of that wallet's balance
 * (available + held) and `wallet_balance_after_paise` the balance after — the statement's line.
 * Append-only, like its entries.
 */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reference: text('reference').notNull(),
    kind: text('kind').$type<PostingKind>().notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    walletDeltaPaise: bigint('wallet_delta_paise', { mode: 'number' }).notNull().default(0),
    walletBalanceAfterPaise: bigint('wallet_balance_after_paise', { mode: 'number' }),
    description: text('description'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ledger_postings_reference_key').on(table.reference),
    index('ledger_postings_statement_idx')
      .on(table.organizationId, table.id)
      .where(sql`${table.walletDeltaPaise} <> 0`),
    check(
      'ledger_postings_kind_check',
      sql`${table.kind} in ('topup','refund','refund_settled','refund_reversed','hold','capture','release','adjustment_credit','adjustment_debit')`,
    ),
    check(
      'ledger_postings_wallet_check',
      sql`(${table.organizationId} is null) = (${table.walletBalanceAfterPaise} is null)
        and (${table.organizationId} is not null or ${table.walletDeltaPaise} = 0)`,
    ),
  ],
);

/**
 * Entries: signed integer paise, credit positive. `balance_after_paise` is the account's cached
 * balance right after this entry (wallet accounts only). Append-only: a trigger refuses UPDATE and
 * DELETE; a correction is a new posting.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    postingId: bigint('posting_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerPostings.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    balanceAfterPaise: bigint('balance_after_paise', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ledger_entries_posting_idx').on(table.postingId),
    index('ledger_entries_account_idx').on(table.accountId, table.id),
    check('ledger_entries_amount_non_zero', sql`${table.amountPaise} <> 0`),
  ],
);

export const holdStatuses = ['held', 'captured', 'released'] as const;
export type HoldStatus = (typeof holdStatuses)[number];

/**
 * Money held on a wallet for a booking (`reference`, e.g. `shipment:<id>`) until it is captured
 * (charged) or released. The row is the hold's document: capture and release lock it first.
 */
export const ledgerHolds = pgTable(
  'ledger_holds',
  {
    reference: text('reference').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    status: text('status').$type<HoldStatus>().notNull().default('held'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    index('ledger_holds_open_idx')
      .on(table.organizationId)
      .where(sql`${table.status} = 'held'`),
    check('ledger_holds_amount_positive', sql`${table.amountPaise} > 0`),
    check('ledger_holds_status_check', sql`${table.status} in ('held','captured','released')`),
  ],
);

/** Per-organization wallet settings: the low-balance alert threshold. */
export const walletSettings = pgTable(
  'wallet_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    lowBalanceThresholdPaise: bigint('low_balance_threshold_paise', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('wallet_settings_threshold_non_negative', sql`${table.lowBalanceThresholdPaise} >= 0`),
  ],
);
