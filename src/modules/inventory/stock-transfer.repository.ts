import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { stockLevels, stockTransferLines, stockTransfers } from './inventory.tables.js';

export type TransferRow = typeof stockTransfers.$inferSelect;
export type TransferWithLines = TransferRow & {
  lines: Array<{ partId: string; quantity: number }>;
};

async function withLines(db: Db, rows: TransferRow[]): Promise<TransferWithLines[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(stockTransferLines)
    .where(
      inArray(
        stockTransferLines.transferId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(stockTransferLines.partId);
  return rows.map((row) => ({
    ...row,
    lines: lines
      .filter((line) => line.transferId === row.id)
      .map((line) => ({ partId: line.partId, quantity: line.quantity })),
  }));
}

/** Transfers between an organization's own locations; every read filters by organization. */
export const stockTransferRepository = {
  async insert(
    db: Db,
    values: typeof stockTransfers.$inferInsert,
    lines: ReadonlyArray<{ partId: string; quantity: number }>,
  ): Promise<TransferWithLines> {
    const [row] = await db.insert(stockTransfers).values(values).returning();
    if (!row) throw new Error('transfer insert returned nothing');
    await db
      .insert(stockTransferLines)
      .values(lines.map((line) => ({ transferId: row.id, ...line })));
    return (await withLines(db, [row]))[0] as TransferWithLines;
  },

  /** Locks the transfer so two receipts of it serialize (the second sees it received). */
  async findForUpdate(
    db: Db,
    organizationId: string,
    id: string,
  ): Promise<TransferWithLines | undefined> {
    const rows = await db
      .select()
      .from(stockTransfers)
      .where(and(eq(stockTransfers.id, id), eq(stockTransfers.organizationId, organizationId)))
      .for('update');
    return (await withLines(db, rows))[0];
  },

  /** The moving-average cost of each part at the source, one statement for the whole transfer. */
  async sourceCosts(
    db: Db,
    organizationId: string,
    locationId: string,
    partIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (partIds.length === 0) return new Map();
    const rows = await db
      .select({ partId: stockLevels.partId, cost: stockLevels.averageCostPaise })
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.organizationId, organizationId),
          eq(stockLevels.locationId, locationId),
          inArray(stockLevels.partId, [...partIds]),
        ),
      );
    return new Map(rows.map((row) => [row.partId, row.cost]));
  },

  /** Marks the transfer received, now or at `receivedAt` (a dated history). */
  async markReceived(db: Db, id: string, receivedAt?: Date): Promise<TransferWithLines> {
    const [row] = await db
      .update(stockTransfers)
      .set({ status: 'received', receivedAt: receivedAt ?? sql`now()` })
      .where(eq(stockTransfers.id, id))
      .returning();
    if (!row) throw new Error('transfer vanished');
    return (await withLines(db, [row]))[0] as TransferWithLines;
  },

  /** Newest first, after the cursor row (looked up in the database for its exact timestamp). */
  async page(
    db: Db,
    organizationId: string,
    limit: number,
    afterId: string | undefined,
  ): Promise<TransferWithLines[]> {
    const cursor = afterId
      ? sql`(${stockTransfers.createdAt}, ${stockTransfers.id}) < (select t.created_at, t.id from stock_transfers t where t.id = ${afterId} and t.organization_id = ${organizationId})`
      : undefined;
    const rows = await db
      .select()
      .from(stockTransfers)
      .where(and(eq(stockTransfers.organizationId, organizationId), cursor))
      .orderBy(desc(stockTransfers.createdAt), desc(stockTransfers.id))
      .limit(limit);
    return withLines(db, rows);
  },
};
