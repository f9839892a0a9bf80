import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import type { AppConfig } from '../../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';
import type { FastifyZodApp } from './fastify-types.js';
import { connectRateLimitRedis } from './rate-limit-redis.js';

/**
 * Which limit a route gets, by path. The first matching rule wins; a route matching none gets the
 * general per-IP limit. Routes added later under these paths (e.g. new password-reset steps) get
 * their rule without touching their own files. A route that sets `config.rateLimit` itself keeps it.
 */
export type RateLimitClass = 'exempt' | 'credentials' | 'general';

export const rateLimitRules: ReadonlyArray<{
  match: (url: string) => boolean;
  limit: RateLimitClass;
}> = [
  // Kubernetes probes and Prometheus scrapes must never see a 429 (and pay no limiter cost).
  { match: (url) => url.startsWith('/health/') || url === '/metrics', limit: 'exempt' },
  // Routes that check a password or a secret token (a guessing target) or send e-mail (an abuse
  // target): a much lower limit.
  {
    match: (url) =>
      url === '/api/v1/auth/login' ||
      url === '/api/v1/auth/register' ||
      url === '/api/v1/auth/password-change' ||
      url === '/api/v1/auth/verify-email/resend' ||
      url.startsWith('/api/v1/auth/password-reset/') ||
      url === '/api/v1/team/invitations/accept' ||
      url === '/api/v1/team/invitations/preview' ||
      url === '/api/v1/network/invitations/preview',
    limit: 'credentials',
  },
];

export function rateLimitClassOf(url: string): RateLimitClass {
  return rateLimitRules.find((rule) => rule.match(url))?.limit ?? 'general';
}

const minute = 60_000;

/** The 429 as our problem+json: `RATE_LIMITED`, `retryAfterSeconds` (the plugin sets Retry-After). */
function rateLimited(seconds: number): AppError {
  return new AppError('RATE_LIMITED', {
    detail: `Too many requests from this address; retry in ${seconds} s.`,
    extensions: { retryAfterSeconds: seconds },
  });
}

/**
 * Per-IP rate limiting (`@fastify/rate-limit`). Call before any route is added: the onRoute hook
 * below must run before the plugin's, which reads `config.rateLimit`.
 *
 * - general: `RATE_LIMIT_PER_MINUTE` per IP, one counter across all routes without a rule;
 * - credentials: `RATE_LIMIT_AUTH_PER_MINUTE` per IP and per route;
 * - exempt: no limiter hook at all.
 *
 * With `REDIS_URL` the counters live in Redis (shared by every instance), otherwise in memory.
 * If Redis is unreachable, requests are let through (fail-open) and a warning is logged: rate
 * limiting is a defence in depth (logins also lock accounts), not worth taking the API down for.
 */
export async function installRateLimits(
  app: FastifyZodApp,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  const { perMinute, authPerMinute, redisPrefix } = config.rateLimit;
  const credentials: RateLimitOptions = { max: authPerMinute, timeWindow: minute };

  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.rateLimit !== undefined) return;
    const limit = rateLimitClassOf(route.url);
    if (limit === 'general') return;
    route.config = { ...route.config, rateLimit: limit === 'exempt' ? false : credentials };
  });

  const redis = config.redisUrl ? await connectRateLimitRedis(config.redisUrl, logger) : undefined;
  if (redis)
    app.addHook('onClose', async () =>
      redis.quit().then(
        () => undefined,
        () => undefined,
      ),
    );

  await app.register(fastifyRateLimit, {
    global: true,
    max: perMinute,
    timeWindow: minute,
    ...(redis ? { redis, nameSpace: redisPrefix } : {}),
    skipOnError: true,
    // The draft-spec `ratelimit-*` headers rather than the legacy `x-ratelimit-*` ones.
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
  });
}
