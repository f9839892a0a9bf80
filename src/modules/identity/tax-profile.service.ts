import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizations } from './identity.tables.js';

/** Who an organization is for tax purposes: trading and legal name, GSTIN (validated, or none). */
export interface OrganizationTaxProfile {
  name: string;
  legalName: string | null;
  gstin: string | null;
}

/**
 * The tax profile of an organization, or `undefined` for an unknown id: what an invoice names as
 * recipient (the invoicing module copies it into the invoice at issue). `db` may be a transaction's.
 */
export async function organizationTaxProfile(
  db: Db,
  organizationId: string,
): Promise<OrganizationTaxProfile | undefined> {
  const [row] = await db
    .select({
      name: organizations.name,
      legalName: organizations.legalName,
      gstin: organizations.gstin,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row;
}
