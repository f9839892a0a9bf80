import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import type { SmtpSink } from './smtp-sink.js';

const mailboxQuery = z.object({ to: z.email().optional() });

const mailboxResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      html: z.string().nullable(),
      receivedAt: z.date(),
      links: z.array(z.string()),
    }),
  ),
  sandbox: z.literal(true),
});

/**
 * `GET /api/v1/sandbox/mailbox?to=` lists what the sandbox SMTP sink captured, newest first, so a
 * developer (or an e2e test) can follow a verification or reset link without a real inbox.
 *
 * Registered **only** when `integrations.email` is `sandbox` and `NODE_ENV` is not production
 * (the route does not exist, 404, otherwise). Public access is acceptable there: in sandbox mode
 * no e-mail ever leaves the machine, so the sink holds only messages produced by this sandbox
 * instance. It hands out password-reset links to anyone, which is why production (where real
 * accounts live) never registers it, even with `ALLOW_SANDBOX_IN_PRODUCTION`.
 */
export function registerSandboxMailboxRoutes(app: FastifyZodApp, sink: SmtpSink): void {
  app.get(
    '/api/v1/sandbox/mailbox',
    {
      config: { policy: { access: 'public' }, problems: [] },
      schema: {
        tags: ['sandbox'],
        summary: 'E-mails captured by the sandbox SMTP sink (sandbox mode only)',
        querystring: mailboxQuery,
        response: { 200: mailboxResponse },
      },
    },
    async (request) => ({ items: sink.list(request.query.to), sandbox: true as const }),
  );
}
