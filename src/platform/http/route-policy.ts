import type { FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Caller } from './caller.js';
import {
  capabilitiesHeldBy,
  capabilityRule,
  holds,
  type Capability,
  type CapabilityRule,
} from './capabilities.js';
import type { FastifyZodApp } from './fastify-types.js';

/**
 * What a route requires of its caller. Every route under `/api/` must declare one in
 * `config.policy`; a route without a policy fails start-up, so no route is ever open by accident.
 * An authenticated route names the capability it needs; who holds it is the capability's rule
 * in the one authorization table (capabilities.ts).
 */
export type RoutePolicy =
  { access: 'public' } | { access: 'authenticated'; capability: Capability };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Resolves credentials (bearer token or API key) to a caller; `null` when none were presented. */
export type Authenticate = (request: FastifyRequest) => Promise<Caller | null>;

type AuthenticatedPolicy = Extract<RoutePolicy, { access: 'authenticated' }>;

/** The authorisation rule of a route, pure so it can be tested exhaustively. */
export function isAllowed(caller: Caller, policy: AuthenticatedPolicy): boolean {
  return holds(caller, policy.capability);
}

/** The rule behind a route's policy (roles, organization types, API key scope). */
export function ruleOf(policy: AuthenticatedPolicy): CapabilityRule {
  return capabilityRule(policy.capability);
}

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/**
 * The capabilities `caller` holds: decided by the rules the route guards apply (`isAllowed`), so
 * what `/me` says and what the API does cannot differ.
 */
export function capabilitiesOf(caller: Caller): Capability[] {
  return capabilitiesHeldBy(caller);
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
