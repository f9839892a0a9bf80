import { describe, expect, it } from 'vitest';
import {
  correctedWords,
  correctionsOf,
  fuzzyPieces,
  prefixRange,
  isCorrectable,
  queryWords,
  transpositions,
} from './part-search-query.js';

describe('queryWords', () => {
  it('lower-cases, splits on whitespace and strips surrounding punctuation, once each', () => {
    expect(queryWords('  Drvie, "BELT"  -fl-8kg drvie ')).toEqual(['drvie', 'belt', 'fl-8kg']);
  });

  it('keeps nothing of punctuation alone', () => {
    expect(queryWords(' % -- ')).toEqual([]);
  });
});

describe('isCorrectable', () => {
  it('takes words of three characters or more', () => {
    expect(isCorrectable('kg')).toBe(false);
    expect(isCorrectable('pcb')).toBe(true);
  });
});

describe('transpositions', () => {
  it('swaps each pair of neighbours, without the word itself', () => {
    expect(transpositions('drvie')).toEqual(['rdvie', 'dvrie', 'drive', 'drvei']);
    expect(transpositions('aab')).toEqual(['aba']);
  });
});

describe('correctedWords', () => {
  it('puts the corrections of a word in its place and keeps the others', () => {
    const corrections = new Map([['drvie', ['drive', 'driver']]]);
    expect(correctedWords(['drvie', 'belt'], corrections)).toEqual([['drive', 'driver'], ['belt']]);
  });

  it('is undefined when nothing was corrected', () => {
    expect(correctedWords(['xyzzy', 'belt'], new Map([['xyzzy', []]]))).toBeUndefined();
  });
});

describe('fuzzyPieces', () => {
  it('is the word when all letters, else its all-letter parts of 3+ characters', () => {
    expect(fuzzyPieces('comprssor')).toEqual(['comprssor']);
    expect(fuzzyPieces('frostfee-350l')).toEqual(['frostfee']);
    expect(fuzzyPieces('fl-7gk')).toEqual([]);
  });
});

describe('correctionsOf', () => {
  it('puts transpositions that are terms first, then pieces replaced by similar terms', () => {
    const similar = new Map([['frostfee', ['frostfree', 'frost']]]);
    expect(correctionsOf('frostfee-350l', new Set(), similar)).toEqual([
      'frostfree-350l',
      'frost-350l',
    ]);
    expect(correctionsOf('fl-7gk', new Set(['fl-7kg']), new Map())).toEqual(['fl-7kg']);
    expect(
      correctionsOf('drvie', new Set(['drive']), new Map([['drvie', ['dried', 'drive', 'x']]])),
    ).toEqual(['drive', 'dried', 'x']);
  });
});

describe('prefixRange', () => {
  it('ends the range at the prefix with its last character incremented', () => {
    expect(prefixRange('wm-bel')).toEqual({ from: 'wm-bel', to: 'wm-bem' });
    expect(prefixRange('kv-05')).toEqual({ from: 'kv-05', to: 'kv-06' });
    expect(prefixRange('a-')).toEqual({ from: 'a-', to: 'a.' });
  });

  it('never ends at a surrogate and carries past the last code point', () => {
    expect(prefixRange('x\uD7FF')).toEqual({ from: 'x\uD7FF', to: 'x\uE000' });
    expect(prefixRange('ab\u{10FFFF}')).toEqual({ from: 'ab\u{10FFFF}', to: 'ac' });
    expect(prefixRange('\u{10FFFF}')).toEqual({ from: '\u{10FFFF}', to: undefined });
  });

  it('contains exactly the strings starting with the prefix, in code point order', () => {
    const { from, to } = prefixRange('kv-dw');
    const inRange = (value: string) => value >= from && to !== undefined && value < to;
    expect(['kv-dw', 'kv-dw-0001', 'kv-dwz'].every(inRange)).toBe(true);
    expect(['kv-d', 'kv-dv-9', 'kv-dx', 'kv-e'].some(inRange)).toBe(false);
  });
});
