import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { stockLevels } from './inventory.tables.js';

/** The stock at one location, over all its parts. */
export interface LocationStock {
  onHand: number;
  reserved: number;
  inTransit: number;
  /** How many parts have anything on hand, reserved or in transit there. */
  parts: number;
}

/**
 * What `locationId` of `organizationId` holds, summed over its levels: the locations module
 * refuses to archive a location while any of it is above zero. Reads in the caller's
 * transaction (`db` may be a `Tx`'s), after the caller locked the location.
 */
export async function stockHeldAt(
  db: Db,
  organizationId: string,
  locationId: string,
): Promise<LocationStock> {
  const [row] = await db
    .select({
      onHand: sql<string>`coalesce(sum(${stockLevels.onHand}), 0)::text`,
      reserved: sql<string>`coalesce(sum(${stockLevels.reserved}), 0)::text`,
      inTransit: sql<string>`coalesce(sum(${stockLevels.inTransit}), 0)::text`,
      parts: sql<number>`(count(*) filter (where ${stockLevels.onHand} > 0 or ${stockLevels.reserved} > 0 or ${stockLevels.inTransit} > 0))::int`,
    })
    .from(stockLevels)
    .where(
      and(eq(stockLevels.organizationId, organizationId), eq(stockLevels.locationId, locationId)),
    );
  return {
    onHand: Number(row?.onHand ?? 0),
    reserved: Number(row?.reserved ?? 0),
    inTransit: Number(row?.inTransit ?? 0),
    parts: row?.parts ?? 0,
  };
}
