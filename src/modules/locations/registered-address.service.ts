import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { locations } from './location.tables.js';

/** A postal address as documents print it. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  /** As the PIN directory names it (`src/platform/geo/indian-states.ts`). */
  state: string;
  pincode: string;
}

/**
 * The address an organization is on record with: its first location still in use (organizations
 * have no separate registered address). `undefined` when it has none. For documents such as tax
 * invoices, which need the recipient's state when it has no GSTIN. `db` may be a transaction's.
 */
export async function addressOnRecord(
  db: Db,
  organizationId: string,
): Promise<PostalAddress | undefined> {
  const [row] = await db
    .select({
      line1: locations.line1,
      line2: locations.line2,
      city: locations.city,
      state: locations.state,
      pincode: locations.pincode,
    })
    .from(locations)
    .where(and(eq(locations.organizationId, organizationId), isNull(locations.archivedAt)))
    .orderBy(asc(locations.createdAt), asc(locations.id))
    .limit(1);
  return row;
}
