import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { AppConfig } from '../../config/config.js';
import type { FastifyZodApp } from './fastify-types.js';
import { applyRouteContracts } from './openapi-contract.js';
import { securitySchemes, type RouteContract } from './route-contract.js';
import { htmlSecurityHeaders } from './security-headers.js';

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas and completed from their
 * contracts (security, problems, raw bodies: route-contract.ts), served at `/openapi.json`, and
 * the interactive reference at `/docs`.
 */
export async function registerOpenApiDocs(
  app: FastifyZodApp,
  config: AppConfig,
  contracts: readonly RouteContract[],
): Promise<void> {
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
        securitySchemes,
      },
      tags: [{ name: 'service', description: 'Health, readiness and metrics' }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => applyRouteContracts(jsonSchemaTransformObject(input), contracts),
  });

  // HTML pages get helmet's full browser set; the hook is encapsulated to the docs routes.
  const pageHeaders = htmlSecurityHeaders(config);
  await app.register(async (docs) => {
    docs.addHook('onRequest', (_request, reply, done) => {
      reply.headers(pageHeaders);
      done();
    });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      // swagger-ui's own CSP allows exactly its bundled scripts and styles.
      staticCSP: true,
      uiConfig: { deepLinking: true, tryItOutEnabled: true },
    });
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
