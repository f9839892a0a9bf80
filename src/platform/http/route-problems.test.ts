import { describe, expect, it } from 'vitest';
import { automaticProblems, routeProblems, type RouteFacts } from './route-problems.js';
import type { RoutePolicy } from './route-policy.js';

const base: RouteFacts = {
  method: 'GET',
  url: '/api/v1/things',
  policy: { access: 'public' },
  validates: false,
  parsesJson: true,
  rateLimited: true,
  declared: [],
};

describe('automaticProblems', () => {
  it('gives a plain public GET only the rate limit', () => {
    expect(automaticProblems(base)).toEqual(['RATE_LIMITED']);
    expect(automaticProblems({ ...base, rateLimited: false })).toEqual([]);
  });

  it('adds VALIDATION_FAILED to routes that validate, NOT_FOUND to routes with path parameters', () => {
    expect(automaticProblems({ ...base, validates: true })).toContain('VALIDATION_FAILED');
    expect(automaticProblems({ ...base, url: '/api/v1/things/:id' })).toContain('NOT_FOUND');
    expect(automaticProblems(base)).not.toContain('NOT_FOUND');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'gives %s the body failures: malformed JSON where JSON is parsed, too large, wrong type',
    (method) => {
      const codes = automaticProblems({ ...base, method });
      expect(codes).toEqual(
        expect.arrayContaining(['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']),
      );
      // The CSV upload scopes have no JSON parser: JSON is 415 there, never MALFORMED_JSON.
      expect(automaticProblems({ ...base, method, parsesJson: false })).not.toContain(
        'MALFORMED_JSON',
      );
    },
  );

  it('gives GET no body failures', () => {
    expect(automaticProblems(base)).not.toContain('PAYLOAD_TOO_LARGE');
    expect(automaticProblems(base)).not.toContain('MALFORMED_JSON');
  });

  const cases: Array<[RoutePolicy, string[]]> = [
    [{ access: 'public' }, []],
    // Any member and read keys may call it: nobody who authenticates is refused by the policy.
    [{ access: 'authenticated', capability: 'catalog.read' }, ['UNAUTHENTICATED']],
    // Users only: an API key is refused.
    [{ access: 'authenticated', capability: 'account.use' }, ['UNAUTHENTICATED', 'FORBIDDEN']],
    // Read-write keys and some roles only.
    [{ access: 'authenticated', capability: 'locations.write' }, ['UNAUTHENTICATED', 'FORBIDDEN']],
    // Some roles, users only.
    [{ access: 'authenticated', capability: 'audit.read' }, ['UNAUTHENTICATED', 'FORBIDDEN']],
    // One organization type, read keys too.
    [{ access: 'authenticated', capability: 'catalog.export' }, ['UNAUTHENTICATED', 'FORBIDDEN']],
  ];
  it.each(cases)('derives 401/403 from the policy %j', (policy, expected) => {
    const codes = automaticProblems({ ...base, policy, rateLimited: false });
    expect(codes).toEqual(expected);
  });
});

describe('routeProblems', () => {
  it('groups automatic and declared codes by status, in status and catalogue order', () => {
    const problems = routeProblems({
      ...base,
      method: 'POST',
      url: '/api/v1/things/:id',
      policy: { access: 'authenticated', capability: 'audit.read' },
      validates: true,
      declared: ['INSUFFICIENT_STOCK', 'IDEMPOTENCY_KEY_REUSED'],
    });
    expect([...problems]).toEqual([
      [400, ['VALIDATION_FAILED', 'MALFORMED_JSON']],
      [401, ['UNAUTHENTICATED']],
      [403, ['FORBIDDEN']],
      [404, ['NOT_FOUND']],
      [409, ['IDEMPOTENCY_KEY_REUSED', 'INSUFFICIENT_STOCK']],
      [413, ['PAYLOAD_TOO_LARGE']],
      [415, ['UNSUPPORTED_MEDIA_TYPE']],
      [429, ['RATE_LIMITED']],
    ]);
  });

  it('lists a declared code once even when it is also automatic', () => {
    const problems = routeProblems({ ...base, validates: true, declared: ['VALIDATION_FAILED'] });
    expect(problems.get(400)).toEqual(['VALIDATION_FAILED']);
  });

  it('refuses 5xx codes and duplicates in a declaration', () => {
    expect(() => routeProblems({ ...base, declared: ['INTERNAL_ERROR'] })).toThrow(/only 4xx/);
    expect(() => routeProblems({ ...base, declared: ['CONFLICT', 'CONFLICT'] })).toThrow(/twice/);
  });
});
