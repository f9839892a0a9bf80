import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { installProblemHandlers } from './problem.js';
import { installRoutePolicies, isAllowed, type RoutePolicy } from './route-policy.js';

const owner: Caller = {
  kind: 'user',
  userId: 'u',
  organizationId: 'o',
  organizationType: 'brand',
  role: 'owner',
};
const viewer: Caller = { ...owner, role: 'viewer' };
const readKey: Caller = {
  kind: 'api_key',
  apiKeyId: 'k',
  organizationId: 'o',
  organizationType: 'brand',
  scope: 'read',
};
const writeKey: Caller = { ...readKey, scope: 'read_write' };

function appWith(caller: Caller | null) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  const routes = installRoutePolicies(app, async () => caller);
  return { app, routes };
}

describe('isAllowed', () => {
  const writers: RoutePolicy = {
    access: 'authenticated',
    roles: ['owner', 'admin'],
    apiKey: 'read_write',
  };
  it('checks roles for people and scopes for API keys', () => {
    if (writers.access !== 'authenticated') throw new Error('unreachable');
    expect(isAllowed(owner, writers)).toBe(true);
    expect(isAllowed(viewer, writers)).toBe(false);
    expect(isAllowed(readKey, writers)).toBe(false);
    expect(isAllowed(writeKey, writers)).toBe(true);
    expect(isAllowed(writeKey, { access: 'authenticated' })).toBe(false);
    expect(
      isAllowed(owner, { access: 'authenticated', organizationTypes: ['service_center'] }),
    ).toBe(false);
  });
});

describe('installRoutePolicies', () => {
  it('refuses to start with an /api/ route that declares no policy', async () => {
    const { app } = appWith(owner);
    expect(() => app.get('/api/v1/open', async () => ({ ok: true }))).toThrow(/declares no policy/);
    await app.close();
  });

  it('answers 401 without credentials, 403 for an insufficient role, and lists the routes', async () => {
    for (const [caller, status] of [
      [null, 401],
      [viewer, 403],
      [owner, 200],
    ] as const) {
      const { app, routes } = appWith(caller);
      app.post(
        '/api/v1/things',
        { config: { policy: { access: 'authenticated', roles: ['owner'] } } },
        async (request) => ({
          by: request.caller?.kind,
        }),
      );
      app.get('/api/v1/status', { config: { policy: { access: 'public' } } }, async () => ({
        ok: true,
      }));
      const response = await app.inject({ method: 'POST', url: '/api/v1/things' });
      expect(response.statusCode).toBe(status);
      if (status !== 200)
        expect(response.json().code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect((await app.inject('/api/v1/status')).statusCode).toBe(200);
      expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual([
        'POST /api/v1/things',
        'GET /api/v1/status',
      ]);
    }
  });
});
