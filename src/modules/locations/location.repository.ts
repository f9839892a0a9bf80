import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { locations } from './location.tables.js';

export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;
/** What an edit may change. */
export type LocationChanges = Partial<
  Pick<
    LocationRow,
    'name' | 'contactName' | 'phone' | 'line1' | 'line2' | 'city' | 'state' | 'pincode'
  >
>;

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
   * The location, row-locked until the transaction ends. An archive locks it `for update` while
   * it checks the stock there, and stock operations take `for key share` on the same row (the
   * ledger; foreign keys do too), so neither can slip past the other. An edit takes
   * `no key update`, which stock operations do not wait for.
   */
  async lockInOrganization(
    db: Db,
    organizationId: string,
    id: string,
    strength: 'update' | 'no key update' = 'update',
  ): Promise<LocationRow | undefined> {
    const [row] = await db
      .select()
      .from(locations)
      .where(and(eq(locations.id, id), eq(locations.organizationId, organizationId)))
      .for(strength);
    return row;
  },

  async update(db: Db, id: string, changes: LocationChanges): Promise<LocationRow> {
    const [row] = await db
      .update(locations)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(locations.id, id))
      .returning();
    if (!row) throw new Error('location update returned nothing');
    return row;
  },

  /** Archives the location now (the transaction's time, as `updated_at`). */
  async archive(db: Db, id: string): Promise<LocationRow> {
    const [row] = await db
      .update(locations)
      .set({ archivedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(locations.id, id))
      .returning();
    if (!row) throw new Error('location archive returned nothing');
    return row;
  },

  /**
   * Newest first; `afterId` is the last id of the previous page. The cursor row is looked up in
   * the database so the comparison uses the stored microsecond timestamp, not a rounded copy.
   * Archived locations only with `includeArchived`.
   */
  async page(
    db: Db,
    organizationId: string,
    limit: number,
    afterId: string | undefined,
    includeArchived = false,
  ): Promise<LocationRow[]> {
    const cursor = afterId
      ? sql`(${locations.createdAt}, ${locations.id}) < (select l.created_at, l.id from locations l where l.id = ${afterId} and l.organization_id = ${organizationId})`
      : undefined;
    return db
      .select()
      .from(locations)
      .where(
        and(
          eq(locations.organizationId, organizationId),
          includeArchived ? undefined : isNull(locations.archivedAt),
          cursor,
        ),
      )
      .orderBy(desc(locations.createdAt), desc(locations.id))
      .limit(limit);
  },
};
