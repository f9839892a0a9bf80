import crypto from 'node:crypto';
import type { AppConfig } from '../../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { Metrics } from '../metrics/metrics.js';
import type { FastifyZodApp } from './fastify-types.js';
import { sendProblem } from './problem.js';

/** Constant-time comparison of the presented bearer token with `METRICS_TOKEN`. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return false;
  const presented = crypto.createHash('sha256').update(authorization.slice(7).trim()).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(presented, expected);
}

/**
 * `GET /metrics` (Prometheus text). Its figures (routes, pool sizes, job queues, drift) describe
 * the installation, so production does not show them to the internet: with `METRICS_TOKEN` the
 * scraper must send `Authorization: Bearer <token>` (401 otherwise), and production without a
 * token has no such route (404). Development and test keep it open.
 */
export function registerMetricsRoute(
  app: FastifyZodApp,
  config: AppConfig,
  metrics: Metrics,
): void {
  const access = config.metrics;
  if (access.access === 'absent') return;
  app.get(
    '/metrics',
    {
      config: {
        rawResponse: { status: 200, mediaTypes: ['text/plain'], encoding: 'text' },
        problems: access.access === 'token' ? ['UNAUTHENTICATED'] : [],
      },
      schema: {
        tags: ['service'],
        summary:
          access.access === 'token'
            ? 'Prometheus metrics (text format); Authorization: Bearer METRICS_TOKEN'
            : 'Prometheus metrics (text format)',
      },
    },
    async (request, reply) => {
      if (access.access === 'token' && !bearerMatches(request.headers.authorization, access.token))
        return sendProblem(
          reply.header('www-authenticate', 'Bearer realm="metrics"'),
          new AppError('UNAUTHENTICATED', {
            detail: 'Send Authorization: Bearer <METRICS_TOKEN> to read the metrics.',
          }),
        );
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
