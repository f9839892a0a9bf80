import { inArray } from 'drizzle-orm';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { organizationDirectory } from '../identity/index.js';

/** Audit targets the ledger owns: a wallet (its id is its organization's) as "Wallet of <name>". */
export const walletAuditLabels: AuditTargetLabels = {
  entityTypes: ['wallet'],
  async labels(db, { ids }) {
    const valid = uuidIds(ids);
    if (valid.length === 0) return new Map();
    const rows = await db
      .select({ id: organizationDirectory.id, name: organizationDirectory.name })
      .from(organizationDirectory)
      .where(inArray(organizationDirectory.id, valid));
    return new Map(rows.map((row) => [row.id, `Wallet of ${row.name}`]));
  },
};
