import crypto from 'node:crypto';
import type pg from 'pg';
import { partSearchDocument } from '../../../src/modules/catalog/part-search-document.js';

/** An organization row straight in the database (integration tests need no members). */
export async function insertOrganization(pool: pg.Pool, type = 'distributor'): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into organizations (type, name) values ($1, $2) returning id`,
    [type, `Org ${crypto.randomBytes(4).toString('hex')}`],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertLocation(pool: pg.Pool, organizationId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into locations (organization_id, name, contact_name, phone, line1, city, state, pincode)
     values ($1, 'Warehouse', 'Asha', '+919876543210', '1 MG Road', 'Pune', 'Maharashtra', '411001')
     returning id`,
    [organizationId],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * A part row written as the catalog writes it (`partSearchDocument`) — a local stand-in until the
 * catalog's part factory exists.
 */
export async function insertPart(
  pool: pg.Pool,
  brandId: string,
  status: 'draft' | 'active' | 'discontinued' = 'active',
): Promise<string> {
  const partNumber = `P-${crypto.randomBytes(4).toString('hex')}`;
  const name = `Compressor relay ${partNumber}`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into parts (brand_id, part_number, name, unit_price_paise, weight_grams, length_cm,
                        width_cm, height_cm, status, search_document)
     values ($1, $2, $3, 25000, 120, 5, 4, 3, $4, $5) returning id`,
    [brandId, partNumber, name, status, partSearchDocument({ partNumber, name })],
  );
  return (rows[0] as { id: string }).id;
}
