import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/modules/identity/session.tables.js';
import { hashSecret } from '../../src/platform/crypto/secret-hash.js';
import { brandWithMembers, type BrandWithMembers } from '../support/identity-members.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

type Auth = { bearer: string } | { apiKey: string } | null;

function call(method: string, path: string, auth: Auth, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth && 'apiKey' in auth) headers['x-api-key'] = auth.apiKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${testApp().url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

interface CreatedKey {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  key: string;
  createdAt: string;
}

let brand: BrandWithMembers;
let other: BrandWithMembers;
const owner = () => ({ bearer: brand.tokens.owner });

async function createKey(scope: 'read' | 'read_write', auth: Auth = owner()) {
  const response = await call('POST', '/api/v1/api-keys', auth, { name: `ERP ${scope}`, scope });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedKey;
}

beforeAll(async () => {
  brand = await brandWithMembers(testApp().container);
  other = await brandWithMembers(testApp().container);
});

describe('API keys', () => {
  it('creates a key shown once, stored only as its SHA-256 hash, and audited without key material', async () => {
    const created = await createKey('read');
    expect(created).toMatchObject({ name: 'ERP read', scope: 'read' });
    expect(created.key).toMatch(/^sfk_[A-Za-z0-9_-]{40,}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));

    const { db } = testApp().container.database;
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(hashSecret(created.key));
    expect(Object.values(row ?? {}).map(String)).not.toContain(created.key);

    const audit = await db.execute<{ action: string; text: string }>(
      sql`select action, row_to_json(audit_log)::text as text from audit_log where entity_id = ${created.id}`,
    );
    expect(audit.rows.map((entry) => entry.action)).toEqual(['api_key.created']);
    expect(audit.rows[0]?.text).not.toContain(created.key);
    expect(audit.rows[0]?.text).not.toContain(hashSecret(created.key));
  });

  it('lists keys without the key or its hash', async () => {
    const created = await createKey('read_write');
    const response = await call('GET', '/api/v1/api-keys', { bearer: brand.tokens.admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(hashSecret(created.key));
    const { items } = JSON.parse(text) as { items: Array<Record<string, unknown>> };
    const listed = items.find((item) => item.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'ERP read_write',
      scope: 'read_write',
      prefix: created.prefix,
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(items.every((item) => !('key' in item) && !('keyHash' in item))).toBe(true);
  });

  it('authenticates with X-API-Key on GET /organization and records last use', async () => {
    const created = await createKey('read');
    const response = await call('GET', '/api/v1/organization', { apiKey: created.key });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: brand.organizationId, name: brand.name });
    const { items } = (await (await call('GET', '/api/v1/api-keys', owner())).json()) as {
      items: Array<{ id: string; lastUsedAt: string | null }>;
    };
    expect(items.find((item) => item.id === created.id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('lets a read_write key change the profile but not a read key', async () => {
    const read = await createKey('read');
    const write = await createKey('read_write');
    const body = { contactPhone: '+919876543210' };
    expect((await call('PATCH', '/api/v1/organization', { apiKey: read.key }, body)).status).toBe(
      403,
    );
    const response = await call('PATCH', '/api/v1/organization', { apiKey: write.key }, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ contactPhone: '+919876543210' });
  });

  it('refuses a revoked key with 401 and audits the revocation', async () => {
    const created = await createKey('read_write');
    expect((await call('DELETE', `/api/v1/api-keys/${created.id}`, owner())).status).toBe(204);
    expect((await call('GET', '/api/v1/organization', { apiKey: created.key })).status).toBe(401);
    const { db } = testApp().container.database;
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
    const audit = await db.execute<{ action: string }>(
      sql`select action from audit_log where entity_id = ${created.id} order by position`,
    );
    expect(audit.rows.map((entry) => entry.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('answers 404 when another organization revokes your key, and the key keeps working', async () => {
    const created = await createKey('read');
    const response = await call('DELETE', `/api/v1/api-keys/${created.id}`, {
      bearer: other.tokens.owner,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('GET', '/api/v1/organization', { apiKey: created.key })).status).toBe(200);
  });

  it('does not list another organization’s keys', async () => {
    const created = await createKey('read');
    const response = await call('GET', '/api/v1/api-keys', { bearer: other.tokens.owner });
    const { items } = (await response.json()) as { items: Array<{ id: string }> };
    expect(items.map((item) => item.id)).not.toContain(created.id);
  });

  it.each(['manager', 'operator', 'viewer'] as const)(
    'refuses a %s creating keys',
    async (role) => {
      const response = await call(
        'POST',
        '/api/v1/api-keys',
        { bearer: brand.tokens[role] },
        { name: 'x', scope: 'read' },
      );
      expect(response.status).toBe(403);
    },
  );

  it('refuses an API key creating, listing or revoking API keys', async () => {
    const write = await createKey('read_write');
    const auth = { apiKey: write.key };
    const body = { name: 'escalation', scope: 'read_write' };
    expect((await call('POST', '/api/v1/api-keys', auth, body)).status).toBe(403);
    expect((await call('GET', '/api/v1/api-keys', auth)).status).toBe(403);
    expect((await call('DELETE', `/api/v1/api-keys/${write.id}`, auth)).status).toBe(403);
  });

  it('refuses an unknown scope and extra fields with 400', async () => {
    const response = await call('POST', '/api/v1/api-keys', owner(), { name: 'x', scope: 'admin' });
    expect(response.status).toBe(400);
    const extra = await call('POST', '/api/v1/api-keys', owner(), {
      name: 'x',
      scope: 'read',
      organizationId: other.organizationId,
    });
    expect(extra.status).toBe(400);
  });
});
