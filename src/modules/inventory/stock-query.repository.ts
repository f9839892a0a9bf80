import { and, asc, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { partDirectory } from '../catalog/index.js';
import { locationDirectory } from '../locations/index.js';
import { stockLevels, stockMovements } from './inventory.tables.js';

export interface LevelFilter {
  locationId?: string | undefined;
  partId?: string | undefined;
  lowStock?: boolean | undefined;
  /** The last (location, part) of the previous page. */
  after?: { locationId: string; partId: string } | undefined;
}

const levelColumns = {
  locationId: stockLevels.locationId,
  partId: stockLevels.partId,
  partNumber: partDirectory.partNumber,
  partName: partDirectory.name,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
  inTransit: stockLevels.inTransit,
  minQuantity: stockLevels.minQuantity,
  maxQuantity: stockLevels.maxQuantity,
  reorderPoint: stockLevels.reorderPoint,
  averageCostPaise: stockLevels.averageCostPaise,
};

export type LevelRow = {
  locationId: string;
  partId: string;
  partNumber: string;
  partName: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  minQuantity: number | null;
  maxQuantity: number | null;
  reorderPoint: number | null;
  averageCostPaise: number;
};

/** A ledger row with its part's number and name and its location's name and city. */
export type MovementRow = typeof stockMovements.$inferSelect & {
  partNumber: string;
  partName: string;
  locationName: string;
  locationCity: string;
};

/** Reads of levels and the ledger; every query is filtered by the caller's organization. */
export const stockQueryRepository = {
  /** Levels in (location, part) order, `limit` rows from after the cursor. */
  async pageLevels(
    db: Db,
    organizationId: string,
    filter: LevelFilter,
    limit: number,
  ): Promise<LevelRow[]> {
    const conditions: Array<SQL | undefined> = [
      eq(stockLevels.organizationId, organizationId),
      filter.locationId ? eq(stockLevels.locationId, filter.locationId) : undefined,
      filter.partId ? eq(stockLevels.partId, filter.partId) : undefined,
      filter.lowStock
        ? sql`${stockLevels.onHand} - ${stockLevels.reserved} <= coalesce(${stockLevels.reorderPoint}, ${stockLevels.minQuantity})`
        : undefined,
      filter.after
        ? sql`(${stockLevels.locationId}, ${stockLevels.partId}) > (${filter.after.locationId}::uuid, ${filter.after.partId}::uuid)`
        : undefined,
    ];
    return db
      .select(levelColumns)
      .from(stockLevels)
      .innerJoin(partDirectory, eq(partDirectory.id, stockLevels.partId))
      .where(and(...conditions))
      .orderBy(asc(stockLevels.locationId), asc(stockLevels.partId))
      .limit(limit);
  },

  async findLevel(
    db: Db,
    organizationId: string,
    locationId: string,
    partId: string,
  ): Promise<LevelRow | undefined> {
    const [row] = await stockQueryRepository.pageLevels(
      db,
      organizationId,
      { locationId, partId },
      1,
    );
    return row;
  },

  /** The ledger newest first, `limit` rows older than `beforeId`. */
  async pageMovements(
    db: Db,
    organizationId: string,
    filter: {
      locationId?: string | undefined;
      partId?: string | undefined;
      beforeId?: number | undefined;
    },
    limit: number,
  ): Promise<MovementRow[]> {
    const rows = await db
      .select({
        movement: stockMovements,
        partNumber: partDirectory.partNumber,
        partName: partDirectory.name,
        locationName: locationDirectory.name,
        locationCity: locationDirectory.city,
      })
      .from(stockMovements)
      .innerJoin(partDirectory, eq(partDirectory.id, stockMovements.partId))
      .innerJoin(locationDirectory, eq(locationDirectory.id, stockMovements.locationId))
      .where(
        and(
          eq(stockMovements.organizationId, organizationId),
          filter.locationId ? eq(stockMovements.locationId, filter.locationId) : undefined,
          filter.partId ? eq(stockMovements.partId, filter.partId) : undefined,
          filter.beforeId !== undefined ? lt(stockMovements.id, filter.beforeId) : undefined,
        ),
      )
      .orderBy(desc(stockMovements.id))
      .limit(limit);
    return rows.map(({ movement, ...names }) => ({ ...movement, ...names }));
  },

  /**
   * Sets the given thresholds of a level (creating an empty level if the part has none there yet);
   * omitted fields keep their value, `null` clears one. The CHECK constraint refuses min > max.
   */
  async setThresholds(
    db: Db,
    key: { organizationId: string; locationId: string; partId: string },
    values: {
      minQuantity?: number | null;
      maxQuantity?: number | null;
      reorderPoint?: number | null;
    },
  ): Promise<void> {
    await db
      .insert(stockLevels)
      .values({ ...key, ...values })
      .onConflictDoUpdate({
        target: [stockLevels.locationId, stockLevels.partId],
        set: { ...values, updatedAt: sql`now()` },
      });
  },
};
