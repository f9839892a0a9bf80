import { describe, expect, it } from 'vitest';
import { isStorableText, unstorableFields } from './storable-text.js';

const message = 'must not contain NUL characters or unpaired surrogates';

describe('isStorableText', () => {
  it.each([
    ['plain text', 'Door gasket', true],
    ['a surrogate pair (emoji)', 'Seal 🔧', true],
    ['Devanagari', 'दरवाज़ा', true],
    ['NUL', 'a\u0000b', false],
    ['a high surrogate at the end', 'ab\ud83d', false],
    ['a low surrogate alone', '\ude27ab', false],
    ['two high surrogates', '\ud83d\ud83d\ude27', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(isStorableText(text)).toBe(expected);
  });
});

describe('unstorableFields', () => {
  it('names every offending string by its path under the request part', () => {
    const body = {
      name: 'ok',
      lines: [{ note: 'fine' }, { note: 'bad\u0000' }],
      address: { city: '\ud800' },
    };
    expect(unstorableFields(body, 'body')).toEqual([
      { path: 'body.address.city', message },
      { path: 'body.lines.1.note', message },
    ]);
  });

  it('checks keys, null-prototype objects (query strings) and top-level strings', () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { q: 'x\u0000' });
    expect(unstorableFields(query, 'querystring')).toEqual([{ path: 'querystring.q', message }]);
    expect(unstorableFields({ 'a\u0000': 1 }, 'body')).toEqual([
      { path: 'body.a\uFFFD', message: 'names a field with unstorable characters' },
    ]);
    expect(unstorableFields('\u0000', 'body')).toEqual([{ path: 'body', message }]);
  });

  it('leaves binary bodies to their parsers and walks deep nesting without recursion', () => {
    expect(unstorableFields(Buffer.from('a\u0000b'), 'body')).toEqual([]);
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 50_000; level += 1) deep = [deep];
    expect(unstorableFields(deep, 'body')).toHaveLength(1);
  });
});
