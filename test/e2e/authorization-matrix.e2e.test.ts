import { describe, expect, it } from 'vitest';
import { memberRoles } from '../../src/modules/identity/identity.tables.js';
import { capabilities, holds } from '../../src/platform/http/capabilities.js';
import { ruleOf, type DeclaredRoute } from '../../src/platform/http/route-policy.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

// Generated from the live route table: every route added later is covered without editing this file.
const testApp = useTestApp();

/** A concrete URL for a route template: path parameters become well-formed ids nobody owns. */
function concreteUrl(route: DeclaredRoute): string {
  // A PIN is no organization's: one India Post does not have is the "unknown id" of its route.
  return route.url
    .replace(/:pin\b/g, '999999')
    .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
}

async function call(route: DeclaredRoute, headers: Record<string, string> = {}) {
  const response = await fetch(`${testApp().url}${concreteUrl(route)}`, {
    method: route.method,
    headers: {
      ...headers,
      ...(route.method === 'GET' || route.method === 'DELETE'
        ? {}
        : { 'content-type': 'application/json' }),
    },
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as { code?: string } | null,
  };
}

/** The detail of the route guard's own 403 (route-policy.ts), as opposed to a service's. */
const guardRefusal = 'Your role does not allow this action.';

const protectedRoutes = () =>
  testApp().http.declaredRoutes.filter((route) => route.policy.access !== 'public');

describe('authorisation matrix', () => {
  it('has a route table, and every /api/ route declares a policy (start-up enforces it)', () => {
    expect(testApp().http.declaredRoutes.length).toBeGreaterThan(0);
  });

  it('answers 401 UNAUTHENTICATED on every protected route without credentials or with a forged token', async () => {
    for (const route of protectedRoutes()) {
      const attempts: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer not-a-token' },
        { 'x-api-key': 'sfk_forged' },
      ];
      for (const headers of attempts) {
        const { status, body } = await call(route, headers);
        expect({ route: `${route.method} ${route.url}`, status, code: body?.code }).toEqual({
          route: `${route.method} ${route.url}`,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
  });

  it('uses every capability of the table on some route', () => {
    const used = new Set(
      protectedRoutes().map((route) =>
        route.policy.access === 'authenticated' ? route.policy.capability : undefined,
      ),
    );
    expect(capabilities.filter((capability) => !used.has(capability))).toEqual([]);
  });

  it('answers 403 FORBIDDEN to every role and organization type the policy excludes', async () => {
    const container = testApp().container;
    const byType = {
      brand: await makeOrganization(container, 'brand', memberRoles),
      distributor: await makeOrganization(container, 'distributor', memberRoles),
      service_center: await makeOrganization(container, 'service_center', memberRoles),
      customer: await makeOrganization(container, 'customer', memberRoles),
    };
    for (const route of protectedRoutes()) {
      const policy = route.policy;
      if (policy.access !== 'authenticated') continue;
      const rule = ruleOf(policy);
      for (const [type, organization] of Object.entries(byType)) {
        for (const role of memberRoles) {
          const typeExcluded =
            rule.organizationTypes !== undefined && !rule.organizationTypes.includes(type as never);
          const roleExcluded = rule.roles !== undefined && !rule.roles.includes(role);
          if (!typeExcluded && !roleExcluded) continue;
          const member = organization.members[role];
          if (!member) throw new Error(`no ${role} in ${type}`);
          const { status, body } = await call(route, {
            authorization: `Bearer ${member.accessToken}`,
          });
          expect({
            route: `${route.method} ${route.url}`,
            type,
            role,
            status,
            code: body?.code,
          }).toEqual({
            route: `${route.method} ${route.url}`,
            type,
            role,
            status: 403,
            code: 'FORBIDDEN',
          });
        }
      }
    }
  });

  it('lets API keys through only where the policy admits their scope', async () => {
    const container = testApp().container;
    const { organizationId } = await makeOrganization(container, 'brand', ['owner']);
    const keys = {
      read: await makeApiKey(container, organizationId, 'read'),
      read_write: await makeApiKey(container, organizationId, 'read_write'),
    } as const;
    for (const route of protectedRoutes()) {
      const policy = route.policy;
      if (policy.access !== 'authenticated') continue;
      const rule = ruleOf(policy);
      for (const scope of ['read', 'read_write'] as const) {
        const admitted =
          rule.apiKey !== undefined && (rule.apiKey === 'read' || scope === 'read_write');
        const typeExcluded =
          rule.organizationTypes !== undefined && !rule.organizationTypes.includes('brand');
        if (admitted && !typeExcluded) continue;
        const { status, body } = await call(route, { 'x-api-key': keys[scope] });
        expect({ route: `${route.method} ${route.url}`, scope, status, code: body?.code }).toEqual({
          route: `${route.method} ${route.url}`,
          scope,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    }
  });

  it('answers 404 to admitted callers for a resource id outside their organization, never 2xx', async () => {
    const container = testApp().container;
    const owners = {
      brand: await makeOrganization(container, 'brand', ['owner']),
      distributor: await makeOrganization(container, 'distributor', ['owner']),
      service_center: await makeOrganization(container, 'service_center', ['owner']),
    };
    const withIds = protectedRoutes().filter((route) => route.url.includes('/:'));
    for (const route of withIds) {
      const policy = route.policy;
      if (policy.access !== 'authenticated') continue;
      const rule = ruleOf(policy);
      if (rule.roles && !rule.roles.includes('owner')) continue;
      for (const [type, organization] of Object.entries(owners)) {
        if (rule.organizationTypes && !rule.organizationTypes.includes(type as never)) continue;
        const owner = organization.members.owner;
        if (!owner) throw new Error('no owner');
        const { status, body } = await call(route, {
          authorization: `Bearer ${owner.accessToken}`,
        });
        const label = `${route.method} ${route.url} as ${type} owner`;
        // Without a body the request may fail validation first; it must never succeed.
        if (route.method === 'GET' || route.method === 'DELETE')
          expect({ label, status, code: body?.code }).toEqual({
            label,
            status: 404,
            code: 'NOT_FOUND',
          });
        else
          expect({ label, status: [400, 404].includes(status) }).toEqual({ label, status: true });
      }
    }
  });

  it('/me lists exactly the capabilities whose routes the guard lets the caller through', async () => {
    const container = testApp().container;
    for (const type of [
      'brand',
      'distributor',
      'service_center',
      'customer',
      'platform',
    ] as const) {
      const organization = await makeOrganization(container, type, memberRoles);
      for (const role of memberRoles) {
        const member = organization.members[role];
        if (!member) throw new Error(`no ${role} in ${type}`);
        const headers = { authorization: `Bearer ${member.accessToken}` };
        const me = await fetch(`${testApp().url}/api/v1/me`, { headers });
        const { capabilities: listed } = (await me.json()) as { capabilities: string[] };
        expect({ type, role, listed }).toEqual({
          type,
          role,
          listed: capabilities.filter((capability) =>
            holds({ kind: 'user', organizationType: type, role }, capability),
          ),
        });
        // What /me says is what the route guard does: held → the guard lets the call through
        // (a service may still refuse it for its own reasons, with its own detail).
        for (const route of protectedRoutes()) {
          if (route.policy.access !== 'authenticated') continue;
          const { status, body } = await call(route, headers);
          const refusedByGuard =
            status === 403 && (body as { detail?: string } | null)?.detail === guardRefusal;
          expect({ route: `${route.method} ${route.url}`, type, role, refusedByGuard }).toEqual({
            route: `${route.method} ${route.url}`,
            type,
            role,
            refusedByGuard: !listed.includes(route.policy.capability),
          });
        }
      }
    }
  });
});
