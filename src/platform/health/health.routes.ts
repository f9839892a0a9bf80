import { z } from 'zod';
import type { FastifyZodApp } from '../http/fastify-types.js';

export interface CheckResult {
  ok: boolean;
  detail?: string;
}

/** One thing that must work for this instance to take traffic (database, migrations, job queue…). */
export interface ReadinessCheck {
  name: string;
  run(): Promise<CheckResult>;
}

const checkTimeoutMs = 2000;

export async function runChecks(checks: readonly ReadinessCheck[]) {
  const results = await Promise.all(
    checks.map(async (check) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<CheckResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, detail: `no answer within ${checkTimeoutMs} ms` }),
          checkTimeoutMs,
        );
      });
      const result = await Promise.race([
        check.run().catch((error: unknown) => ({
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
        })),
        timeout,
      ]);
      clearTimeout(timer);
      return {
        name: check.name,
        status: result.ok ? ('ok' as const) : ('failing' as const),
        ...(result.detail ? { detail: result.detail } : {}),
      };
    }),
  );
  return { ok: results.every((result) => result.status === 'ok'), checks: results };
}

const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['ok', 'failing']),
      detail: z.string().optional(),
    }),
  ),
});

export function registerHealthRoutes(
  app: FastifyZodApp,
  checks: readonly ReadinessCheck[],
  isShuttingDown: () => boolean,
) {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['service'],
        summary: 'Liveness: 200 while the process runs',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['service'],
        summary: 'Readiness: 200 when the database, migrations and job queue are ready, else 503',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const shutdownCheck: ReadinessCheck = {
        name: 'accepting_traffic',
        run: async () => (isShuttingDown() ? { ok: false, detail: 'shutting down' } : { ok: true }),
      };
      const { ok, checks: results } = await runChecks([shutdownCheck, ...checks]);
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ready' : 'not_ready', checks: results });
    },
  );
}
