import { inArray } from 'drizzle-orm';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { locations } from './location.tables.js';

/** Audit targets the locations module owns: a location as "Pune Central, Pune". */
export const locationAuditLabels: AuditTargetLabels = {
  entityTypes: ['location'],
  async labels(db, { ids }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    const rows = await db
      .select({ id: locations.id, name: locations.name, city: locations.city })
      .from(locations)
      .where(inArray(locations.id, keys));
    return new Map(rows.map((row) => [row.id, `${row.name}, ${row.city}`]));
  },
};
