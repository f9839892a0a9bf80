import type pg from 'pg';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import {
  razorpayId,
  unixNow,
  type OrderRow,
  type PaymentRow,
  type RefundRow,
} from './simulator-entities.js';

/**
 * The simulator's state in PostgreSQL (`sandbox_razorpay_*`), so API processes and workers of one
 * installation share it and it survives restarts. Raw SQL on purpose: this is the vendor's side,
 * kept apart from SpareFlow's own repositories.
 */
export class SimulatorStore {
  constructor(private readonly pool: pg.Pool) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async createOrder(input: {
    amount: number;
    currency: string;
    receipt: string | null;
    notes: Record<string, string>;
  }): Promise<OrderRow> {
    const { rows } = await this.pool.query<OrderRow>(
      `insert into sandbox_razorpay_orders (id, amount, currency, receipt, notes, created_at)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [razorpayId('order'), input.amount, input.currency, input.receipt, input.notes, unixNow()],
    );
    return rows[0] as OrderRow;
  }

  async order(id: string, tx?: Tx, lock = false): Promise<OrderRow | undefined> {
    const sql = `select * from sandbox_razorpay_orders where id = $1${lock ? ' for update' : ''}`;
    const { rows } = await (tx?.client ?? this.pool).query<OrderRow>(sql, [id]);
    return rows[0];
  }

  async orderPayments(orderId: string): Promise<PaymentRow[]> {
    const { rows } = await this.pool.query<PaymentRow>(
      'select * from sandbox_razorpay_payments where order_id = $1 order by created_at, id',
      [orderId],
    );
    return rows;
  }

  async payment(id: string, tx?: Tx, lock = false): Promise<PaymentRow | undefined> {
    const sql = `select * from sandbox_razorpay_payments where id = $1${lock ? ' for update' : ''}`;
    const { rows } = await (tx?.client ?? this.pool).query<PaymentRow>(sql, [id]);
    return rows[0];
  }

  async insertPayment(
    tx: Tx,
    row: Pick<PaymentRow, 'order_id' | 'amount' | 'currency' | 'status' | 'captured'> &
      Partial<PaymentRow>,
  ): Promise<PaymentRow> {
    const { rows } = await tx.client.query<PaymentRow>(
      `insert into sandbox_razorpay_payments
         (id, order_id, amount, currency, status, captured, method, error_code, error_description,
          error_source, error_step, error_reason, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning *`,
      [
        razorpayId('pay'),
        row.order_id,
        row.amount,
        row.currency,
        row.status,
        row.captured,
        row.method ?? 'upi',
        row.error_code ?? null,
        row.error_description ?? null,
        row.error_source ?? null,
        row.error_step ?? null,
        row.error_reason ?? null,
        unixNow(),
      ],
    );
    return rows[0] as PaymentRow;
  }

  async capture(tx: Tx, paymentId: string): Promise<PaymentRow> {
    const { rows } = await tx.client.query<PaymentRow>(
      `update sandbox_razorpay_payments set status = 'captured', captured = true
       where id = $1 returning *`,
      [paymentId],
    );
    return rows[0] as PaymentRow;
  }

  async markOrder(
    tx: Tx,
    orderId: string,
    status: 'attempted' | 'paid',
    paid = 0,
  ): Promise<OrderRow> {
    const { rows } = await tx.client.query<OrderRow>(
      `update sandbox_razorpay_orders
          set status = case when status = 'paid' then 'paid' else $2 end,
              amount_paid = amount_paid + $3,
              attempts = attempts + case when $2 = 'attempted' then 1 else 0 end
        where id = $1 returning *`,
      [orderId, status, paid],
    );
    return rows[0] as OrderRow;
  }

  async refundByKey(
    tx: Tx,
    key: string,
  ): Promise<(RefundRow & { request_body: string }) | undefined> {
    const { rows } = await tx.client.query<RefundRow & { request_body: string }>(
      'select * from sandbox_razorpay_refunds where idempotency_key = $1',
      [key],
    );
    return rows[0];
  }

  async insertRefund(
    tx: Tx,
    input: {
      paymentId: string;
      amount: number;
      currency: string;
      receipt: string | null;
      notes: Record<string, string>;
      idempotencyKey: string | null;
      requestBody: string;
    },
  ): Promise<RefundRow> {
    const { rows } = await tx.client.query<RefundRow>(
      `insert into sandbox_razorpay_refunds
         (id, payment_id, amount, currency, status, receipt, notes, idempotency_key, request_body, created_at)
       values ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9) returning *`,
      [
        razorpayId('rfnd'),
        input.paymentId,
        input.amount,
        input.currency,
        input.receipt,
        input.notes,
        input.idempotencyKey,
        input.requestBody,
        unixNow(),
      ],
    );
    await tx.client.query(
      `update sandbox_razorpay_payments
          set amount_refunded = amount_refunded + $2,
              refund_status = case when amount_refunded + $2 >= amount then 'full' else 'partial' end,
              status = case when amount_refunded + $2 >= amount then 'refunded' else status end
        where id = $1`,
      [input.paymentId, input.amount],
    );
    return rows[0] as RefundRow;
  }

  /** Settles a pending refund; a failed one gives its amount back to the payment. */
  async settleRefund(
    refundId: string,
    outcome: 'processed' | 'failed',
  ): Promise<RefundRow | undefined> {
    return this.transaction(async (tx) => {
      const { rows } = await tx.client.query<RefundRow>(
        `update sandbox_razorpay_refunds set status = $2 where id = $1 and status = 'pending' returning *`,
        [refundId, outcome],
      );
      const refund = rows[0];
      if (refund && outcome === 'failed')
        await tx.client.query(
          `update sandbox_razorpay_payments
              set amount_refunded = amount_refunded - $2,
                  refund_status = case when amount_refunded - $2 = 0 then null else 'partial' end,
                  status = 'captured'
            where id = $1`,
          [refund.payment_id, refund.amount],
        );
      return refund;
    });
  }

  async refund(id: string): Promise<RefundRow | undefined> {
    const { rows } = await this.pool.query<RefundRow>(
      'select * from sandbox_razorpay_refunds where id = $1',
      [id],
    );
    return rows[0];
  }

  async paymentRefunds(paymentId: string): Promise<RefundRow[]> {
    const { rows } = await this.pool.query<RefundRow>(
      'select * from sandbox_razorpay_refunds where payment_id = $1 order by created_at, id',
      [paymentId],
    );
    return rows;
  }

  async setSetting(name: string, value: string, remaining = 0): Promise<void> {
    await this.pool.query(
      `insert into sandbox_razorpay_settings (name, value, remaining) values ($1, $2, $3)
       on conflict (name) do update set value = excluded.value, remaining = excluded.remaining`,
      [name, value, remaining],
    );
  }

  async setting(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      'select value from sandbox_razorpay_settings where name = $1',
      [name],
    );
    return rows[0]?.value;
  }

  /** Takes one injected fault, if any is armed (shared by every process). */
  async takeFault(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      `update sandbox_razorpay_settings set remaining = remaining - 1
        where name = 'api_fault' and remaining > 0 returning value`,
    );
    return rows[0]?.value;
  }
}
