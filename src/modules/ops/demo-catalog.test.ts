import { describe, expect, it } from 'vitest';
import { newPartSchema } from '../catalog/index.js';
import { demoCatalog, demoFamilies } from './demo-catalog.js';

describe('the demo catalog', () => {
  const catalog = demoCatalog();
  const numbers = catalog.parts.map((part) => part.partNumber);

  it('is a few hundred parts over a dozen appliance families, each number once', () => {
    expect(catalog.parts.length).toBeGreaterThanOrEqual(300);
    expect(catalog.parts.length).toBeLessThanOrEqual(400);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(catalog.parts.map((part) => part.family)).size).toBe(demoFamilies.length);
    for (const number of numbers) expect(number).toMatch(/^KHA-[A-Z]{2}-\d{5}[A-C]$/);
  });

  it("passes the parts API's own rules: HSN, GST slab, MRP at least the price, sizes", () => {
    for (const part of catalog.parts) {
      const result = newPartSchema.safeParse({
        partNumber: part.partNumber,
        name: part.name,
        description: part.description ?? undefined,
        category: part.category ?? undefined,
        hsnCode: part.hsnCode ?? undefined,
        gstRatePercent: (part.gstRateBasisPoints ?? 0) / 100,
        unitPricePaise: part.unitPricePaise,
        mrpPaise: part.mrpPaise ?? undefined,
        weightGrams: part.weightGrams,
        lengthCm: part.lengthCm,
        widthCm: part.widthCm,
        heightCm: part.heightCm,
        compatibleModels: part.compatibleModels,
        status: part.status,
      });
      expect(result.success, part.partNumber).toBe(true);
      expect(part.hsnCode).toMatch(/^\d{8}$/);
      // GST 2.0: appliance parts, air conditioners' included, are all in the 18% slab.
      expect(part.gstRateBasisPoints).toBe(1800);
      expect(part.mrpPaise ?? 0).toBeGreaterThan(part.unitPricePaise * 1.18);
      expect(part.compatibleModels.length).toBeGreaterThan(0);
    }
  });

  it('has supersessions within the catalog, one of them a chain, and substitute pairs', () => {
    const known = new Set(numbers);
    expect(catalog.supersessions.length).toBeGreaterThanOrEqual(10);
    for (const { partNumber, replacementPartNumber } of catalog.supersessions) {
      expect(known.has(partNumber) && known.has(replacementPartNumber)).toBe(true);
      expect(partNumber).not.toBe(replacementPartNumber);
    }
    const replaced = new Set(catalog.supersessions.map((link) => link.partNumber));
    expect(catalog.supersessions.some((link) => replaced.has(link.replacementPartNumber))).toBe(
      true,
    );
    expect(catalog.substitutes.length).toBeGreaterThanOrEqual(10);
    const paired = catalog.substitutes.flat();
    // Each part is in one pair at most: a pair is recorded by replacing one part's substitutes.
    expect(new Set(paired).size).toBe(paired.length);
    for (const number of paired) expect(known.has(number)).toBe(true);
  });

  it('is the same on every call: part numbers, names and prices', () => {
    expect(demoCatalog()).toEqual(catalog);
  });
});
