import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { partDirectory } from '../catalog/index.js';
import { stockLevels } from './inventory.tables.js';

/** Sums as text: `numeric` and `bigint` sums come back from pg as strings. */
export interface StockSummaryRow {
  costedValuePaise: string;
  uncostedUnits: string;
  uncostedValuePaise: string;
  onHandUnits: string;
  levels: number;
  lowStockLines: number;
}

const uncosted = sql`${stockLevels.averageCostPaise} = 0 and ${stockLevels.onHand} > 0`;

/**
 * The organization's stock figures in one statement over its levels and the catalog's published
 * `part_directory` (for the list price of uncosted units): the valuation rule of
 * `stock-valuation.rules.ts`, in SQL, so the dashboard never pages through every level.
 */
export const stockSummaryRepository = {
  async summarise(db: Db, organizationId: string): Promise<StockSummaryRow> {
    const [row] = await db
      .select({
        costedValuePaise: sql<string>`coalesce(sum(${stockLevels.onHand}::numeric * ${stockLevels.averageCostPaise}) filter (where ${stockLevels.averageCostPaise} > 0), 0)::text`,
        uncostedUnits: sql<string>`coalesce(sum(${stockLevels.onHand}) filter (where ${uncosted}), 0)::text`,
        uncostedValuePaise: sql<string>`coalesce(sum(${stockLevels.onHand}::numeric * ${partDirectory.unitPricePaise}) filter (where ${uncosted}), 0)::text`,
        onHandUnits: sql<string>`coalesce(sum(${stockLevels.onHand}), 0)::text`,
        levels: sql<number>`count(*)::int`,
        lowStockLines: sql<number>`(count(*) filter (where ${stockLevels.onHand} - ${stockLevels.reserved} <= coalesce(${stockLevels.reorderPoint}, ${stockLevels.minQuantity})))::int`,
      })
      .from(stockLevels)
      .innerJoin(partDirectory, eq(partDirectory.id, stockLevels.partId))
      .where(eq(stockLevels.organizationId, organizationId));
    if (!row) throw new Error('an aggregate without group by returns one row');
    return row;
  },
};
