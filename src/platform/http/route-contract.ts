import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ErrorCode } from '../errors/error-codes.js';
import type { FastifyZodApp } from './fastify-types.js';
import { rateLimitClassOf } from './rate-limits.js';
import { ruleOf, type RoutePolicy } from './route-policy.js';
import { routeProblems, type RawMedia } from './route-problems.js';

/** The security schemes of the document (components.securitySchemes); routes never name them. */
export const securitySchemes = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
} as const;
export type SecurityRequirement = Partial<Record<keyof typeof securitySchemes, string[]>>;

/** What the OpenAPI document says about one operation beyond its zod schemas. */
export interface RouteContract {
  method: string;
  /** The Fastify URL, e.g. `/api/v1/parts/:id`. */
  url: string;
  /** The OpenAPI path, e.g. `/api/v1/parts/{id}`. */
  path: string;
  security: SecurityRequirement[];
  /** Every 4xx status it can answer, with the codes it can carry. */
  problems: Map<number, ErrorCode[]>;
  rawBody: RawMedia | undefined;
  rawResponse: (RawMedia & { status: number }) | undefined;
}

/**
 * Security from the route policy: public routes (and the probes outside `/api/`) require none;
 * others a user's bearer token, or also an API key when the policy admits keys.
 */
export function securityOf(policy: RoutePolicy | undefined): SecurityRequirement[] {
  if (!policy || policy.access === 'public') return [];
  return ruleOf(policy).apiKey ? [{ bearerAuth: [] }, { apiKey: [] }] : [{ bearerAuth: [] }];
}

/** `/api/v1/parts/:id` → `/api/v1/parts/{id}` (what @fastify/swagger writes). */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function isHidden(route: RouteOptions): boolean {
  return (route.schema as { hide?: boolean } | undefined)?.hide === true;
}

/**
 * Records the contract of every documented route as it is added, and refuses at start-up an
 * `/api/` route that declares no `config.problems`, hides itself from the document, or names its
 * own `security` (that follows from its policy). Call before routes are added; the OpenAPI
 * document is completed from the returned list (openapi-contract.ts).
 */
export function installRouteContracts(app: FastifyZodApp): RouteContract[] {
  const contracts: RouteContract[] = [];
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    const api = route.url.startsWith('/api/');
    const where = `${String(route.method)} ${route.url}`;
    if (isHidden(route)) {
      if (api) throw new Error(`route ${where} is under /api/ and may not be hidden`);
      return;
    }
    const config = route.config;
    if (api && !config?.problems) throw new Error(`route ${where} declares no problems`);
    const schema = route.schema ?? {};
    if ('security' in schema)
      throw new Error(`route ${where} sets security: it follows from config.policy`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      contracts.push({
        method,
        url: route.url,
        path: openApiPath(route.url),
        security: securityOf(config?.policy),
        problems: routeProblems({
          method,
          url: route.url,
          policy: config?.policy,
          validates: ['params', 'querystring', 'headers', 'body'].some((part) => part in schema),
          parsesJson: this.hasContentTypeParser('application/json'),
          rateLimited:
            this.hasPlugin('@fastify/rate-limit') &&
            rateLimitClassOf(route.url) !== 'exempt' &&
            (config as { rateLimit?: unknown } | undefined)?.rateLimit !== false,
          declared: config?.problems ?? [],
        }),
        rawBody: config?.rawBody,
        rawResponse: config?.rawResponse,
      });
    }
  });
  return contracts;
}
