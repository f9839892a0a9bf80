import crypto from 'node:crypto';
import type pg from 'pg';
import type { InvoiceSupplier } from '../../../src/modules/invoicing/index.js';

/** A Karnataka supplier (state 29), as configuration would give it. */
export const karnatakaSupplier: InvoiceSupplier = {
  name: 'SpareFlow Logistics Private Limited',
  gstin: '29AABCT3518Q1ZS',
  stateCode: '29',
  address: '1 MG Road, Bengaluru, Karnataka 560001',
  sandbox: false,
};

/** An organization straight in the table (the invoicing tests need only its tax profile). */
export async function insertOrganization(
  pool: pg.Pool,
  fields: {
    gstin?: string | null;
    legalName?: string | null;
    location?: { state: string; city: string; pincode: string };
  },
): Promise<string> {
  const id = crypto.randomUUID();
  await pool.query(
    `insert into organizations (id, type, name, legal_name, gstin) values ($1, 'brand', $2, $3, $4)`,
    [id, `Brand ${id.slice(0, 6)}`, fields.legalName ?? null, fields.gstin ?? null],
  );
  if (fields.location)
    await pool.query(
      `insert into locations (organization_id, name, contact_name, phone, line1, city, state, pincode)
       values ($1, 'Main warehouse', 'Asha', '+919800000000', '12 Industrial Area', $2, $3, $4)`,
      [id, fields.location.city, fields.location.state, fields.location.pincode],
    );
  return id;
}

/** A charge whose GST is 18 % of freight + margin, half up to the paisa. */
export function charge(freightPaise: number, marginPaise: number) {
  const taxable = freightPaise + marginPaise;
  return { freightPaise, marginPaise, gstPaise: Math.floor((taxable * 18 + 50) / 100) };
}
