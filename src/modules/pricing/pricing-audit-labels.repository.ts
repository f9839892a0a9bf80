import { inArray } from 'drizzle-orm';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { rateCardVersions } from './pricing.tables.js';

/** Audit targets the pricing module owns: a rate card version as "Rate card version 2". */
export const pricingAuditLabels: AuditTargetLabels = {
  entityTypes: ['rate_card_version'],
  async labels(db, { ids }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    const rows = await db
      .select({ id: rateCardVersions.id, number: rateCardVersions.number })
      .from(rateCardVersions)
      .where(inArray(rateCardVersions.id, keys));
    return new Map(rows.map((row) => [row.id, `Rate card version ${row.number}`]));
  },
};
