import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { organizations } from '../identity/identity.tables.js';

/** `receipt_voucher`: an advance received (a wallet top-up); `tax_invoice`: a supply of service. */
export const invoiceKinds = ['receipt_voucher', 'tax_invoice'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * One counter per numbering series and financial year (`SF` / `2026-27`). The number of a new
 * document is taken from here in the transaction that inserts the document, holding this row's
 * lock until commit: concurrent documents wait in line, and a rolled-back one gives its number
 * back, so numbers are consecutive with no gap and no repeat (Rule 46(b) CGST Rules).
 */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    series: text('series').notNull(),
    /** `2026-27`: April 2026 to March 2027 (India's financial year). */
    financialYear: text('financial_year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.series, table.financialYear] }),
    check('invoice_counters_last_number_positive', sql`${table.lastNumber} >= 0`),
  ],
);

/**
 * The issued documents. The row IS the record: every figure and both parties' details are copied
 * in at issue (a later GSTIN or address change never rewrites an issued invoice); the PDF is a
 * view rendered from it on demand. Rows are never updated or deleted (a trigger refuses both).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').$type<InvoiceKind>().notNull(),
    series: text('series').notNull(),
    financialYear: text('financial_year').notNull(),
    sequence: integer('sequence').notNull(),
    /** `SF/26-27/000123`: series, financial year, sequence (at most 16 characters). */
    number: text('number').notNull(),
    /** What it documents: `topup` (receipt voucher) or `shipment` (tax invoice), and its id. */
    sourceType: text('source_type').$type<'topup' | 'shipment'>().notNull(),
    sourceId: text('source_id').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierGstin: text('supplier_gstin').notNull(),
    supplierStateCode: text('supplier_state_code').notNull(),
    supplierAddress: text('supplier_address').notNull(),
    /** Issued with the sandbox supplier defaults: the PDF says so on every page. */
    supplierSandbox: boolean('supplier_sandbox').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientGstin: text('recipient_gstin'),
    recipientStateCode: text('recipient_state_code').notNull(),
    recipientAddress: text('recipient_address'),
    /** State code of the place of supply; equal to the supplier's → CGST + SGST, else IGST. */
    placeOfSupplyStateCode: text('place_of_supply_state_code').notNull(),
    sac: text('sac').notNull(),
    description: text('description').notNull(),
    taxablePaise: bigint('taxable_paise', { mode: 'number' }).notNull(),
    cgstPaise: bigint('cgst_paise', { mode: 'number' }).notNull(),
    sgstPaise: bigint('sgst_paise', { mode: 'number' }).notNull(),
    igstPaise: bigint('igst_paise', { mode: 'number' }).notNull(),
    totalPaise: bigint('total_paise', { mode: 'number' }).notNull(),
    /** The Razorpay payment of a top-up (receipt vouchers only). */
    paymentReference: text('payment_reference'),
  },
  (table) => [
    uniqueIndex('invoices_number_unique').on(table.number),
    uniqueIndex('invoices_series_sequence_unique').on(
      table.series,
      table.financialYear,
      table.sequence,
    ),
    // One document per top-up and per shipment: issuing twice returns the first.
    uniqueIndex('invoices_source_unique').on(table.kind, table.sourceType, table.sourceId),
    index('invoices_organization_idx').on(table.organizationId, table.issuedAt, table.id),
    index('invoices_issued_idx').on(table.issuedAt, table.id),
    check('invoices_kind_check', sql`${table.kind} in ('receipt_voucher','tax_invoice')`),
    check('invoices_source_type_check', sql`${table.sourceType} in ('topup','shipment')`),
    check('invoices_sequence_positive', sql`${table.sequence} >= 1`),
    check(
      'invoices_amounts_non_negative',
      sql`${table.taxablePaise} >= 0 and ${table.cgstPaise} >= 0 and ${table.sgstPaise} >= 0 and ${table.igstPaise} >= 0 and ${table.totalPaise} > 0`,
    ),
    check(
      'invoices_total_adds_up',
      sql`${table.totalPaise} = ${table.taxablePaise} + ${table.cgstPaise} + ${table.sgstPaise} + ${table.igstPaise} or ${table.kind} = 'receipt_voucher'`,
    ),
    // A receipt voucher documents money received, no tax charged (docs/invoices.md).
    check(
      'invoices_receipt_voucher_untaxed',
      sql`${table.kind} <> 'receipt_voucher' or (${table.taxablePaise} = 0 and ${table.cgstPaise} = 0 and ${table.sgstPaise} = 0 and ${table.igstPaise} = 0)`,
    ),
    // Either CGST + SGST (intra-state) or IGST (inter-state), never both.
    check(
      'invoices_one_tax_regime',
      sql`${table.igstPaise} = 0 or (${table.cgstPaise} = 0 and ${table.sgstPaise} = 0)`,
    ),
  ],
);
