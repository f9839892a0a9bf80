import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { stockCountLines, stockCounts } from './inventory.tables.js';

export type CountRow = typeof stockCounts.$inferSelect;
export type CountLineRow = Omit<typeof stockCountLines.$inferSelect, 'countId'>;
export type CountWithLines = CountRow & { lines: CountLineRow[] };

/** Cycle counts of an organization's locations; every read filters by organization. */
export const stockCountRepository = {
  async insert(db: Db, values: typeof stockCounts.$inferInsert): Promise<CountRow> {
    const [row] = await db.insert(stockCounts).values(values).returning();
    if (!row) throw new Error('count insert returned nothing');
    return row;
  },

  async insertLines(db: Db, countId: string, lines: readonly CountLineRow[]): Promise<void> {
    await db.insert(stockCountLines).values(lines.map((line) => ({ countId, ...line })));
  },

  /** Newest first, after the cursor row. */
  async page(
    db: Db,
    organizationId: string,
    limit: number,
    afterId: string | undefined,
  ): Promise<CountWithLines[]> {
    const cursor = afterId
      ? sql`(${stockCounts.createdAt}, ${stockCounts.id}) < (select c.created_at, c.id from stock_counts c where c.id = ${afterId} and c.organization_id = ${organizationId})`
      : undefined;
    const rows = await db
      .select()
      .from(stockCounts)
      .where(and(eq(stockCounts.organizationId, organizationId), cursor))
      .orderBy(desc(stockCounts.createdAt), desc(stockCounts.id))
      .limit(limit);
    if (rows.length === 0) return [];
    const lines = await db
      .select()
      .from(stockCountLines)
      .where(
        inArray(
          stockCountLines.countId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(stockCountLines.partId);
    return rows.map((row) => ({
      ...row,
      lines: lines
        .filter((line) => line.countId === row.id)
        .map(({ partId, countedQuantity, recordedQuantity }) => ({
          partId,
          countedQuantity,
          recordedQuantity,
        })),
    }));
  },
};
