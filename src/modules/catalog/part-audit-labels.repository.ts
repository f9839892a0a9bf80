import { inArray } from 'drizzle-orm';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { parts } from './catalog.tables.js';

/** Audit targets the catalog owns: a part as "RF-1234 · Compressor relay". */
export const partAuditLabels: AuditTargetLabels = {
  entityTypes: ['part'],
  async labels(db, { ids }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    const rows = await db
      .select({ id: parts.id, partNumber: parts.partNumber, name: parts.name })
      .from(parts)
      .where(inArray(parts.id, keys));
    return new Map(rows.map((row) => [row.id, `${row.partNumber} · ${row.name}`]));
  },
};
