import createClient from 'openapi-fetch';
import { session } from '../session/session-store';
import type { paths } from './schema';

/**
 * The typed API client, generated from the server's OpenAPI document (`npm run gen:api`), so a
 * change to a route's schema that the UI does not follow fails the type-check. Every call goes
 * through the session, which adds the in-memory access token and refreshes it once on a 401.
 */
export const api = createClient<paths>({
  baseUrl: location.origin,
  fetch: (request: Request) => session.authorisedFetch(request),
});

export type Paths = paths;

/** The JSON body of a 200/201 response of an operation, for typing page state. */
export type ResponseOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'delete',
> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;
