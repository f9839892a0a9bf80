import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { partImages, parts, partSubstitutes, type PartStatus } from './catalog.tables.js';

export type PartRow = typeof parts.$inferSelect;
export type NewPartRow = typeof parts.$inferInsert;
export type PartImageRow = typeof partImages.$inferSelect;

/** Whether a database error is the brand's case-insensitive part-number uniqueness. */
export function isDuplicatePartNumber(error: unknown): boolean {
  return isUniqueViolation(error, 'parts_brand_part_number_unique');
}

/** A brand's parts, their substitutes and images. Callers pass the brand they are authorised for. */
export const partRepository = {
  async insert(db: Db, values: NewPartRow): Promise<PartRow> {
    const [row] = await db.insert(parts).values(values).returning();
    if (!row) throw new Error('part insert returned nothing');
    return row;
  },

  async update(db: Db, id: string, values: Partial<NewPartRow>): Promise<PartRow> {
    const [row] = await db
      .update(parts)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(parts.id, id))
      .returning();
    if (!row) throw new Error('part update returned nothing');
    return row;
  },

  async find(db: Db, id: string): Promise<PartRow | undefined> {
    const [row] = await db.select().from(parts).where(eq(parts.id, id)).limit(1);
    return row;
  },

  /** The part, locked until the transaction ends (edits and image uploads serialise on it). */
  async findForUpdate(db: Db, brandId: string, id: string): Promise<PartRow | undefined> {
    const [row] = await db
      .select()
      .from(parts)
      .where(and(eq(parts.id, id), eq(parts.brandId, brandId)))
      .for('update')
      .limit(1);
    return row;
  },

  async findMany(db: Db, brandId: string, ids: readonly string[]): Promise<PartRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(parts)
      .where(and(eq(parts.brandId, brandId), inArray(parts.id, [...ids])));
  },

  /** Serialises supersession changes within a brand, so two concurrent edits cannot close a loop. */
  async lockBrandSupersession(db: Db, brandId: string): Promise<void> {
    await db.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${'catalog.supersession:' + brandId}, 0))`,
    );
  },

  /**
   * The supersession chain from `id`, in order (the part first), following `superseded_by` with a
   * path check so a cycle written around the API still ends; at most 100 steps.
   */
  async chain(
    db: Db,
    id: string,
  ): Promise<
    Array<{ id: string; partNumber: string; status: PartStatus; supersededByPartId: string | null }>
  > {
    const result = await db.execute<{
      id: string;
      part_number: string;
      status: PartStatus;
      superseded_by_part_id: string | null;
    }>(sql`
      with recursive chain as (
        select p.id, p.part_number, p.status, p.superseded_by_part_id, 0 as depth, array[p.id] as path
        from parts p where p.id = ${id}
        union all
        select p.id, p.part_number, p.status, p.superseded_by_part_id, c.depth + 1, c.path || p.id
        from chain c join parts p on p.id = c.superseded_by_part_id
        where not p.id = any(c.path) and c.depth < 100
      )
      select id, part_number, status, superseded_by_part_id from chain order by depth`);
    return result.rows.map((row) => ({
      id: row.id,
      partNumber: row.part_number,
      status: row.status,
      supersededByPartId: row.superseded_by_part_id,
    }));
  },

  async substitutesOf(db: Db, id: string): Promise<PartRow[]> {
    return db
      .select({ part: parts })
      .from(partSubstitutes)
      .innerJoin(parts, eq(parts.id, partSubstitutes.substitutePartId))
      .where(eq(partSubstitutes.partId, id))
      .orderBy(asc(parts.partNumber))
      .then((rows) => rows.map((row) => row.part));
  },

  /** Replaces the part's substitutes with `substituteIds`, keeping every pair symmetric. */
  async replaceSubstitutes(db: Db, id: string, substituteIds: readonly string[]): Promise<void> {
    await db
      .delete(partSubstitutes)
      .where(or(eq(partSubstitutes.partId, id), eq(partSubstitutes.substitutePartId, id)));
    if (substituteIds.length === 0) return;
    await db
      .insert(partSubstitutes)
      .values(
        substituteIds.flatMap((other) => [
          { partId: id, substitutePartId: other },
          { partId: other, substitutePartId: id },
        ]),
      )
      .onConflictDoNothing();
  },

  async images(db: Db, partId: string): Promise<PartImageRow[]> {
    return db
      .select()
      .from(partImages)
      .where(eq(partImages.partId, partId))
      .orderBy(asc(partImages.createdAt), asc(partImages.id));
  },

  async imageCount(db: Db, partId: string): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(partImages)
      .where(eq(partImages.partId, partId));
    return row?.count ?? 0;
  },

  async insertImage(db: Db, values: typeof partImages.$inferInsert): Promise<PartImageRow> {
    const [row] = await db.insert(partImages).values(values).returning();
    if (!row) throw new Error('part image insert returned nothing');
    return row;
  },

  async findImage(db: Db, partId: string, imageId: string): Promise<PartImageRow | undefined> {
    const [row] = await db
      .select()
      .from(partImages)
      .where(and(eq(partImages.id, imageId), eq(partImages.partId, partId)))
      .limit(1);
    return row;
  },

  async deleteImage(db: Db, imageId: string): Promise<void> {
    await db.delete(partImages).where(eq(partImages.id, imageId));
  },
};
