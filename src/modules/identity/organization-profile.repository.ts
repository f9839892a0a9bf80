import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizations } from './identity.tables.js';

export type OrganizationProfileRow = typeof organizations.$inferSelect;

export interface OrganizationProfileChanges {
  name?: string;
  legalName?: string;
  gstin?: string;
  pan?: string;
  contactEmail?: string;
  contactPhone?: string;
}

/** Reads and changes one organization's own profile; always addressed by the caller's org id. */
export const organizationProfileRepository = {
  async find(db: Db, organizationId: string): Promise<OrganizationProfileRow | undefined> {
    const [row] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .limit(1);
    return row;
  },

  /** Locks the row for the rest of the transaction, so before/after in the audit are exact. */
  async findForUpdate(db: Db, organizationId: string): Promise<OrganizationProfileRow | undefined> {
    const [row] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for('update')
      .limit(1);
    return row;
  },

  async update(
    db: Db,
    organizationId: string,
    changes: OrganizationProfileChanges,
  ): Promise<OrganizationProfileRow> {
    const [row] = await db
      .update(organizations)
      .set(changes)
      .where(eq(organizations.id, organizationId))
      .returning();
    if (!row) throw new Error('organization update returned nothing');
    return row;
  },
};
