import type { FastifyReply } from 'fastify';
import { isAppError } from '../errors/app-error.js';

/**
 * Rethrows `error`; an `AppError` carrying `retryAfterSeconds` (a lockout, a resend limit) also
 * sets the `Retry-After` header (RFC 9110) on the reply its problem document goes out with.
 */
export function rethrowWithRetryAfter(reply: FastifyReply, error: unknown): never {
  const seconds = isAppError(error) ? error.extensions?.['retryAfterSeconds'] : undefined;
  if (typeof seconds === 'number') void reply.header('retry-after', String(seconds));
  throw error;
}
