import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { brandWithMembers, type BrandWithMembers } from '../support/identity-members.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

function call(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${testApp().url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const patch = (token: string, body: unknown) => call('PATCH', '/api/v1/organization', token, body);

interface Problem {
  code: string;
  errors?: Array<{ path: string; message: string }>;
}

let brandA: BrandWithMembers;
let brandB: BrandWithMembers;

beforeAll(async () => {
  brandA = await brandWithMembers(testApp().container);
  brandB = await brandWithMembers(testApp().container);
});

describe('organization profile', () => {
  it('shows each caller its own organization only', async () => {
    const a = await call('GET', '/api/v1/organization', brandA.tokens.viewer);
    const b = await call('GET', '/api/v1/organization', brandB.tokens.viewer);
    expect(a.status).toBe(200);
    expect(await a.json()).toMatchObject({
      id: brandA.organizationId,
      type: 'brand',
      name: brandA.name,
      legalName: null,
      gstin: null,
      pan: null,
      status: 'active',
    });
    expect(await b.json()).toMatchObject({ id: brandB.organizationId, name: brandB.name });
  });

  it('lets the owner update it, normalising GSTIN/PAN case, and audits before/after', async () => {
    const response = await patch(brandA.tokens.owner, {
      legalName: 'Acme Appliances Private Limited',
      gstin: '27aapfu0939f1zv',
      pan: 'AAPFU0939F',
      contactEmail: 'accounts@acme.example',
      contactPhone: '+919812345678',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: brandA.organizationId,
      name: brandA.name,
      legalName: 'Acme Appliances Private Limited',
      gstin: '27AAPFU0939F1ZV',
      pan: 'AAPFU0939F',
      contactEmail: 'accounts@acme.example',
      contactPhone: '+919812345678',
    });
    const again = await call('GET', '/api/v1/organization', brandA.tokens.viewer);
    expect(await again.json()).toMatchObject({ gstin: '27AAPFU0939F1ZV' });

    const audit = await testApp().container.database.db.execute<{
      action: string;
      before: { gstin: string | null };
      after: { gstin: string | null; legalName: string | null };
    }>(
      sql`select action, before, after from audit_log where entity_id = ${brandA.organizationId} and action = 'organization.updated'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.before.gstin).toBeNull();
    expect(audit.rows[0]?.after).toMatchObject({
      gstin: '27AAPFU0939F1ZV',
      legalName: 'Acme Appliances Private Limited',
    });
  });

  it('lets an admin rename the organization, leaving other fields alone', async () => {
    const response = await patch(brandB.tokens.admin, { name: `${brandB.name} Renamed` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: `${brandB.name} Renamed`, gstin: null });
    brandB.name = `${brandB.name} Renamed`;
  });

  it('refuses a GSTIN with a wrong checksum, naming the field', async () => {
    const response = await patch(brandA.tokens.owner, { gstin: '27AAPFU0939F1ZW' });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toBe('body.gstin');
    expect(problem.errors?.[0]?.message).toBe('GSTIN checksum does not match');
  });

  it('refuses a GSTIN whose PAN differs from pan', async () => {
    const response = await patch(brandA.tokens.owner, {
      gstin: '29AAGCB7383J1Z4',
      pan: 'AAPFU0939F',
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors?.[0]?.path).toBe('body.gstin');
  });

  it.each([
    [{ pan: 'AAPF10939F' }, 'body.pan'],
    [{ contactPhone: '+14155550100' }, 'body.contactPhone'],
    [{ gstin: '40AAPFU0939F1ZV' }, 'body.gstin'],
  ])('refuses %j at %s', async (body, path) => {
    const response = await patch(brandA.tokens.owner, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.path).toBe(path);
  });

  it('refuses fields it does not know (status, type) with 400', async () => {
    const response = await patch(brandA.tokens.owner, { status: 'suspended' });
    expect(response.status).toBe(400);
  });

  it.each(['manager', 'operator', 'viewer'] as const)('refuses a %s updating it', async (role) => {
    const response = await patch(brandA.tokens[role], { name: 'Hijacked' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Problem).code).toBe('FORBIDDEN');
  });

  it('refuses callers without credentials with 401', async () => {
    expect((await call('GET', '/api/v1/organization', null)).status).toBe(401);
    expect((await call('PATCH', '/api/v1/organization', null, { name: 'x' })).status).toBe(401);
  });
});
