import { describe, expect, it } from 'vitest';
import { newPartSchema, partListQuerySchema, partPatchSchema } from './part.schemas.js';

const valid = {
  partNumber: 'WM-BELT-01',
  name: 'Drive belt',
  unitPricePaise: 25_000,
  weightGrams: 300,
  lengthCm: 20,
  widthCm: 5,
  heightCm: 2,
};

const issuesOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[] }> };
}) => result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('newPartSchema', () => {
  it('accepts the minimum and every GST slab', () => {
    expect(newPartSchema.safeParse(valid).success).toBe(true);
    for (const gstRatePercent of [0, 0.1, 0.25, 1.5, 3, 5, 12, 18, 28, 40])
      expect(newPartSchema.safeParse({ ...valid, gstRatePercent }).success).toBe(true);
  });

  it.each([
    [{ gstRatePercent: 18.5 }, 'gstRatePercent'],
    [{ hsnCode: '84189' }, 'hsnCode'],
    [{ mrpPaise: 24_999 }, 'mrpPaise'],
    [{ unitPricePaise: -1 }, 'unitPricePaise'],
    [{ unitPricePaise: 10.5 }, 'unitPricePaise'],
    [{ heightCm: 0 }, 'heightCm'],
    [{ partNumber: '  ' }, 'partNumber'],
    [{ partNumber: '-LEADING' }, 'partNumber'],
    [{ status: 'archived' }, 'status'],
  ])('refuses %o', (change, path) => {
    expect(issuesOf(newPartSchema.safeParse({ ...valid, ...change }))).toContain(path);
  });

  it('accepts an MRP equal to the unit price and trims text', () => {
    const parsed = newPartSchema.parse({ ...valid, mrpPaise: 25_000, name: '  Drive belt ' });
    expect(parsed.name).toBe('Drive belt');
  });
});

describe('partPatchSchema and partListQuerySchema', () => {
  it('lets a patch clear optional fields with null but not required ones', () => {
    expect(partPatchSchema.safeParse({ hsnCode: null, gstRatePercent: null }).success).toBe(true);
    expect(partPatchSchema.safeParse({ name: null }).success).toBe(false);
    expect(partPatchSchema.safeParse({ gstRatePercent: 7 }).success).toBe(false);
  });

  it('defaults the page size and caps it', () => {
    expect(partListQuerySchema.parse({}).limit).toBe(25);
    expect(partListQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });
});
