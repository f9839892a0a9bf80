/**
 * The GST arithmetic of a shipping tax invoice, in integer paise. SpareFlow charges GST when a
 * shipment's hold is captured (the ledger posts freight, margin and GST apart); the invoice must
 * show exactly what was charged, so it takes the charged GST and checks it rather than
 * recomputing a figure that could differ by a paisa.
 */

/** Services Accounting Code of courier services (Heading 9968, "postal and courier services"). */
export const courierSac = '996812';
/** GST on courier services: 18 % (9 % CGST + 9 % SGST within a state, 18 % IGST across). */
export const gstRatePercent = 18;

export interface ShippingCharge {
  freightPaise: number;
  marginPaise: number;
  gstPaise: number;
}

export interface TaxLines {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

/** A charge that cannot be invoiced as given (a programming error of the caller, not a user's). */
export class InvoiceChargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvoiceChargeError';
  }
}

/** `value × percent / 100`, rounded half up to the paisa, in integers only. */
export function percentHalfUp(valuePaise: number, percent: number): number {
  return Math.floor((valuePaise * percent + 50) / 100);
}

function requirePaise(name: string, value: number, allowZero: boolean): void {
  if (!Number.isSafeInteger(value) || value < 0 || (!allowZero && value === 0))
    throw new InvoiceChargeError(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer number of paise, got ${value}`,
    );
}

/**
 * The tax lines of a shipping charge. Taxable value = freight + margin; the GST must be 18 % of it
 * rounded half up to the paisa (what the price engine charges). Within a state it is split into
 * CGST and SGST, the odd paisa (if any) going to CGST, so the two always add up to the GST charged;
 * across states it is all IGST.
 */
export function shippingTaxLines(charge: ShippingCharge, intraState: boolean): TaxLines {
  requirePaise('freightPaise', charge.freightPaise, true);
  requirePaise('marginPaise', charge.marginPaise, true);
  requirePaise('gstPaise', charge.gstPaise, true);
  const taxablePaise = charge.freightPaise + charge.marginPaise;
  requirePaise('freightPaise + marginPaise', taxablePaise, false);
  const expected = percentHalfUp(taxablePaise, gstRatePercent);
  if (charge.gstPaise !== expected)
    throw new InvoiceChargeError(
      `gstPaise ${charge.gstPaise} is not 18 % of the taxable value ${taxablePaise} (expected ${expected})`,
    );
  const totalPaise = taxablePaise + charge.gstPaise;
  if (!Number.isSafeInteger(totalPaise))
    throw new InvoiceChargeError('total exceeds safe integers');
  if (!intraState)
    return { taxablePaise, cgstPaise: 0, sgstPaise: 0, igstPaise: charge.gstPaise, totalPaise };
  const cgstPaise = Math.ceil(charge.gstPaise / 2);
  return {
    taxablePaise,
    cgstPaise,
    sgstPaise: charge.gstPaise - cgstPaise,
    igstPaise: 0,
    totalPaise,
  };
}

/** How the place of supply was decided, printed on the invoice and kept in the docs. */
export type PlaceOfSupplyBasis = 'recipient_gstin' | 'recipient_address' | 'supplier_location';

/**
 * Place of supply of a courier service (IGST Act s. 12(2), B2B and B2C within India): the
 * recipient's registered location (state code of its GSTIN) when registered; otherwise its
 * address on record (SpareFlow: its first location); otherwise the supplier's location.
 */
export function placeOfSupply(input: {
  supplierStateCode: string;
  recipientGstin: string | null;
  recipientAddressStateCode: string | null;
}): { stateCode: string; basis: PlaceOfSupplyBasis } {
  if (input.recipientGstin)
    return { stateCode: input.recipientGstin.slice(0, 2), basis: 'recipient_gstin' };
  if (input.recipientAddressStateCode)
    return { stateCode: input.recipientAddressStateCode, basis: 'recipient_address' };
  return { stateCode: input.supplierStateCode, basis: 'supplier_location' };
}
