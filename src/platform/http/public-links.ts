import type { FastifyRequest } from 'fastify';

/** The origin a request was made to, as the caller saw it (`https://host:port`). */
export function requestOriginOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Where links in e-mails point: `APP_URL` when set (production requires it, so a caller's Host
 * header can never choose it there), else the origin of the request that caused the e-mail,
 * else `http://localhost:PORT`. No trailing slash.
 */
export function linkBase(
  appUrl: string | undefined,
  requestOrigin: string | undefined,
  fallbackOrigin: string,
): string {
  return (appUrl ?? requestOrigin ?? fallbackOrigin).replace(/\/+$/, '');
}
