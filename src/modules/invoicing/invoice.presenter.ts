import { z } from 'zod';
import { amountInWords } from './amount-in-words.js';
import { gstStateNames } from './gst-states.js';
import type { InvoiceRow } from './invoice.repository.js';
import { invoiceKinds } from './invoicing.tables.js';

const party = {
  name: z.string(),
  gstin: z.string().nullable(),
  stateCode: z.string().describe('GST state code (first two digits of a GSTIN)'),
  state: z.string(),
  address: z.string().nullable(),
};

export const invoiceSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('`SF/26-27/000123`: series, financial year, consecutive number'),
  kind: z.enum(invoiceKinds),
  financialYear: z.string().describe('`2026-27`: April 2026 to March 2027'),
  issuedAt: z.iso.datetime(),
  organizationId: z.uuid(),
  supplier: z.object({ ...party, gstin: z.string(), address: z.string(), sandbox: z.boolean() }),
  recipient: z.object(party),
  placeOfSupply: z.object({ stateCode: z.string(), state: z.string() }),
  sac: z.string(),
  description: z.string(),
  source: z.object({ type: z.enum(['topup', 'shipment']), id: z.string() }),
  taxablePaise: z.number().int(),
  cgstPaise: z.number().int(),
  sgstPaise: z.number().int(),
  igstPaise: z.number().int(),
  totalPaise: z.number().int(),
  amountInWords: z.string(),
  paymentReference: z.string().nullable(),
});
export type InvoiceView = z.infer<typeof invoiceSchema>;

function stateName(code: string): string {
  return gstStateNames[code] ?? code;
}

export function presentInvoice(row: InvoiceRow): InvoiceView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    financialYear: row.financialYear,
    issuedAt: row.issuedAt.toISOString(),
    organizationId: row.organizationId,
    supplier: {
      name: row.supplierName,
      gstin: row.supplierGstin,
      stateCode: row.supplierStateCode,
      state: stateName(row.supplierStateCode),
      address: row.supplierAddress,
      sandbox: row.supplierSandbox,
    },
    recipient: {
      name: row.recipientName,
      gstin: row.recipientGstin,
      stateCode: row.recipientStateCode,
      state: stateName(row.recipientStateCode),
      address: row.recipientAddress,
    },
    placeOfSupply: {
      stateCode: row.placeOfSupplyStateCode,
      state: stateName(row.placeOfSupplyStateCode),
    },
    sac: row.sac,
    description: row.description,
    source: { type: row.sourceType, id: row.sourceId },
    taxablePaise: row.taxablePaise,
    cgstPaise: row.cgstPaise,
    sgstPaise: row.sgstPaise,
    igstPaise: row.igstPaise,
    totalPaise: row.totalPaise,
    amountInWords: amountInWords(row.totalPaise),
    paymentReference: row.paymentReference,
  };
}
