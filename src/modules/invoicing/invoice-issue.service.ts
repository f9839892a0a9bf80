import type { Tx } from '../../platform/db/transaction.js';
import { organizationTaxProfile } from '../identity/index.js';
import { addressOnRecord, type PostalAddress } from '../locations/index.js';
import { financialYearOf } from './financial-year.js';
import { gstStateCodeOf } from './gst-states.js';
import { formatInvoiceNumber, seriesOf } from './invoice-number.rules.js';
import type { InvoiceSupplier } from './invoice-supplier.js';
import {
  courierSac,
  InvoiceChargeError,
  placeOfSupply,
  shippingTaxLines,
  type TaxLines,
} from './invoice-tax.rules.js';
import { invoiceRepository, type InvoiceRow } from './invoice.repository.js';
import type { InvoiceKind } from './invoicing.tables.js';

/** The outcome of issuing: the invoice, and whether this call created it (false: it existed). */
export interface IssuedInvoice {
  applied: boolean;
  invoice: InvoiceRow;
}

export interface IssueShippingInvoiceInput {
  /** The platform as supplier (the container's `invoiceSupplier`). */
  supplier: InvoiceSupplier;
  /** The organization charged for the shipment (the recipient of the service). */
  organizationId: string;
  /** One tax invoice per shipment: a repeated call returns the first invoice. */
  shipmentId: string;
  /** The charge as captured from the hold (integer paise); GST must be 18 % of freight + margin. */
  freightPaise: number;
  marginPaise: number;
  gstPaise: number;
  /** Printed on the line, e.g. the AWB and route; defaults to the shipment id. */
  description?: string;
  /** When the charge was captured (the invoice date); defaults to now. */
  issuedAt?: Date;
}

export interface IssueReceiptVoucherInput {
  supplier: InvoiceSupplier;
  organizationId: string;
  /** One receipt voucher per top-up: a repeated call returns the first voucher. */
  topupId: string;
  amountPaise: number;
  razorpayPaymentId: string;
  /** When the money was credited (the voucher date); defaults to now. */
  issuedAt?: Date;
}

interface Draft {
  supplier: InvoiceSupplier;
  kind: InvoiceKind;
  organizationId: string;
  sourceType: 'topup' | 'shipment';
  sourceId: string;
  issuedAt: Date;
  description: string;
  paymentReference: string | null;
  /** The tax lines once the place of supply is known (intra-state or not). */
  lines: (intraState: boolean) => TaxLines;
}

function addressLine(address: PostalAddress): string {
  return [address.line1, address.line2, `${address.city}, ${address.state} ${address.pincode}`]
    .filter((part): part is string => part !== null && part !== '')
    .join(', ');
}

/**
 * Issues a document in the caller's transaction: recipient details copied from identity and
 * locations, tax lines by place of supply, then the number taken from the series counter (locked
 * until commit) and the row inserted right after it. Idempotent by source: an existing document
 * of the same kind and source is returned with `applied: false` and no number is used.
 */
async function issue(tx: Tx, draft: Draft): Promise<IssuedInvoice> {
  const existing = await invoiceRepository.findBySource(
    tx.db,
    draft.kind,
    draft.sourceType,
    draft.sourceId,
  );
  if (existing) return { applied: false, invoice: existing };

  const profile = await organizationTaxProfile(tx.db, draft.organizationId);
  if (!profile) throw new InvoiceChargeError(`no organization ${draft.organizationId}`);
  const address = await addressOnRecord(tx.db, draft.organizationId);
  const addressStateCode = address ? (gstStateCodeOf(address.state) ?? null) : null;
  const place = placeOfSupply({
    supplierStateCode: draft.supplier.stateCode,
    recipientGstin: profile.gstin,
    recipientAddressStateCode: addressStateCode,
  });
  const lines = draft.lines(place.stateCode === draft.supplier.stateCode);

  const series = seriesOf[draft.kind];
  const financialYear = financialYearOf(draft.issuedAt);
  const sequence = await invoiceRepository.allocateNumber(tx, series, financialYear);
  // Holding the counter lock, a concurrent issue of the same source has either committed (and is
  // visible to this new statement) or is still waiting behind us.
  const raced = await invoiceRepository.findBySource(
    tx.db,
    draft.kind,
    draft.sourceType,
    draft.sourceId,
  );
  if (raced) {
    await invoiceRepository.releaseNumber(tx, series, financialYear);
    return { applied: false, invoice: raced };
  }
  const invoice = await invoiceRepository.insert(tx, {
    organizationId: draft.organizationId,
    kind: draft.kind,
    series,
    financialYear,
    sequence,
    number: formatInvoiceNumber(series, financialYear, sequence),
    sourceType: draft.sourceType,
    sourceId: draft.sourceId,
    issuedAt: draft.issuedAt,
    supplierName: draft.supplier.name,
    supplierGstin: draft.supplier.gstin,
    supplierStateCode: draft.supplier.stateCode,
    supplierAddress: draft.supplier.address,
    supplierSandbox: draft.supplier.sandbox,
    recipientName: profile.legalName ?? profile.name,
    recipientGstin: profile.gstin,
    recipientStateCode: place.stateCode,
    recipientAddress: address ? addressLine(address) : null,
    placeOfSupplyStateCode: place.stateCode,
    sac: courierSac,
    description: draft.description,
    ...lines,
    paymentReference: draft.paymentReference,
  });
  return { applied: true, invoice };
}

/**
 * The tax invoice of a captured shipping charge, in the caller's transaction (issue 13 calls it
 * in the transaction that captures the hold, after the ledger posting and before its audit entry).
 * Taxable value = freight + margin, SAC 996812, GST 18 %: CGST 9 % + SGST 9 % when the place of
 * supply is the supplier's state, IGST 18 % otherwise. Throws `InvoiceChargeError` for figures
 * that are not whole paise or a GST that is not 18 % of the taxable value (half up to the paisa).
 */
export async function issueShippingInvoice(
  tx: Tx,
  input: IssueShippingInvoiceInput,
): Promise<IssuedInvoice> {
  // Checked before anything is read or locked: a bad charge fails fast.
  shippingTaxLines(input, true);
  return issue(tx, {
    supplier: input.supplier,
    kind: 'tax_invoice',
    organizationId: input.organizationId,
    sourceType: 'shipment',
    sourceId: input.shipmentId,
    issuedAt: input.issuedAt ?? new Date(),
    description: input.description ?? `Courier services, shipment ${input.shipmentId}`,
    paymentReference: null,
    lines: (intraState) => shippingTaxLines(input, intraState),
  });
}

/**
 * The receipt voucher of a wallet top-up (an advance received, Rule 50 CGST Rules), in the
 * caller's transaction. No tax is charged on it: GST is charged on each shipping invoice the
 * advance later pays for (docs/invoices.md says what finance must confirm about this).
 */
export async function issueReceiptVoucher(
  tx: Tx,
  input: IssueReceiptVoucherInput,
): Promise<IssuedInvoice> {
  if (!Number.isSafeInteger(input.amountPaise) || input.amountPaise <= 0)
    throw new InvoiceChargeError(
      `amountPaise must be a positive integer, got ${input.amountPaise}`,
    );
  return issue(tx, {
    supplier: input.supplier,
    kind: 'receipt_voucher',
    organizationId: input.organizationId,
    sourceType: 'topup',
    sourceId: input.topupId,
    issuedAt: input.issuedAt ?? new Date(),
    description: 'Advance received for courier services (SpareFlow wallet top-up)',
    paymentReference: input.razorpayPaymentId,
    lines: () => ({
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      totalPaise: input.amountPaise,
    }),
  });
}
