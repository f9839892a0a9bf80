import crypto from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppConfig } from '../../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { FastifyZodApp } from './fastify-types.js';
import { installProblemHandlers } from './problem.js';
import { computeSecurityHeaders } from './security-headers.js';

export interface HttpServerOptions {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  /** Registers every module's routes; called once the shared plugins are in place. */
  registerRoutes: (app: FastifyZodApp) => Promise<void> | void;
}

const acceptableRequestId = /^[\w.:-]{1,128}$/;

/** Builds the Fastify app with the cross-cutting behaviour every route shares. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyZodApp> {
  const { config, logger, metrics } = options;
  const app = Fastify({
    // pino's Logger is what Fastify expects at runtime; typed as the base to keep one app type.
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    // An incoming X-Request-Id (from a proxy or a partner) is kept when it is well-formed.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && acceptableRequestId.test(incoming)
        ? incoming
        : crypto.randomUUID();
    },
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const securityHeaders = computeSecurityHeaders({
    // The API serves JSON; only /docs serves HTML and it sets its own CSP (staticCSP below).
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
    strictTransportSecurity: config.isProduction,
  });
  await app.register(fastifyCors, {
    // Closed unless CORS_ORIGINS lists the browser origins allowed to call the API.
    origin: config.http.corsOrigins.length > 0 ? [...config.http.corsOrigins] : false,
    credentials: true,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SpareFlow API',
        version: '1.0.0',
        description:
          'Spare-parts logistics for India. Errors are RFC 9457 application/problem+json with a stable `code` and the `requestId`.',
      },
      servers: config.http.appUrl ? [{ url: config.http.appUrl }] : [],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      tags: [{ name: 'service', description: 'Health, readiness and metrics' }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, tryItOutEnabled: true },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/metrics',
    {
      schema: { tags: ['service'], summary: 'Prometheus metrics (text format)' },
      logLevel: 'warn',
    },
    async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  await options.registerRoutes(app);
  await app.ready();
  return app;
}
