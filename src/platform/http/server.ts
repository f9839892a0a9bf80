import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type onResponseHookHandler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { FastifyZodApp } from './fastify-types.js';
import { installMethodGuard } from './method-guard.js';
import { registerMetricsRoute } from './metrics-route.js';
import { registerOpenApiDocs } from './openapi-docs.js';
import { frameworkProblem, installProblemHandlers, sendProblem } from './problem.js';
import { installRateLimits } from './rate-limits.js';
import { responseSerializerCompiler } from './response-serializer.js';
import { storableTextValidatorCompiler } from './storable-text.js';
import { apiSecurityHeaders } from './security-headers.js';
import { installRoutePolicies, type Authenticate, type DeclaredRoute } from './route-policy.js';
import { installRouteContracts, type RouteContract } from './route-contract.js';
import { isPageNavigation, registerWebApp, type WebApp } from './web-app.js';
import { RequestLogController, requestLogLevel } from './request-log-controller.js';

export interface HttpServerOptions {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  /** Registers every module's routes; called once the shared plugins are in place. */
  registerRoutes: (app: FastifyZodApp) => Promise<void> | void;
  /** Resolves credentials for routes whose policy is not public. */
  authenticate: Authenticate;
  /** The built web app's folder (default `dist/web` in the package); tests pass their own. */
  webAppDir?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every `/api/` route with its policy, as registered (the authorisation matrix walks it). */
    declaredRoutes: readonly DeclaredRoute[];
    /** Every documented route with what the document says beyond its schemas (route-contract.ts). */
    routeContracts: readonly RouteContract[];
  }
}

const acceptableRequestId = /^[\w.:-]{1,128}$/;

/**
 * Request ids are `<process id>-<sequence>`: unique across processes (a random 48-bit prefix per
 * process start) and ordered within one, at a fraction of a UUID's cost. They identify, they do not
 * authorise, so they need not be unguessable.
 */
const processPrefix = crypto.randomBytes(6).toString('hex');
let requestSequence = 0;
function nextRequestId(): string {
  requestSequence += 1;
  return `${processPrefix}-${requestSequence.toString(36)}`;
}

const probePaths = new Set(['/health/live', '/health/ready', '/metrics']);

/** Liveness, readiness and metrics requests: frequent, uninteresting, never logged one by one. */
function isProbe(url: string): boolean {
  const query = url.indexOf('?');
  return probePaths.has(query < 0 ? url : url.slice(0, query));
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Builds the Fastify app with the cross-cutting behaviour every route shares. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyZodApp> {
  const { config, logger, metrics } = options;
  const securityHeaders = apiSecurityHeaders(config);
  const app = Fastify({
    // pino's Logger is what Fastify expects at runtime; typed as the base to keep one app type.
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.http.bodyLimitBytes,
    // Only X-Forwarded-* entries appended by the listed proxies count (TRUST_PROXY, docs/operations.md).
    trustProxy: config.http.trustProxy === false ? false : [...config.http.trustProxy],
    // An incoming X-Request-Id (from a proxy or a partner) is kept when it is well-formed.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && acceptableRequestId.test(incoming)
        ? incoming
        : nextRequestId();
    },
    return503OnClosing: true,
    // Probes and scrapes are not logged per request; request lines are at debug in development.
    logController: new RequestLogController(requestLogLevel(config.env), {
      disableRequestLogging: (request) => isProbe(request.url),
    }),
    routerOptions: { maxParamLength: 200 },
    // Router errors skip every hook: they get the headers and the problem+json here.
    frameworkErrors: (error, request, reply) => {
      const problem = frameworkProblem(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      void reply.headers(securityHeaders).header('x-request-id', request.id);
      return sendProblem(reply, problem);
    },
  }).withTypeProvider<ZodTypeProvider>();

  // NUL and unpaired surrogates are refused in every request part before the route's own schema.
  app.setValidatorCompiler(storableTextValidatorCompiler(validatorCompiler));
  app.setSerializerCompiler(responseSerializerCompiler);
  const recordUnmatched = metrics.httpRouteRecorder('unmatched');
  // Set once the routes are in (below); until then no page is served.
  const pages: { webApp?: WebApp | undefined } = {};
  installProblemHandlers(app, {
    onUnmatched: (request, reply) =>
      recordUnmatched(request.method, reply.statusCode, reply.elapsedTime / 1000),
    pageFallback: (request, reply) =>
      pages.webApp && isPageNavigation(request)
        ? pages.webApp.servePage(request, reply)
        : undefined,
  });

  // Hooks on every request are callback-style: async hooks cost measurably on small routes.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
  installMethodGuard(app);
  // Each route gets its own latency recorder (route template bound once, not looked up per request).
  app.addHook('onRoute', (route) => {
    const record = metrics.httpRouteRecorder(route.url);
    const observe: onResponseHookHandler = (request, reply, done) => {
      record(request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    };
    route.onResponse = [...toArray(route.onResponse), observe];
  });

  // CORS stays closed (no plugin, no headers) unless CORS_ORIGINS lists browser origins.
  if (config.http.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: [...config.http.corsOrigins], credentials: true });
  }
  // Cookies exist only for the browser's session routes, which parse them themselves
  // (`app.parseCookie`): `hook: false` keeps cookie parsing off every other request, probes included.
  await app.register(fastifyCookie, { hook: false });
  // Before any route: probes are exempt, credential routes get the stricter limit (rate-limits.ts).
  await installRateLimits(app, config, logger);
  const contracts = installRouteContracts(app);
  await registerOpenApiDocs(app, config, contracts);

  registerMetricsRoute(app, config, metrics);

  app.decorate('declaredRoutes', installRoutePolicies(app, options.authenticate));
  app.decorate('routeContracts', contracts);
  await options.registerRoutes(app);
  // After the API: a file of the build can never take an API route's place.
  pages.webApp = await registerWebApp(app, config, options.webAppDir);
  await app.ready();
  // Built now, not on the first request: a route the document cannot describe fails start-up.
  app.swagger();
  return app;
}
