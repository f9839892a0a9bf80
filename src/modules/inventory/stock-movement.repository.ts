import type { Tx } from '../../platform/db/transaction.js';
import { stockMovements } from './inventory.tables.js';

export type NewMovementRow = typeof stockMovements.$inferInsert;

/** Appends to the ledger (the table refuses updates and deletes). */
export const stockMovementRepository = {
  /** One row per change, in the order given; returns the ids in that order. */
  async append(tx: Tx, rows: readonly NewMovementRow[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const inserted = await tx.db
      .insert(stockMovements)
      .values([...rows])
      .returning({ id: stockMovements.id });
    return inserted.map((row) => row.id);
  },
};
