/**
 * What SpareFlow needs from a payment gateway, in its own words: amounts in integer paise, ids
 * as the gateway spells them, dates as `Date`. Razorpay implements it today
 * (`razorpay.adapter.ts`, live or against the sandbox simulator); nothing outside the adapter
 * knows Razorpay's JSON.
 *
 * Every method either returns the gateway's answer or throws a {@link PaymentGatewayError}; none
 * retries a non-idempotent call on its own except where the gateway honours an idempotency key
 * (refunds).
 */
export interface PaymentGatewayPort {
  /** The public key id the browser checkout needs (never the secret). */
  readonly keyId: string;

  /** Creates an order the customer then pays. Not idempotent: call it once per top-up. */
  createOrder(input: CreateOrderInput): Promise<GatewayOrder>;

  fetchOrder(orderId: string): Promise<GatewayOrder>;

  /** Every payment attempt on an order (failed ones included), oldest first. */
  fetchOrderPayments(orderId: string): Promise<GatewayPayment[]>;

  fetchPayment(paymentId: string): Promise<GatewayPayment>;

  /** Captures an `authorized` payment for exactly `amountPaise` (the gateway refuses any other). */
  capturePayment(paymentId: string, amountPaise: number, currency: 'INR'): Promise<GatewayPayment>;

  /**
   * Refunds part or all of a captured payment. `idempotencyKey` (10–40 of `[A-Za-z0-9_-]`) makes a
   * retry with the same body return the same refund, so this call is retried safely.
   */
  createRefund(paymentId: string, input: CreateRefundInput): Promise<GatewayRefund>;

  fetchRefund(refundId: string): Promise<GatewayRefund>;

  /** Every refund of a payment. */
  fetchPaymentRefunds(paymentId: string): Promise<GatewayRefund[]>;
}

export interface CreateOrderInput {
  amountPaise: number;
  currency: 'INR';
  /** Our reference (the top-up id), at most 40 characters. */
  receipt: string;
  /** At most 15 pairs of at most 256 characters each. */
  notes: Record<string, string>;
}

export interface CreateRefundInput {
  amountPaise: number;
  idempotencyKey: string;
  receipt?: string;
  notes?: Record<string, string>;
}

export type GatewayOrderStatus = 'created' | 'attempted' | 'paid';
export type GatewayPaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
export type GatewayRefundStatus = 'pending' | 'processed' | 'failed';

export interface GatewayOrder {
  id: string;
  amountPaise: number;
  amountPaidPaise: number;
  currency: string;
  receipt: string | null;
  status: GatewayOrderStatus;
  notes: Record<string, string>;
  createdAt: Date;
}

export interface GatewayPayment {
  id: string;
  orderId: string | null;
  amountPaise: number;
  currency: string;
  status: GatewayPaymentStatus;
  captured: boolean;
  amountRefundedPaise: number;
  method: string | null;
  /** Why a `failed` payment failed (the gateway's code and description). */
  errorCode: string | null;
  errorDescription: string | null;
  createdAt: Date;
}

export interface GatewayRefund {
  id: string;
  paymentId: string;
  amountPaise: number;
  currency: string;
  status: GatewayRefundStatus;
  receipt: string | null;
  createdAt: Date;
}

/**
 * Why a gateway call failed:
 * - `unavailable`: no answer, a timeout, 429 or 5xx (after the client's retries) — try later;
 * - `misconfigured`: the gateway refused our credentials (401) — an operator must fix the keys;
 * - `not_found`: the id does not exist at the gateway;
 * - `conflict`: a concurrent duplicate (409), e.g. the same refund idempotency key in flight;
 * - `rejected`: the gateway refused the request (400) — `field` and `description` say why.
 */
export type PaymentGatewayErrorKind =
  'unavailable' | 'misconfigured' | 'not_found' | 'conflict' | 'rejected';

export class PaymentGatewayError extends Error {
  constructor(
    readonly kind: PaymentGatewayErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      field?: string | null;
      retryAfterSeconds?: number;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PaymentGatewayError';
  }
}
