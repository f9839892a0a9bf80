import { and, eq, ne, or, sql, sum } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { paymentRefunds } from './payments.tables.js';

export type RefundRow = typeof paymentRefunds.$inferSelect;

export const refundRepository = {
  /** Paise of the top-up already refunded or on its way (failed refunds gave theirs back). */
  async committedPaise(tx: Tx, topupId: string): Promise<number> {
    const [row] = await tx.db
      .select({ total: sum(paymentRefunds.amountPaise) })
      .from(paymentRefunds)
      .where(and(eq(paymentRefunds.topupId, topupId), ne(paymentRefunds.status, 'failed')));
    return Number(row?.total ?? 0);
  },

  async insert(
    tx: Tx,
    input: {
      topupId: string;
      organizationId: string;
      amountPaise: number;
      reason: string;
      createdBy: string | null;
    },
  ): Promise<RefundRow> {
    const [row] = await tx.db.insert(paymentRefunds).values(input).returning();
    if (!row) throw new Error('refund insert returned nothing');
    return row;
  },

  async find(db: Db, refundId: string): Promise<RefundRow | undefined> {
    const [row] = await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId));
    return row;
  },

  /** Ours by Razorpay's refund id, or by its `receipt` (our id) before we stored Razorpay's. */
  async findForGateway(db: Db, razorpayRefundId: string, receipt: string | null) {
    const uuid = receipt && /^[0-9a-f-]{36}$/i.test(receipt) ? receipt : null;
    const [row] = await db
      .select()
      .from(paymentRefunds)
      .where(
        uuid
          ? or(eq(paymentRefunds.razorpayRefundId, razorpayRefundId), eq(paymentRefunds.id, uuid))
          : eq(paymentRefunds.razorpayRefundId, razorpayRefundId),
      );
    return row;
  },

  async lock(tx: Tx, refundId: string): Promise<RefundRow | undefined> {
    const [row] = await tx.db
      .select()
      .from(paymentRefunds)
      .where(eq(paymentRefunds.id, refundId))
      .for('update');
    return row;
  },

  async markSubmitted(db: Db | Tx['db'], refundId: string, razorpayRefundId: string) {
    await db
      .update(paymentRefunds)
      .set({ status: 'pending', razorpayRefundId })
      .where(and(eq(paymentRefunds.id, refundId), eq(paymentRefunds.status, 'requested')));
  },

  async settle(tx: Tx, refundId: string, status: 'processed' | 'failed', reason?: string) {
    await tx.db
      .update(paymentRefunds)
      .set({ status, settledAt: sql`now()`, failureReason: reason ?? null })
      .where(eq(paymentRefunds.id, refundId));
  },

  async forTopup(db: Db, topupId: string): Promise<RefundRow[]> {
    return db.select().from(paymentRefunds).where(eq(paymentRefunds.topupId, topupId));
  },
};
