import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { partDirectory } from '../catalog/index.js';
import { locationDirectory } from '../locations/index.js';
import { stockCounts, stockTransfers } from './inventory.tables.js';

const source = alias(locationDirectory, 'source');
const destination = alias(locationDirectory, 'destination');

/** `<locationId>/<partId>`, the entity id of a stock line's entries. */
const levelId = /^([0-9a-f-]{36})\/([0-9a-f-]{36})$/i;

/**
 * Audit targets inventory owns: a stock line as "RF-1234 at Pune Central", a transfer as
 * "Pune Central → Delhi Hub", a count as "Count at Pune Central". Names come through the published views.
 */
export const stockAuditLabels: AuditTargetLabels = {
  entityTypes: ['stock_level', 'stock_transfer', 'stock_count'],
  async labels(db, { entityType, ids }) {
    if (entityType === 'stock_level') {
      const keys = ids.flatMap((id) => {
        const match = levelId.exec(id);
        const [locationId, partId] = match ? [match[1], match[2]] : [];
        return locationId && partId && uuidIds([locationId, partId]).length === 2
          ? [{ id, locationId, partId }]
          : [];
      });
      if (keys.length === 0) return new Map();
      const locationNames = new Map(
        (
          await db
            .select({ id: locationDirectory.id, name: locationDirectory.name })
            .from(locationDirectory)
            .where(inArray(locationDirectory.id, [...new Set(keys.map((key) => key.locationId))]))
        ).map((row) => [row.id, row.name]),
      );
      const partNumbers = new Map(
        (
          await db
            .select({ id: partDirectory.id, partNumber: partDirectory.partNumber })
            .from(partDirectory)
            .where(inArray(partDirectory.id, [...new Set(keys.map((key) => key.partId))]))
        ).map((row) => [row.id, row.partNumber]),
      );
      return new Map(
        keys.flatMap((key) => {
          const partNumber = partNumbers.get(key.partId);
          const location = locationNames.get(key.locationId);
          return partNumber && location ? [[key.id, `${partNumber} at ${location}`] as const] : [];
        }),
      );
    }
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    if (entityType === 'stock_transfer') {
      const rows = await db
        .select({ id: stockTransfers.id, from: source.name, to: destination.name })
        .from(stockTransfers)
        .innerJoin(source, eq(source.id, stockTransfers.fromLocationId))
        .innerJoin(destination, eq(destination.id, stockTransfers.toLocationId))
        .where(inArray(stockTransfers.id, keys));
      return new Map(rows.map((row) => [row.id, `${row.from} → ${row.to}`]));
    }
    const rows = await db
      .select({ id: stockCounts.id, location: locationDirectory.name })
      .from(stockCounts)
      .innerJoin(locationDirectory, eq(locationDirectory.id, stockCounts.locationId))
      .where(inArray(stockCounts.id, keys));
    return new Map(rows.map((row) => [row.id, `Count at ${row.location}`]));
  },
};
