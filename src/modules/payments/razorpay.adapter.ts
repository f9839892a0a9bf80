import { z } from 'zod';
import {
  OutboundHttpError,
  type OutboundHttpClient,
  type OutboundRequest,
  type OutboundResponse,
} from '../../platform/outbound-http/outbound-http-client.js';
import { parseRetryAfter } from '../../platform/outbound-http/retry-policy.js';
import {
  PaymentGatewayError,
  type CreateOrderInput,
  type CreateRefundInput,
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
  type PaymentGatewayPort,
} from './payment-gateway.port.js';

// Razorpay's JSON, read loosely (unknown fields ignored) but typed where we rely on it.
const notesSchema = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
  .transform((notes) =>
    Array.isArray(notes)
      ? {}
      : Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, String(v)])),
  );
const orderSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  amount_paid: z.number().int(),
  currency: z.string(),
  receipt: z.string().nullable().optional(),
  status: z.enum(['created', 'attempted', 'paid']),
  notes: notesSchema.optional(),
  created_at: z.number(),
});
const paymentSchema = z.object({
  id: z.string(),
  order_id: z.string().nullable().optional(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['created', 'authorized', 'captured', 'refunded', 'failed']),
  captured: z.boolean().optional(),
  amount_refunded: z.number().int().optional(),
  method: z.string().nullable().optional(),
  error_code: z.string().nullable().optional(),
  error_description: z.string().nullable().optional(),
  created_at: z.number(),
});
const refundSchema = z.object({
  id: z.string(),
  payment_id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['pending', 'processed', 'failed']),
  receipt: z.string().nullable().optional(),
  created_at: z.number(),
});
const collection = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const errorEnvelope = z.object({
  error: z.object({
    code: z.string().optional(),
    description: z.string().optional(),
    field: z.string().nullable().optional(),
  }),
});

type RazorpayOrder = z.infer<typeof orderSchema>;
type RazorpayPayment = z.infer<typeof paymentSchema>;
type RazorpayRefund = z.infer<typeof refundSchema>;

const toDate = (seconds: number) => new Date(seconds * 1000);

export function toGatewayOrder(order: RazorpayOrder): GatewayOrder {
  return {
    id: order.id,
    amountPaise: order.amount,
    amountPaidPaise: order.amount_paid,
    currency: order.currency,
    receipt: order.receipt ?? null,
    status: order.status,
    notes: order.notes ?? {},
    createdAt: toDate(order.created_at),
  };
}

export function toGatewayPayment(payment: RazorpayPayment): GatewayPayment {
  return {
    id: payment.id,
    orderId: payment.order_id ?? null,
    amountPaise: payment.amount,
    currency: payment.currency,
    status: payment.status,
    captured: payment.captured ?? payment.status === 'captured',
    amountRefundedPaise: payment.amount_refunded ?? 0,
    method: payment.method ?? null,
    errorCode: payment.error_code ?? null,
    errorDescription: payment.error_description ?? null,
    createdAt: toDate(payment.created_at),
  };
}

export function toGatewayRefund(refund: RazorpayRefund): GatewayRefund {
  return {
    id: refund.id,
    paymentId: refund.payment_id,
    amountPaise: refund.amount,
    currency: refund.currency,
    status: refund.status,
    receipt: refund.receipt ?? null,
    createdAt: toDate(refund.created_at),
  };
}

/** The ids we put into paths: Razorpay's shape only, so nothing can be smuggled into the URL. */
const idPattern = /^(order|pay|rfnd)_[A-Za-z0-9]{6,40}$/;
function id(value: string): string {
  if (!idPattern.test(value))
    throw new PaymentGatewayError('not_found', 'not a Razorpay id', { status: 400 });
  return value;
}

export interface RazorpayCredentials {
  keyId: string;
  keySecret: string;
}

/**
 * The payment-gateway port on Razorpay's REST API (v1), through SpareFlow's outbound HTTP
 * client: Basic auth with the key id and secret, JSON bodies, Razorpay's error envelope
 * (`error{code, description, field, …}`) mapped to {@link PaymentGatewayError}. The same
 * adapter talks to api.razorpay.com in live mode and to the simulator in sandbox mode.
 */
export class RazorpayAdapter implements PaymentGatewayPort {
  readonly keyId: string;
  private readonly authorization: string;

  constructor(
    private readonly http: OutboundHttpClient,
    credentials: RazorpayCredentials,
  ) {
    this.keyId = credentials.keyId;
    this.authorization = `Basic ${Buffer.from(`${credentials.keyId}:${credentials.keySecret}`).toString('base64')}`;
  }

  async createOrder(input: CreateOrderInput): Promise<GatewayOrder> {
    const body = {
      amount: input.amountPaise,
      currency: input.currency,
      receipt: input.receipt,
      notes: input.notes,
    };
    const json = await this.call(
      { method: 'POST', path: '/v1/orders', endpoint: '/v1/orders', json: body },
      orderSchema,
    );
    return toGatewayOrder(json);
  }

