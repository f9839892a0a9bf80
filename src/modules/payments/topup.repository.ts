import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { paymentTopups } from './payments.tables.js';

export type TopupRow = typeof paymentTopups.$inferSelect;

/** Top-ups: every query names the organization unless it runs for the platform (jobs). */
export const topupRepository = {
  async insertCreating(
    db: Db,
    input: {
      organizationId: string;
      amountPaise: number;
      sandbox: boolean;
      createdBy: string | null;
    },
  ): Promise<TopupRow> {
    const [row] = await db.insert(paymentTopups).values(input).returning();
    if (!row) throw new Error('top-up insert returned nothing');
    return row;
  },

  /** The one caller that gets `true` creates the Razorpay order; concurrent replays wait. */
  async claimOrderCreation(db: Db, topupId: string): Promise<boolean> {
    const rows = await db
      .update(paymentTopups)
      .set({ orderRequestedAt: sql`now()` })
      .where(
        and(
          eq(paymentTopups.id, topupId),
          eq(paymentTopups.status, 'creating'),
          isNull(paymentTopups.orderRequestedAt),
        ),
      )
      .returning({ id: paymentTopups.id });
    return rows.length === 1;
  },

  async markCreated(db: Db, topupId: string, orderId: string): Promise<TopupRow | undefined> {
    const [row] = await db
      .update(paymentTopups)
      .set({ status: 'created', razorpayOrderId: orderId, updatedAt: sql`now()` })
      .where(and(eq(paymentTopups.id, topupId), eq(paymentTopups.status, 'creating')))
      .returning();
    return row;
  },

  async markFailed(db: Db, topupId: string, reason: string): Promise<void> {
    await db
      .update(paymentTopups)
      .set({ status: 'failed', failureReason: reason, updatedAt: sql`now()` })
      .where(
        and(
          eq(paymentTopups.id, topupId),
          or(eq(paymentTopups.status, 'creating'), eq(paymentTopups.status, 'created')),
        ),
      );
  },

  async find(db: Db, topupId: string, organizationId?: string): Promise<TopupRow | undefined> {
    const [row] = await db
      .select()
      .from(paymentTopups)
      .where(
        organizationId
          ? and(eq(paymentTopups.id, topupId), eq(paymentTopups.organizationId, organizationId))
          : eq(paymentTopups.id, topupId),
      );
    return row;
  },

  async findByOrder(db: Db, orderId: string): Promise<TopupRow | undefined> {
    const [row] = await db
      .select()
      .from(paymentTopups)
      .where(eq(paymentTopups.razorpayOrderId, orderId));
    return row;
  },

  /** Locks the top-up for the crediting transaction (lock order: top-up → ledger accounts). */
  async lock(tx: Tx, topupId: string): Promise<TopupRow | undefined> {
    const [row] = await tx.db
      .select()
      .from(paymentTopups)
      .where(eq(paymentTopups.id, topupId))
      .for('update');
    return row;
  },

  async markCredited(tx: Tx, topupId: string, paymentId: string): Promise<TopupRow> {
    const [row] = await tx.db
      .update(paymentTopups)
      .set({
        status: 'credited',
        razorpayPaymentId: paymentId,
        creditedAt: sql`now()`,
        failureReason: null,
        updatedAt: sql`now()`,
      })
      .where(eq(paymentTopups.id, topupId))
      .returning();
    if (!row) throw new Error('top-up vanished while locked');
    return row;
  },

  /** Newest first; `after` is the last top-up of the previous page (keyset pagination). */
  async list(
    db: Db,
    organizationId: string,
    options: { limit: number; after?: string | undefined },
  ): Promise<TopupRow[]> {
    const after = options.after
      ? sql`(${paymentTopups.createdAt}, ${paymentTopups.id}) < (select created_at, id from payment_topups where id = ${options.after})`
      : undefined;
    return db
      .select()
      .from(paymentTopups)
      .where(and(eq(paymentTopups.organizationId, organizationId), after))
      .orderBy(desc(paymentTopups.createdAt), desc(paymentTopups.id))
      .limit(options.limit + 1);
  },
};
