import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { acceptWebhook } from './razorpay-webhook.service.js';
import type { PaymentsDeps } from './payments.deps.js';

/** Razorpay retries in bursts: a limit of its own, above the general per-IP one. */
export const webhookRateLimit = { max: 600, timeWindow: 60_000 };

/**
 * `POST /api/v1/webhooks/razorpay`: public (Razorpay authenticates by signature), read as raw
 * bytes — the HMAC is over exactly what was sent, never re-serialized JSON — in a scope of its
 * own so no other route's JSON parsing changes. `X-Razorpay-Signature` is redacted in logs by the
 * logger's header rules (`signature`).
 */
export function registerRazorpayWebhookRoute(app: FastifyZodApp, deps: PaymentsDeps): void {
  void app.register(async (scoped) => {
    scoped.removeContentTypeParser('application/json');
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 512 * 1024 },
      (_request, body, done) => done(null, body),
    );
    (scoped as unknown as FastifyZodApp).post(
      '/api/v1/webhooks/razorpay',
      {
        bodyLimit: 512 * 1024,
        config: {
          problems: ['INVALID_SIGNATURE', 'MALFORMED_JSON'],
          policy: { access: 'public' },
          rateLimit: webhookRateLimit,
          rawBody: { mediaTypes: ['application/json'], encoding: 'text' },
        },
        schema: {
          tags: ['webhooks'],
          summary:
            "Razorpay's webhook: raw body signed with the webhook secret; each event takes effect once",
          headers: z
            .object({
              'x-razorpay-signature': z.string().max(200).optional(),
              'x-razorpay-event-id': z.string().max(100).optional(),
            })
            .loose(),
          response: { 200: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
        },
      },
      async (request) => {
        const outcome = await acceptWebhook(deps, {
          rawBody: typeof request.body === 'string' ? request.body : '',
          signature: request.headers['x-razorpay-signature'],
          eventId: request.headers['x-razorpay-event-id'],
        });
        return { received: true as const, duplicate: outcome.duplicate };
      },
    );
  });
}
