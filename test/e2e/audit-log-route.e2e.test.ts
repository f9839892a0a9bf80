import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../src/app/container.js';
import { recordAudit } from '../../src/modules/audit/audit.service.js';
import type { AuditAction } from '../../src/modules/audit/audit-vocabulary.js';
import type { MemberRole, OrganizationType } from '../../src/modules/identity/identity.tables.js';
import {
  createMember,
  ensureOrganization,
} from '../../src/modules/identity/platform-admin.service.js';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

interface Page {
  items: Array<{ position: number; organizationId: string | null; action: string }>;
  nextCursor: string | null;
}

/** An organization of the given type with one member per role, each with a signed access token. */
async function organizationWith(container: Container, type: OrganizationType, roles: MemberRole[]) {
  const suffix = crypto.randomBytes(4).toString('hex');
  const { organizationId, members } = await inTransaction(container.database.pool, async (tx) => {
    const organization = await ensureOrganization(container.identity, tx, type, `Audit ${suffix}`);
    const created: Array<{ role: MemberRole; userId: string }> = [];
    for (const role of roles) {
      const user = await createMember(
        container.identity,
        tx,
        organization,
        {
          email: `${role}.${suffix}@audit.test`,
          name: `${role} ${suffix}`,
          password: `Pw-${suffix}-long`,
        },
        role,
      );
      created.push({ role, userId: user.id });
    }
    return { organizationId: organization.id, members: created };
  });
  const tokens: Partial<Record<MemberRole, string>> = {};
  for (const { role, userId } of members)
    tokens[role] = await container.accessTokens.sign({ userId, organizationId, role });
  return { organizationId, tokens };
}

const get = async (path: string, token?: string) => {
  const response = await fetch(`${testApp().url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as unknown };
};
const page = async (path: string, token: string | undefined) => {
  const { status, body } = await get(path, token);
  expect(status).toBe(200);
  return body as Page;
};

let brand: Awaited<ReturnType<typeof organizationWith>>;
let distributor: Awaited<ReturnType<typeof organizationWith>>;
let platform: Awaited<ReturnType<typeof organizationWith>>;

beforeAll(async () => {
  const { container } = testApp();
  brand = await organizationWith(container, 'brand', ['owner', 'admin', 'operator', 'viewer']);
  distributor = await organizationWith(container, 'distributor', ['owner']);
  platform = await organizationWith(container, 'platform', ['owner']);
  const record = (organizationId: string, action: string, count: number) =>
    inTransaction(container.database.pool, async (tx) => {
      for (let index = 0; index < count; index += 1)
        await recordAudit(tx, {
          actor: { userId: null },
          organizationId,
          action: action as AuditAction,
          entityType: 'widget',
          entityId: `${action}-${index}`,
          after: { index },
        });
    });
  await record(brand.organizationId, 'test.brand_changed', 5);
  await record(distributor.organizationId, 'test.distributor_changed', 3);
});

describe('GET /api/v1/audit-log', () => {
  it('answers 401 without a token', async () => {
    expect((await get('/api/v1/audit-log')).status).toBe(401);
  });

  it('answers 403 to operators and viewers', async () => {
    expect((await get('/api/v1/audit-log', brand.tokens.operator)).status).toBe(403);
    expect((await get('/api/v1/audit-log', brand.tokens.viewer)).status).toBe(403);
  });

  it("shows an owner or admin only their own organization's entries", async () => {
    for (const token of [brand.tokens.owner, brand.tokens.admin]) {
      const { items } = await page('/api/v1/audit-log?limit=200', token);
      expect(items.filter((item) => item.action === 'test.brand_changed')).toHaveLength(5);
      expect(items.every((item) => item.organizationId === brand.organizationId)).toBe(true);
    }
    const own = await page('/api/v1/audit-log?limit=200', distributor.tokens.owner);
    expect(own.items.map((item) => item.action)).not.toContain('test.brand_changed');
    expect(own.items.every((item) => item.organizationId === distributor.organizationId)).toBe(
      true,
    );
  });

  it("refuses a tenant's request for another organization's entries", async () => {
    const other = `/api/v1/audit-log?organizationId=${distributor.organizationId}`;
    expect((await get(other, brand.tokens.owner)).status).toBe(403);
  });

  it('shows a platform administrator every organization, filterable by organizationId', async () => {
    const all = await page('/api/v1/audit-log?limit=200', platform.tokens.owner);
    const actions = all.items.map((item) => item.action);
    expect(actions).toContain('test.brand_changed');
    expect(actions).toContain('test.distributor_changed');
    const one = await page(
      `/api/v1/audit-log?limit=200&organizationId=${distributor.organizationId}`,
      platform.tokens.owner,
    );
    expect(one.items.length).toBeGreaterThanOrEqual(3);
    expect(one.items.every((item) => item.organizationId === distributor.organizationId)).toBe(
      true,
    );
  });

  it('filters by action, entity and time', async () => {
    const token = brand.tokens.owner;
    const byEntity = await page(
      '/api/v1/audit-log?entityType=widget&entityId=test.brand_changed-2',
      token,
    );
    expect(byEntity.items).toMatchObject([{ action: 'test.brand_changed' }]);
    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
    expect((await page(`/api/v1/audit-log?from=${future}`, token)).items).toEqual([]);
    expect((await page(`/api/v1/audit-log?to=2000-01-01T00:00:00Z`, token)).items).toEqual([]);
    expect((await get('/api/v1/audit-log?from=yesterday', token)).status).toBe(400);
  });

  it('pages newest first with nextCursor until it is null', async () => {
    const seen: number[] = [];
    let path = '/api/v1/audit-log?action=test.brand_changed&limit=2';
    const sizes: number[] = [];
    for (;;) {
      const { items, nextCursor } = await page(path, brand.tokens.owner);
      sizes.push(items.length);
      seen.push(...items.map((item) => item.position));
      if (nextCursor === null) break;
      path = `/api/v1/audit-log?action=test.brand_changed&limit=2&cursor=${nextCursor}`;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(5);
    expect((await get('/api/v1/audit-log?cursor=abc', brand.tokens.owner)).status).toBe(400);
  });
});
