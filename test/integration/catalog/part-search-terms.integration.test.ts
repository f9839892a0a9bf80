import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/modules/identity/identity.tables.js';
import {
  partBulkRepository,
  type BulkPart,
} from '../../../src/modules/catalog/part-bulk.repository.js';
import { searchTermsOf } from '../../../src/modules/catalog/part-search-document.js';
import { partSearchRepository } from '../../../src/modules/catalog/part-search.repository.js';
import { partSearchTermsRepository } from '../../../src/modules/catalog/part-search-terms.repository.js';
import { makePart } from '../../support/factories/part.factory.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
let brandId: string;
let otherBrandId: string;

const search = (
  q: string,
  scope: { kind: 'brand' | 'partner'; brandId: string } = { kind: 'brand', brandId },
) =>
  partSearchRepository
    .search(database().reads, { scope, status: undefined, category: undefined }, q, 0, 10)
    .then((rows) => rows.map((row) => row.partNumber));

const termsOf = async (brand: string) =>
  (
    await database().pool.query<{ term: string }>(
      'select term from part_search_terms where brand_id = $1 order by term',
      [brand],
    )
  ).rows.map((row) => row.term);

const bulkPart = (partNumber: string, name: string, compatibleModels: string[] = []): BulkPart => ({
  partNumber,
  name,
  description: null,
  category: 'Dishwasher',
  hsnCode: null,
  gstRateBasisPoints: null,
  unitPricePaise: 100,
  mrpPaise: null,
  weightGrams: 10,
  lengthCm: 1,
  widthCm: 1,
  heightCm: 1,
  compatibleModels,
  status: 'active',
});

beforeAll(async () => {
  const [brand, other] = await database()
    .db.insert(organizations)
    .values([
      { type: 'brand', name: 'Terms brand' },
      { type: 'brand', name: 'Other terms brand' },
    ])
    .returning();
  brandId = brand!.id;
  otherBrandId = other!.id;
  const db = database().db;
  await makePart(db, brandId, {
    partNumber: 'WM-BELT-01',
    name: 'Drive belt',
    compatibleModels: ['FL-7KG'],
  });
  await makePart(db, brandId, {
    partNumber: 'WM-GSK-02',
    name: 'Door gasket',
    compatibleModels: ['FL-7KG'],
  });
  await makePart(db, brandId, { partNumber: 'WM-DRV-03', name: 'Drive motor' });
  await makePart(db, brandId, {
    partNumber: 'RF-CMP-220',
    name: 'Compressor 220V',
    compatibleModels: ['FROSTFREE-350L'],
  });
  await makePart(db, otherBrandId, {
    partNumber: 'OT-BELT-9',
    name: 'Drive belt',
    compatibleModels: ['ZX-500'],
  });
  await makePart(db, otherBrandId, { partNumber: 'OT-PMP-1', name: 'Magnetron' });
  await database().pool.query(
    `insert into parts (brand_id, part_number, name, unit_price_paise, weight_grams, length_cm, width_cm, height_cm, search_document)
     select $1, 'FILL-' || g, 'Filler part ' || g, 100, 1, 1, 1, 1, 'FILL-' || g || ' Filler part ' || g
     from generate_series(1, 5000) g`,
    [brandId],
  );
  await database().pool.query('analyze parts');
});

describe('search with the term dictionary', () => {
  it('corrects a typo in one word of two ("drvie belt" finds the drive belt only)', async () => {
    expect(await search('drive belt')).toEqual(['WM-BELT-01']);
    expect(await search('drvie belt')).toEqual(['WM-BELT-01']);
    expect(await search('belt drvie')).toEqual(['WM-BELT-01']);
  });

  it('corrects a typo in a model number', async () => {
    expect(await search('frostfee-350l')).toEqual(['RF-CMP-220']);
    expect(await search('FL-7GK')).toEqual(['WM-BELT-01', 'WM-GSK-02']);
  });

  it('offers the nearest terms of the brand only', async () => {
    const brands = sql`brand_id = ${brandId}`;
    const similar = await database().reads.read((reader) =>
      partSearchTermsRepository.similar(reader, brands, ['comprssor', 'magnetrn']),
    );
    expect(similar.get('comprssor')?.[0]).toBe('compressor');
    expect(similar.get('magnetrn')).toEqual([]);
  });

  it('does not correct a part-number prefix', async () => {
    expect(await search('WM-DRV')).toEqual(['WM-DRV-03']);
  });

  it("keeps to the scope: another brand's words correct nothing here", async () => {
    expect(await search('magnetrn')).toEqual([]);
    expect(await search('magnetrn', { kind: 'partner', brandId: otherBrandId })).toEqual([
      'OT-PMP-1',
    ]);
  });
});

describe('terms', () => {
  it('are added by the bulk upsert of the CSV import, and search finds imported parts by a typo', async () => {
    const part = bulkPart('DW-ARM-7', 'Spray arm', ['DWF-1234']);
    await partBulkRepository.upsert(database().pool, brandId, [part]);
    expect(await termsOf(brandId)).toEqual(expect.arrayContaining(searchTermsOf(part)));
    expect(await search('spary arm')).toEqual(['DW-ARM-7']);
    expect(await search('dwf-1243')).toEqual(['DW-ARM-7']);
  });

  it('are kept when a part changes (a stale term only matches nothing)', async () => {
    await partBulkRepository.upsert(database().pool, brandId, [bulkPart('DW-ARM-7', 'Wash arm')]);
    expect(await termsOf(brandId)).toEqual(expect.arrayContaining(['spray', 'wash']));
    expect(await search('spary')).toEqual([]);
  });

  it('are backfilled by the migration exactly as searchTermsOf() derives them', async () => {
    const migration = await fs.readFile('drizzle/0004_part_search_terms.sql', 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .find((statement) => statement.includes('INSERT INTO "part_search_terms"'));
    const pool = database().pool;
    const [brand] = await database()
      .db.insert(organizations)
      .values({ type: 'brand', name: 'Backfill brand' })
      .returning();
    const fields = {
      partNumber: ' Ab-12/X ',
      name: 'Heater élément 2000W',
      description: 'For DW_55 and "WH-15L" tanks',
      category: 'Water heater',
      compatibleModels: ['WH-15L', 'wh 25l'],
    };
    await makePart(database().db, brand!.id, fields);
    await pool.query('delete from part_search_terms where brand_id = $1', [brand!.id]);
    await pool.query(backfill!);
    expect(await termsOf(brand!.id)).toEqual(searchTermsOf(fields));
    await pool.query('delete from part_search_terms where brand_id = $1', [brand!.id]);
    await partSearchTermsRepository.addFromParts(pool, brand!.id);
    expect(await termsOf(brand!.id)).toEqual(searchTermsOf(fields));
  });
});
