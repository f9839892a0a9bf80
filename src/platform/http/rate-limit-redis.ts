import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';

/** How long a rate-limit check may wait on Redis before the request is let through. */
const commandTimeoutMs = 250;
/** How long start-up waits for the first connection before going on without it. */
const startupWaitMs = 2_000;

/**
 * The Redis client the rate limiter shares its counters through. Built to fail open: no offline
 * queue and a short command timeout, so an unreachable Redis makes each check fail fast (the
 * limiter then lets the request through) instead of making requests wait. It keeps reconnecting in
 * the background; the outage and the recovery are each logged once, not per request.
 */
export async function connectRateLimitRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: startupWaitMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(
      { err: error },
      'rate limiting: Redis unavailable, requests are not rate-limited until it is back',
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('rate limiting: Redis reachable again, shared limits restored');
  });
  // Start-up does not depend on Redis: after `startupWaitMs` the API starts without it.
  await Promise.race([
    redis.connect().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, startupWaitMs).unref()),
  ]);
  return redis;
}