  async fetchOrder(orderId: string): Promise<GatewayOrder> {
    const path = `/v1/orders/${id(orderId)}`;
    return toGatewayOrder(
      await this.call({ method: 'GET', path, endpoint: '/v1/orders/:id' }, orderSchema),
    );
  }

  async fetchOrderPayments(orderId: string): Promise<GatewayPayment[]> {
    const path = `/v1/orders/${id(orderId)}/payments`;
    const json = await this.call(
      { method: 'GET', path, endpoint: '/v1/orders/:id/payments' },
      collection(paymentSchema),
    );
    return json.items.map(toGatewayPayment).sort((a, b) => +a.createdAt - +b.createdAt);
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    const path = `/v1/payments/${id(paymentId)}`;
    return toGatewayPayment(
      await this.call({ method: 'GET', path, endpoint: '/v1/payments/:id' }, paymentSchema),
    );
  }

  async capturePayment(
    paymentId: string,
    amountPaise: number,
    currency: 'INR',
  ): Promise<GatewayPayment> {
    // Capturing twice is refused by Razorpay ("already captured"), so a retry after a lost answer
    // cannot capture twice: safe to retry.
    const path = `/v1/payments/${id(paymentId)}/capture`;
    const json = await this.call(
      {
        method: 'POST',
        path,
        endpoint: '/v1/payments/:id/capture',
        json: { amount: amountPaise, currency },
        retrySafe: true,
      },
      paymentSchema,
    );
    return toGatewayPayment(json);
  }

  async createRefund(paymentId: string, input: CreateRefundInput): Promise<GatewayRefund> {
    if (!/^[A-Za-z0-9_-]{10,40}$/.test(input.idempotencyKey))
      throw new Error('a refund idempotency key is 10–40 characters of [A-Za-z0-9_-]');
    const path = `/v1/payments/${id(paymentId)}/refund`;
    const json = await this.call(
      {
        method: 'POST',
        path,
        endpoint: '/v1/payments/:id/refund',
        json: {
          amount: input.amountPaise,
          speed: 'normal',
          ...(input.receipt ? { receipt: input.receipt } : {}),
          ...(input.notes ? { notes: input.notes } : {}),
        },
        headers: { 'X-Refund-Idempotency': input.idempotencyKey },
        retrySafe: true,
      },
      refundSchema,
    );
    return toGatewayRefund(json);
  }

  async fetchRefund(refundId: string): Promise<GatewayRefund> {
    const path = `/v1/refunds/${id(refundId)}`;
    return toGatewayRefund(
      await this.call({ method: 'GET', path, endpoint: '/v1/refunds/:id' }, refundSchema),
    );
  }

  async fetchPaymentRefunds(paymentId: string): Promise<GatewayRefund[]> {
    const path = `/v1/payments/${id(paymentId)}/refunds`;
    const json = await this.call(
      { method: 'GET', path, endpoint: '/v1/payments/:id/refunds' },
      collection(refundSchema),
    );
    return json.items.map(toGatewayRefund);
  }

  private async call<T extends z.ZodType>(
    request: OutboundRequest,
    schema: T,
  ): Promise<z.infer<T>> {
    let response: OutboundResponse;
    try {
      response = await this.http.send({
        ...request,
        headers: { ...request.headers, authorization: this.authorization },
      });
    } catch (error) {
      if (error instanceof OutboundHttpError)
        throw new PaymentGatewayError(
          'unavailable',
          `Razorpay did not answer (${error.kind})`,
          {},
          {
            cause: error,
          },
        );
      throw error;
    }
    if (response.status >= 200 && response.status < 300) {
      const parsed = schema.safeParse(response.json);
      if (!parsed.success)
        throw new PaymentGatewayError('unavailable', 'Razorpay answered with an unexpected body', {
          status: response.status,
        });
      return parsed.data as z.infer<T>;
    }
    throw mapError(response);
  }
}

/** Razorpay's error envelope and status to our error kinds. */
export function mapError(response: Pick<OutboundResponse, 'status' | 'json' | 'headers'>) {
  const envelope = errorEnvelope.safeParse(response.json);
  const error = envelope.success ? envelope.data.error : {};
  const description = error.description ?? `HTTP ${response.status}`;
  const details = {
    status: response.status,
    ...(error.code ? { code: error.code } : {}),
    field: error.field ?? null,
  };
  const { status } = response;
  if (status === 429 || status >= 500) {
    const retryAfter = parseRetryAfter(response.headers['retry-after']);
    return new PaymentGatewayError('unavailable', `Razorpay: ${description}`, {
      ...details,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (status === 401)
    return new PaymentGatewayError('misconfigured', `Razorpay: ${description}`, details);
  if (status === 404 || /does not exist/i.test(description))
    return new PaymentGatewayError('not_found', `Razorpay: ${description}`, details);
  if (status === 409)
    return new PaymentGatewayError('conflict', `Razorpay: ${description}`, details);
  return new PaymentGatewayError('rejected', `Razorpay: ${description}`, details);
}
