import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { locations } from './location.tables.js';

export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;

/** An organization's locations. Every read is filtered by the caller's organization id. */
export const locationRepository = {
  async insert(db: Db, values: NewLocationRow): Promise<LocationRow> {
    const [row] = await db.insert(locations).values(values).returning();
    if (!row) throw new Error('location insert returned nothing');
    return row;
  },

  /** Every location of the organization, name and id (oldest first). */
  async idsByName(db: Db, organizationId: string): Promise<Array<{ id: string; name: string }>> {
    return db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(eq(locations.organizationId, organizationId))
      .orderBy(asc(locations.createdAt), asc(locations.id));
  },

  async findInOrganization(
    db: Db,
    organizationId: string,
    id: string,
  ): Promise<LocationRow | undefined> {
    const [row] = await db
      .select()
      .from(locations)
      .where(and(eq(locations.id, id), eq(locations.organizationId, organizationId)))
      .limit(1);
    return row;
  },

  /**
   * Newest first; `afterId` is the last id of the previous page. The cursor row is looked up in
   * the database so the comparison uses the stored microsecond timestamp, not a rounded copy.
   */
  async page(
    db: Db,
    organizationId: string,
    limit: number,
    afterId: string | undefined,
  ): Promise<LocationRow[]> {
    const cursor = afterId
      ? sql`(${locations.createdAt}, ${locations.id}) < (select l.created_at, l.id from locations l where l.id = ${afterId} and l.organization_id = ${organizationId})`
      : undefined;
    return db
      .select()
      .from(locations)
      .where(and(eq(locations.organizationId, organizationId), cursor))
      .orderBy(desc(locations.createdAt), desc(locations.id))
      .limit(limit);
  },
};
