import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { partDirectory, type PartStatus } from '../catalog/index.js';

/** What inventory needs to know about a part: whose it is and whether it may hold stock. */
export interface StockPart {
  id: string;
  brandId: string;
  status: PartStatus;
}

/** Read-only look-ups of parts for stock operations (the catalog module owns the writes). */
export const inventoryPartRepository = {
  async findMany(db: Db, ids: readonly string[]): Promise<StockPart[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: partDirectory.id,
        brandId: partDirectory.brandId,
        status: partDirectory.status,
      })
      .from(partDirectory)
      .where(inArray(partDirectory.id, [...ids]));
  },
};
