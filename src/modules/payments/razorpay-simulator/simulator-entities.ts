import crypto from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Razorpay-shaped ids: a prefix and 14 alphanumerics (`order_IluGWxBm9U8zJ8`). */
export function razorpayId(prefix: 'order' | 'pay' | 'rfnd' | 'evt' | 'acc'): string {
  const bytes = crypto.randomBytes(14);
  let tail = '';
  for (const byte of bytes) tail += alphabet[byte % alphabet.length];
  return `${prefix}_${tail}`;
}

export const unixNow = () => Math.floor(Date.now() / 1000);

export interface OrderRow {
  id: string;
  amount: string | number;
  amount_paid: string | number;
  currency: string;
  receipt: string | null;
  notes: Record<string, string>;
  status: string;
  attempts: number;
  created_at: string | number;
}

export interface PaymentRow {
  id: string;
  order_id: string;
  amount: string | number;
  currency: string;
  status: string;
  captured: boolean;
  amount_refunded: string | number;
  refund_status: string | null;
  method: string;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  created_at: string | number;
}

export interface RefundRow {
  id: string;
  payment_id: string;
  amount: string | number;
  currency: string;
  status: string;
  receipt: string | null;
  notes: Record<string, string>;
  created_at: string | number;
}

/** Razorpay's `notes` is `[]` when empty, not `{}`. */
const notesJson = (notes: Record<string, string>) => (Object.keys(notes).length ? notes : []);

export function orderEntity(row: OrderRow) {
  const amount = Number(row.amount);
  const paid = Number(row.amount_paid);
  return {
    id: row.id,
    entity: 'order',
    amount,
    amount_paid: paid,
    amount_due: amount - paid,
    currency: row.currency,
    receipt: row.receipt,
    offer_id: null,
    status: row.status,
    attempts: row.attempts,
    notes: notesJson(row.notes),
    created_at: Number(row.created_at),
  };
}

export function paymentEntity(row: PaymentRow) {
  return {
    id: row.id,
    entity: 'payment',
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    order_id: row.order_id,
    invoice_id: null,
    international: false,
    method: row.method,
    amount_refunded: Number(row.amount_refunded),
    refund_status: row.refund_status,
    captured: row.captured,
    description: 'SpareFlow wallet top-up (sandbox)',
    email: 'sandbox@example.com',
    contact: '+919000000000',
    notes: [],
    fee: row.captured ? Math.round(Number(row.amount) * 0.02) : null,
    tax: row.captured ? Math.round(Number(row.amount) * 0.02 * 0.18) : null,
    error_code: row.error_code,
    error_description: row.error_description,
    error_source: row.error_source,
    error_step: row.error_step,
    error_reason: row.error_reason,
    created_at: Number(row.created_at),
  };
}

export function refundEntity(row: RefundRow) {
  return {
    id: row.id,
    entity: 'refund',
    amount: Number(row.amount),
    currency: row.currency,
    payment_id: row.payment_id,
    notes: notesJson(row.notes),
    receipt: row.receipt,
    acquirer_data: { arn: null },
    created_at: Number(row.created_at),
    batch_id: null,
    status: row.status,
    speed_processed: 'normal',
    speed_requested: 'normal',
  };
}

/** Razorpay's error envelope, always with every field. */
export function errorBody(
  description: string,
  options: { field?: string | null; code?: string; validation?: boolean } = {},
) {
  const validation = options.validation ?? true;
  return {
    error: {
      code: options.code ?? 'BAD_REQUEST_ERROR',
      description,
      source: validation ? 'business' : 'NA',
      step: validation ? 'payment_initiation' : 'NA',
      reason: validation ? 'input_validation_failed' : 'NA',
      metadata: {},
      field: options.field ?? null,
    },
  };
}
