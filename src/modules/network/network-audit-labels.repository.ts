import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { organizationDirectory } from '../identity/index.js';
import { accessRequests, partnerInvitations, partnerLinks } from './network.tables.js';

const brand = alias(organizationDirectory, 'brand');
const partner = alias(organizationDirectory, 'partner');

const partnerTypeWords = { distributor: 'distributor', service_center: 'service centre' } as const;

/** "Sharma Spares ← Acme Appliances": who asked (or is linked) and the brand. */
async function pairs(
  db: Db,
  table: typeof accessRequests | typeof partnerLinks,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: table.id, brand: brand.name, partner: partner.name })
    .from(table)
    .innerJoin(brand, eq(brand.id, table.brandId))
    .innerJoin(partner, eq(partner.id, table.partnerId))
    .where(inArray(table.id, ids));
  return new Map(rows.map((row) => [row.id, `${row.partner} – ${row.brand}`]));
}

/**
 * Audit targets the network owns: access requests and partnerships by the two organizations'
 * names; partner invitations by the invited address and type, for the inviting brand and the
 * organization that accepted only (an address is a person's).
 */
export const networkAuditLabels: AuditTargetLabels = {
  entityTypes: ['access_request', 'partner_link', 'partner_invitation'],
  async labels(db, { entityType, ids, viewerOrganizationId }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    if (entityType === 'access_request') return pairs(db, accessRequests, keys);
    if (entityType === 'partner_link') return pairs(db, partnerLinks, keys);
    const seenBy: SQL | undefined = or(
      eq(partnerInvitations.brandId, viewerOrganizationId),
      eq(partnerInvitations.acceptedByOrganizationId, viewerOrganizationId),
    );
    const rows = await db
      .select({
        id: partnerInvitations.id,
        email: partnerInvitations.email,
        partnerType: partnerInvitations.partnerType,
      })
      .from(partnerInvitations)
      .where(and(inArray(partnerInvitations.id, keys), seenBy));
    return new Map(
      rows.map((row) => [row.id, `${row.email} (${partnerTypeWords[row.partnerType]})`]),
    );
  },
};
