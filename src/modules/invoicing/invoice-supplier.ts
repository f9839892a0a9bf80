import type { AppConfig } from '../../config/config.js';
import { gstinProblem } from '../identity/index.js';
import { gstStateCodeOf } from './gst-states.js';

/** The platform as it appears as supplier on every invoice it issues. */
export interface InvoiceSupplier {
  name: string;
  gstin: string;
  /** GST state code: the first two digits of the GSTIN. */
  stateCode: string;
  address: string;
  /** Sandbox values (no `INVOICE_SUPPLIER_*` configured): every PDF says SANDBOX. */
  sandbox: boolean;
}

/**
 * What a sandbox system issues invoices as. The GSTIN has a valid checksum so the documents look
 * like real ones to the code reading them, and is not registered to anybody; every PDF issued with
 * it carries a SANDBOX banner.
 */
export const sandboxSupplier: InvoiceSupplier = {
  name: 'SpareFlow Sandbox Logistics (SANDBOX)',
  gstin: '29AAECS0000A1Z8',
  stateCode: '29',
  address: 'Sandbox address, 1 MG Road, Bengaluru, Karnataka 560001',
  sandbox: true,
};

/**
 * The supplier from configuration, checked: a GSTIN with a valid checksum, and a state that is
 * the GSTIN's (an invoice naming one state and a GSTIN of another would split tax wrongly).
 * Throws at start-up, naming the variable, when they do not fit.
 */
export function invoiceSupplierFrom(configured: AppConfig['invoiceSupplier']): InvoiceSupplier {
  if (!configured) return sandboxSupplier;
  const gstin = configured.gstin.trim().toUpperCase();
  const problem = gstinProblem(gstin);
  if (problem) throw new Error(`INVOICE_SUPPLIER_GSTIN: ${problem}`);
  const stateCode = gstStateCodeOf(configured.state);
  if (!stateCode)
    throw new Error(
      `INVOICE_SUPPLIER_STATE: "${configured.state}" is not an Indian state or union territory`,
    );
  if (stateCode !== gstin.slice(0, 2))
    throw new Error(
      `INVOICE_SUPPLIER_STATE: ${configured.state} is GST state ${stateCode}, but the GSTIN is registered in state ${gstin.slice(0, 2)}`,
    );
  return {
    name: configured.name,
    gstin,
    stateCode,
    address: configured.address,
    sandbox: false,
  };
}
