import crypto from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '../../../src/platform/db/database.js';
import { endPool } from '../../../src/platform/db/pool.js';
import * as schema from '../../../src/platform/db/schema.js';
import { makePart } from '../../support/factories/part.factory.js';

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

/** A part of the brand through the catalog's factory (`makePart`, which uses `partSearchDocument`). */
export async function insertPart(
  pool: pg.Pool,
  brandId: string,
  status: 'draft' | 'active' | 'discontinued' = 'active',
): Promise<string> {
  const db = drizzle(pool, { schema }) as unknown as Db;
  return (await makePart(db, brandId, { status })).id;
}

/**
 * A wide pool on `url`, so many transactions really contend for the same rows at once; closed
 * (every connection gone) before it resolves, so dropping the database later never kills one.
 */
export async function withWidePool<T>(
  url: string,
  work: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 40 });
  try {
    return await work(pool);
  } finally {
    await endPool(pool);
  }
}
