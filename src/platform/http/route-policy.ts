import type { FastifyRequest, RouteOptions } from 'fastify';
import type { MemberRole, OrganizationType } from '../access/organization-roles.js';
import { AppError } from '../errors/app-error.js';
import type { Caller } from './caller.js';
import type { FastifyZodApp } from './fastify-types.js';

/**
 * What a route requires of its caller. Every route under `/api/` must declare one in
 * `config.policy`; a route without a policy fails start-up, so no route is ever open by accident.
 */
export type RoutePolicy =
  | { access: 'public' }
  | {
      access: 'authenticated';
      /** Roles (in the caller's organization) allowed; omitted = any member role. */
      roles?: readonly MemberRole[];
      /** Organization types allowed; omitted = any. `platform` means platform administrators. */
      organizationTypes?: readonly OrganizationType[];
      /** Whether API keys may call it: `read` keys only on reading routes. Omitted = users only. */
      apiKey?: 'read' | 'read_write';
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Resolves credentials (bearer token or API key) to a caller; `null` when none were presented. */
export type Authenticate = (request: FastifyRequest) => Promise<Caller | null>;

const scopeRank = { read: 0, read_write: 1 } as const;

/** The authorisation rule itself, pure so it can be tested exhaustively. */
export function isAllowed(
  caller: Caller,
  policy: Extract<RoutePolicy, { access: 'authenticated' }>,
): boolean {
  if (policy.organizationTypes && !policy.organizationTypes.includes(caller.organizationType))
    return false;
  if (caller.kind === 'api_key') {
    return policy.apiKey !== undefined && scopeRank[caller.scope] >= scopeRank[policy.apiKey];
  }
  return policy.roles === undefined || policy.roles.includes(caller.role);
}

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/**
 * Enforces route policies on every `/api/` route and records the route table (the authorisation
 * matrix test walks it, so new routes are covered automatically). Call before routes are added.
 */
export function installRoutePolicies(
  app: FastifyZodApp,
  authenticate: Authenticate,
): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.decorateRequest('caller', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, policy });
    }
    if (policy.access === 'public') return;
    const guard = async (request: FastifyRequest) => {
      const caller = await authenticate(request);
      if (!caller)
        throw new AppError('UNAUTHENTICATED', { detail: 'Send a bearer token or an API key.' });
      if (!isAllowed(caller, policy)) {
        throw new AppError('FORBIDDEN', { detail: 'Your role does not allow this action.' });
      }
      request.caller = caller;
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), guard];
  });
  return declared;
}

/** The authenticated caller of a route whose policy is not public. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED');
  return request.caller;
}
