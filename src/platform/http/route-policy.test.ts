import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { installProblemHandlers } from './problem.js';
import { capabilities } from './capabilities.js';
import {
  capabilitiesOf,
  installRoutePolicies,
  isAllowed,
  type RoutePolicy,
} from './route-policy.js';

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
  // Owners and admins, and read-write keys (capabilities.ts).
  const writers: RoutePolicy = { access: 'authenticated', capability: 'organization.edit' };
  it('checks roles for people and scopes for API keys', () => {
    if (writers.access !== 'authenticated') throw new Error('unreachable');
    expect(isAllowed(owner, writers)).toBe(true);
    expect(isAllowed(viewer, writers)).toBe(false);
    expect(isAllowed(readKey, writers)).toBe(false);
    expect(isAllowed(writeKey, writers)).toBe(true);
    expect(isAllowed(writeKey, { access: 'authenticated', capability: 'account.use' })).toBe(false);
    expect(
      // Distributors and service centers only.
      isAllowed(owner, { access: 'authenticated', capability: 'network.request_access' }),
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
        {
          config: {
            // Owners and admins only.
            policy: { access: 'authenticated', capability: 'audit.read' },
          },
        },
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

describe('capabilities', () => {
  const callers = [
    owner,
    viewer,
    readKey,
    writeKey,
    { ...owner, organizationType: 'service_center' as const },
  ];

  it('a caller holds a capability exactly when a route needing it admits the caller', () => {
    for (const caller of callers) {
      const held = capabilitiesOf(caller);
      for (const capability of capabilities)
        expect(held.includes(capability)).toBe(
          isAllowed(caller, { access: 'authenticated', capability }),
        );
    }
  });

  it('follows the table: roles, organization types and API key scopes', () => {
    expect(capabilitiesOf(owner)).toContain('catalog.write');
    expect(capabilitiesOf(viewer)).not.toContain('catalog.write');
    expect(capabilitiesOf(viewer)).toContain('catalog.read');
    expect(capabilitiesOf(readKey)).toContain('catalog.read');
    expect(capabilitiesOf(readKey)).not.toContain('catalog.write');
    expect(capabilitiesOf(writeKey)).toContain('catalog.write');
    // API keys never hold user-only capabilities, whatever their scope.
    expect(capabilitiesOf(writeKey)).not.toContain('account.use');
    expect(capabilitiesOf(writeKey)).not.toContain('api_keys.manage');
    expect(capabilitiesOf({ ...owner, organizationType: 'service_center' })).not.toContain(
      'catalog.write',
    );
    expect(capabilitiesOf({ ...owner, organizationType: 'service_center' })).toContain(
      'network.request_access',
    );
  });
});
