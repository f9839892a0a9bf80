import { describe, expect, it } from 'vitest';
import {
  firstActiveInChain,
  gstBasisPointsToPercent,
  gstPercentToBasisPoints,
  gstSlabsPercent,
  hsnCodePattern,
  isGstSlab,
  mrpCoversUnitPrice,
  supersessionChain,
  wouldCreateCycle,
  type ChainLink,
} from './part.rules.js';

function links(...parts: Array<[string, string, string | null]>): Map<string, ChainLink> {
  return new Map(
    parts.map(([id, status, supersededByPartId]) => [id, { id, status, supersededByPartId }]),
  );
}

describe('GST slabs', () => {
  it('round-trips every slab through basis points exactly', () => {
    for (const slab of gstSlabsPercent) {
      expect(gstBasisPointsToPercent(gstPercentToBasisPoints(slab))).toBe(slab);
    }
    expect(gstPercentToBasisPoints(18)).toBe(1800);
    expect(gstPercentToBasisPoints(0.25)).toBe(25);
  });
  it('accepts only the slabs', () => {
    expect(isGstSlab(18)).toBe(true);
    expect(isGstSlab(40)).toBe(true);
    expect(isGstSlab(1.8)).toBe(false);
    expect(isGstSlab(15)).toBe(false);
  });
});

describe('HSN and MRP', () => {
  it('takes 4, 6 or 8 digit HSN codes', () => {
    expect(['8418', '841899', '84189900'].every((code) => hsnCodePattern.test(code))).toBe(true);
    expect(['841', '84189', '841899001', '84a8'].some((code) => hsnCodePattern.test(code))).toBe(
      false,
    );
  });
  it('wants MRP at least the unit price when both are given', () => {
    expect(mrpCoversUnitPrice(100, 100)).toBe(true);
    expect(mrpCoversUnitPrice(100, 99)).toBe(false);
    expect(mrpCoversUnitPrice(100, null)).toBe(true);
    expect(mrpCoversUnitPrice(undefined, 5)).toBe(true);
  });
});

describe('supersession', () => {
  it('follows a chain to its end', () => {
    const chain = links(
      ['a', 'discontinued', 'b'],
      ['b', 'discontinued', 'c'],
      ['c', 'active', null],
    );
    expect(supersessionChain('a', chain)).toEqual(['a', 'b', 'c']);
    expect(firstActiveInChain('a', chain)).toBe('c');
    expect(firstActiveInChain('c', chain)).toBe('c');
  });
  it('takes the first active part, skipping drafts and discontinued ones', () => {
    const chain = links(['a', 'discontinued', 'b'], ['b', 'active', 'c'], ['c', 'active', null]);
    expect(firstActiveInChain('a', chain)).toBe('b');
    const noneActive = links(['a', 'discontinued', 'b'], ['b', 'draft', null]);
    expect(firstActiveInChain('a', noneActive)).toBeUndefined();
  });
  it('stops at a cycle instead of looping', () => {
    const cycle = links(['a', 'discontinued', 'b'], ['b', 'discontinued', 'a']);
    expect(supersessionChain('a', cycle)).toEqual(['a', 'b']);
    expect(firstActiveInChain('a', cycle)).toBeUndefined();
  });
  it('stops at a part it does not know', () => {
    expect(supersessionChain('a', links(['a', 'active', 'gone']))).toEqual(['a']);
    expect(supersessionChain('x', links())).toEqual([]);
  });
  it('detects a replacement that would close a loop', () => {
    const chain = links(['a', 'active', 'b'], ['b', 'active', 'c'], ['c', 'active', null]);
    expect(wouldCreateCycle('c', 'a', chain)).toBe(true);
    expect(wouldCreateCycle('a', 'a', chain)).toBe(true);
    expect(wouldCreateCycle('a', 'c', chain)).toBe(false);
  });
});
