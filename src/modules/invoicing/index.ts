/**
 * The invoicing module's public surface: GST tax invoices for shipping charges and receipt
 * vouchers for wallet top-ups, numbered per series and financial year without gaps, as JSON and
 * PDF (docs/invoices.md). Shipments (issue 13) call `issueShippingInvoice` in the transaction that
 * captures the charge, after the ledger posting and before the audit entry; the composition root
 * builds the supplier from configuration (`invoiceSupplierFrom`), subscribes
 * `receiptVoucherSubscriber` to the event bus, adds the doctor checks (numbering without gaps, sandbox
 * supplier) and registers the routes.
 */
export {
  issueReceiptVoucher,
  issueShippingInvoice,
  type IssuedInvoice,
  type IssueReceiptVoucherInput,
  type IssueShippingInvoiceInput,
} from './invoice-issue.service.js';
export { InvoiceChargeError } from './invoice-tax.rules.js';
export { invoiceSupplierFrom, sandboxSupplier, type InvoiceSupplier } from './invoice-supplier.js';
export {
  invoiceNumberingDoctorCheck,
  invoiceSupplierDoctorCheck,
} from './invoice-numbering.doctor-check.js';
export { receiptVoucherSubscriber } from './receipt-voucher.subscriber.js';
export { registerInvoiceRoutes, type InvoicingRouteDeps } from './invoice.routes.js';
export type { InvoiceView } from './invoice.presenter.js';
