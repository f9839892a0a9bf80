import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './idempotency.service.js';

describe('canonical request hash', () => {
  it('ignores key order and undefined fields at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
  });
  it('tells different bodies apart', () => {
    expect(requestHash({ quantityDelta: 1 })).not.toBe(requestHash({ quantityDelta: -1 }));
    expect(requestHash({ note: '1' })).not.toBe(requestHash({ note: 1 }));
  });
});
