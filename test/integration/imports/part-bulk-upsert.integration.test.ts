import { describe, expect, it } from 'vitest';
import {
  partBulkRepository,
  type BulkPart,
} from '../../../src/modules/catalog/part-bulk.repository.js';
import { partSearchDocument } from '../../../src/modules/catalog/part-search-document.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization } from '../inventory/inventory-fixtures.js';

const database = useTestDatabase();

function part(n: number, changes: Partial<BulkPart> = {}): BulkPart {
  return {
    partNumber: `BR-${n}`,
    name: `Burner ${n}`,
    description: null,
    category: 'Burners',
    hsnCode: '7321',
    gstRateBasisPoints: 1800,
    unitPricePaise: 5000 + n,
    mrpPaise: null,
    weightGrams: 300,
    lengthCm: 10,
    widthCm: 10,
    heightCm: 4,
    compatibleModels: ['HOB-2', 'HOB-3'],
    status: 'active',
    ...changes,
  };
}

async function rowsOf(brandId: string) {
  const { rows } = await database().pool.query<{
    part_number: string;
    name: string;
    xmin: string;
    compatible_models: string[];
    search_document: string;
  }>(
    `select part_number, name, xmin::text, compatible_models, search_document
       from parts where brand_id = $1 order by part_number`,
    [brandId],
  );
  return rows;
}

describe('partBulkRepository.upsert', () => {
  it('creates, then skips unchanged rows and updates only changed ones, by part number', async () => {
    const brandId = await insertOrganization(database().pool, 'brand');
    const batch = [part(1), part(2), part(3, { compatibleModels: [] })];
    expect(await partBulkRepository.upsert(database().pool, brandId, batch)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const first = await rowsOf(brandId);
    expect(first[0]).toMatchObject({
      compatible_models: ['HOB-2', 'HOB-3'],
      search_document: partSearchDocument(part(1)),
    });
    expect(first[2]?.compatible_models).toEqual([]);

    expect(await partBulkRepository.upsert(database().pool, brandId, batch)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await rowsOf(brandId)).toEqual(first);

    // Case-insensitive part number: `br-2` is BR-2.
    const changed = [part(1), part(2, { partNumber: 'br-2', name: 'Burner two' }), part(4)];
    expect(await partBulkRepository.upsert(database().pool, brandId, changed)).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
    });
    const after = await rowsOf(brandId);
    expect(after.map((row) => row.part_number)).toEqual(['BR-1', 'BR-3', 'BR-4', 'br-2']);
    expect(after.find((row) => row.part_number === 'BR-1')?.xmin).toBe(first[0]?.xmin);
    expect(after.find((row) => row.part_number === 'br-2')?.search_document).toContain(
      'Burner two',
    );
  });

  it('keeps brands apart and streams a catalog in part-number batches', async () => {
    const brandA = await insertOrganization(database().pool, 'brand');
    const brandB = await insertOrganization(database().pool, 'brand');
    const many = Array.from({ length: 25 }, (_, index) => part(index + 100));
    await partBulkRepository.upsert(database().pool, brandA, many);
    await partBulkRepository.upsert(database().pool, brandB, [part(100, { name: 'Other' })]);
    const batches: number[] = [];
    const seen: string[] = [];
    for await (const batch of partBulkRepository.streamBrandParts(database().pool, brandA, 10)) {
      batches.push(batch.length);
      seen.push(...batch.map((row) => row.partNumber));
    }
    expect(batches).toEqual([10, 10, 5]);
    expect(seen).toEqual(many.map((row) => row.partNumber).sort());
    expect((await rowsOf(brandB)).map((row) => row.name)).toEqual(['Other']);
  });
});
