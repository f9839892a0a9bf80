import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { ruleOf } from '../../src/platform/http/route-policy.js';

/**
 * Defect 11 of issue 10: the served document must say what the API does — the 4xx of every
 * operation, its security, the raw upload bodies, and the constraints as they are enforced.
 */
interface Schema {
  [keyword: string]: unknown;
}
interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

const testApp = useTestApp();
let document: Document;

beforeAll(async () => {
  document = (await (await fetch(`${testApp().url}/openapi.json`)).json()) as Document;
});

function operation(path: string, method: string): Operation {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
}
function jsonBody(path: string, method: string): Schema {
  const schema = operation(path, method).requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} has no JSON body`);
  return schema;
}
function property(schema: Schema, name: string): Schema {
  return (schema['properties'] as Record<string, Schema>)[name] as Schema;
}
function problemCodes(path: string, method: string, status: number): string[] {
  const schema = operation(path, method).responses[String(status)]?.content?.[
    'application/problem+json'
  ]?.schema as { allOf: Array<{ properties?: { code: { enum: string[] } } }> } | undefined;
  return schema?.allOf[1]?.properties?.code.enum ?? [];
}

describe('the OpenAPI document (defect 11)', () => {
  it('documents problem+json 4xx for every API operation, with a shared Problem schema', () => {
    expect(document.components.schemas['Problem']).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'code', 'requestId']),
    });
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, { responses }] of Object.entries(operations)) {
        const clientErrors = Object.keys(responses).filter((status) => status.startsWith('4'));
        expect(clientErrors.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const status of clientErrors) {
          expect(Object.keys(responses[status]?.content ?? {})).toEqual([
            'application/problem+json',
          ]);
        }
      }
    }
    expect(problemCodes('/api/v1/inventory/adjustments', 'post', 409)).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
      'INSUFFICIENT_STOCK',
      'PART_NOT_ORDERABLE',
      'LOCATION_ARCHIVED',
    ]);
    expect(problemCodes('/api/v1/auth/login', 'post', 401)).toEqual(['INVALID_CREDENTIALS']);
    expect(problemCodes('/api/v1/parts/{id}', 'get', 404)).toEqual(['NOT_FOUND']);
  });

  it('derives security from each route policy: /me and /audit-log need a bearer token', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'apiKey',
      'bearerAuth',
    ]);
    expect(operation('/api/v1/me', 'get').security).toEqual([{ bearerAuth: [] }]);
    expect(operation('/api/v1/audit-log', 'get').security).toEqual([{ bearerAuth: [] }]);
    expect(problemCodes('/api/v1/me', 'get', 401)).toEqual(['UNAUTHENTICATED']);
    expect(operation('/api/v1/auth/login', 'post').security).toEqual([]);
    for (const route of testApp().http.declaredRoutes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const { security } = operation(path, route.method.toLowerCase());
      const expected =
        route.policy.access === 'public'
          ? []
          : ruleOf(route.policy).apiKey
            ? [{ bearerAuth: [] }, { apiKey: [] }]
            : [{ bearerAuth: [] }];
      expect(security, `${route.method} ${route.url}`).toEqual(expected);
    }
  });

  it('declares the request bodies of the three upload routes', () => {
    for (const path of ['/api/v1/parts/import', '/api/v1/inventory/import']) {
      expect(operation(path, 'post').requestBody?.content).toEqual({
        'text/csv': { schema: { type: 'string' } },
        'application/csv': { schema: { type: 'string' } },
      });
    }
    const binary = { schema: { type: 'string', format: 'binary' } };
    expect(operation('/api/v1/parts/{id}/images', 'post').requestBody?.content).toEqual({
      'image/jpeg': binary,
      'image/png': binary,
      'image/webp': binary,
    });
    expect(
      Object.keys(operation('/api/v1/parts/export.csv', 'get').responses['200']?.content ?? {}),
    ).toEqual(['text/csv']);
  });

  it('states the constraints as they are enforced', () => {
    const slabs = [0, 0.1, 0.25, 1.5, 3, 5, 12, 18, 28, 40];
    expect(property(jsonBody('/api/v1/parts', 'post'), 'gstRatePercent')).toEqual({
      type: 'number',
      enum: slabs,
    });
    const delta = property(jsonBody('/api/v1/inventory/adjustments', 'post'), 'quantityDelta');
    expect(delta).toEqual({
      anyOf: [
        { type: 'integer', minimum: -1_000_000, maximum: -1 },
        { type: 'integer', minimum: 1, maximum: 1_000_000 },
      ],
    });
    const gstin = property(jsonBody('/api/v1/organization', 'patch'), 'gstin');
    const pattern = new RegExp(gstin['pattern'] as string, 'u');
    expect(pattern.test(' 27aapfu0939f1zv ')).toBe(true);
    expect(pattern.test('40AAPFU0939F1ZV')).toBe(false); // no state 40
    expect(pattern.test('27AAPFU0939F1YV')).toBe(false); // 14th character must be Z
    expect(gstin['description']).toContain('checksum');
    const thresholds = jsonBody('/api/v1/inventory/levels/{locationId}/{partId}/thresholds', 'put');
    expect(thresholds['description']).toMatch(/minQuantity.*must not exceed.*maxQuantity/);
  });

  it('lists what contract fuzzing found answered but undocumented', () => {
    // switch-organization answers 404 for an organization that is not the caller's.
    expect(problemCodes('/api/v1/auth/switch-organization', 'post', 404)).toEqual(['NOT_FOUND']);
    // Router errors (bad percent-encoding, overlong parameter) are 400 problem documents.
    expect(problemCodes('/api/v1/parts/{id}', 'get', 400)).toEqual(['VALIDATION_FAILED']);
  });
});
