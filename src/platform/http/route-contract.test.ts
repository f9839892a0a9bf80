import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyRouteContracts } from './openapi-contract.js';
import {
  installRouteContracts,
  openApiPath,
  securityOf,
  securitySchemes,
} from './route-contract.js';

async function appWithContracts() {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const contracts = installRouteContracts(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: { securitySchemes },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => applyRouteContracts(jsonSchemaTransformObject(input), contracts),
  });
  return { app, contracts };
}

describe('securityOf', () => {
  it('derives the requirement from the policy', () => {
    expect(securityOf(undefined)).toEqual([]);
    expect(securityOf({ access: 'public' })).toEqual([]);
    expect(securityOf({ access: 'authenticated', capability: 'account.use' })).toEqual([
      { bearerAuth: [] },
    ]);
    expect(securityOf({ access: 'authenticated', capability: 'catalog.read' })).toEqual([
      { bearerAuth: [] },
      { apiKey: [] },
    ]);
  });
});

describe('openApiPath', () => {
  it('writes path parameters the way @fastify/swagger does', () => {
    expect(openApiPath('/api/v1/levels/:locationId/:partId/thresholds')).toBe(
      '/api/v1/levels/{locationId}/{partId}/thresholds',
    );
  });
});

describe('installRouteContracts', () => {
  it('refuses to start with an /api/ route that declares no problems', async () => {
    const { app } = await appWithContracts();
    expect(() =>
      app.get('/api/v1/open', { config: { policy: { access: 'public' } } }, async () => ({})),
    ).toThrow(/declares no problems/);
    await app.close();
  });

  it('refuses a route that names its own security or hides an /api/ route', async () => {
    const { app } = await appWithContracts();
    expect(() =>
      app.get(
        '/api/v1/a',
        {
          config: { policy: { access: 'public' }, problems: [] },
          schema: { security: [{ apiKey: [] }] },
        },
        async () => ({}),
      ),
    ).toThrow(/follows from config.policy/);
    expect(() =>
      app.get(
        '/api/v1/b',
        { config: { policy: { access: 'public' }, problems: [] }, schema: { hide: true } },
        async () => ({}),
      ),
    ).toThrow(/may not be hidden/);
    await app.close();
  });

  it('completes the document: security, problem responses, raw bodies and downloads', async () => {
    const { app } = await appWithContracts();
    app.post(
      '/api/v1/things/:id/file',
      {
        config: {
          policy: { access: 'authenticated', capability: 'locations.write' },
          problems: ['CONFLICT'],
          rawBody: { mediaTypes: ['text/csv'], encoding: 'text' },
        },
        schema: { params: z.object({ id: z.uuid() }) },
      },
      async () => ({}),
    );
    app.get(
      '/api/v1/things/:id/image',
      {
        config: {
          policy: { access: 'public' },
          problems: [],
          rawResponse: { status: 200, mediaTypes: ['image/png'], encoding: 'binary' },
        },
        schema: { params: z.object({ id: z.uuid() }) },
      },
      async () => ({}),
    );
    await app.ready();
    const document = app.swagger() as unknown as {
      components: { schemas: Record<string, unknown> };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.components.schemas['Problem']).toBeDefined();
    const post = document.paths['/api/v1/things/{id}/file']?.['post'];
    expect(post?.['security']).toEqual([{ bearerAuth: [] }, { apiKey: [] }]);
    expect(post?.['requestBody']).toEqual({
      required: true,
      content: { 'text/csv': { schema: { type: 'string' } } },
    });
    const responses = post?.['responses'] as Record<string, { description: string }>;
    expect(Object.keys(responses).sort()).toEqual(
      ['200', '400', '401', '403', '404', '409', '413', '415'].sort(),
    );
    expect(responses['409']).toEqual({
      description: 'Conflict: CONFLICT',
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              {
                type: 'object',
                properties: { status: { const: 409 }, code: { enum: ['CONFLICT'] } },
              },
            ],
          },
        },
      },
    });
    const get = document.paths['/api/v1/things/{id}/image']?.['get'];
    expect(get?.['security']).toEqual([]);
    expect((get?.['responses'] as Record<string, unknown>)['200']).toEqual({
      description: 'Default Response',
      content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
    });
    await app.close();
  });

  it('fails the document when a security scheme is missing', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    const contracts = installRouteContracts(app);
    await app.register(fastifySwagger, {
      openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } },
      transformObject: (input) => applyRouteContracts(jsonSchemaTransformObject(input), contracts),
    });
    app.get(
      '/api/v1/x',
      { config: { policy: { access: 'authenticated', capability: 'account.use' }, problems: [] } },
      async () => ({}),
    );
    await app.ready();
    expect(() => app.swagger()).toThrow(/security scheme bearerAuth/);
    await app.close();
  });
});
