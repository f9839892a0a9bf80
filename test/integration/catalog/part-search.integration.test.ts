import { PgDialect } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadPool } from '../../../src/platform/db/read-pool.js';
import { organizations } from '../../../src/modules/identity/identity.tables.js';
import { resolveOrderablePart } from '../../../src/modules/catalog/part-links.service.js';
import { partSearchRepository } from '../../../src/modules/catalog/part-search.repository.js';
import { makePart } from '../../support/factories/part.factory.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
let brandId: string;
let otherBrandId: string;

const search = (q: string, scope = { kind: 'brand' as const, brandId }) =>
  partSearchRepository
    .search(database().reads, { scope, status: undefined, category: undefined }, q, 0, 10)
    .then((rows) => rows.map((row) => row.partNumber));

beforeAll(async () => {
  const [brand, other] = await database()
    .db.insert(organizations)
    .values([
      { type: 'brand', name: 'Search brand' },
      { type: 'brand', name: 'Other brand' },
    ])
    .returning();
  brandId = brand!.id;
  otherBrandId = other!.id;
  const db = database().db;
  await makePart(db, brandId, {
    partNumber: 'RF-CMP-220',
    name: 'Compressor 220V',
    category: 'Refrigerator',
    compatibleModels: ['FROSTFREE-350L'],
  });
  await makePart(db, brandId, {
    partNumber: 'WM-BELT-01',
    name: 'Drive belt',
    description: 'Fits the compressor-less washer',
    compatibleModels: ['FL-7KG', 'FL-8KG'],
  });
  await makePart(db, brandId, { partNumber: 'WM-BELT-010', name: 'Drive belt long' });
  await makePart(db, brandId, { partNumber: 'XX-BELT', name: 'Belt for WM series' });
  await makePart(db, brandId, { partNumber: 'AC-FAN-9', name: 'Condenser fan motor' });
  await makePart(db, otherBrandId, { partNumber: 'RF-CMP-999', name: 'Compressor (other brand)' });
  // Bulk filler so the planner sees a realistic table.
  await database().pool.query(
    `
    insert into parts (brand_id, part_number, name, unit_price_paise, weight_grams, length_cm, width_cm, height_cm, search_document)
    select $1, 'FILL-' || g, 'Filler part ' || g, 100, 1, 1, 1, 1, 'FILL-' || g || ' Filler part ' || g
    from generate_series(1, 20000) g`,
    [brandId],
  );
  await database().pool.query('analyze parts');
});

describe('part search', () => {
  it('finds "compressor" despite a typo ("comprssor")', async () => {
    expect(await search('comprssor')).toContain('RF-CMP-220');
  });

  it('ranks an exact, then a prefix part-number match first', async () => {
    expect((await search('wm-belt-01')).slice(0, 2)).toEqual(['WM-BELT-01', 'WM-BELT-010']);
    expect((await search('WM-BEL'))[0]).toMatch(/^WM-BELT-01/);
  });

  it('finds a part by a compatible model number', async () => {
    expect(await search('FL-8KG')).toEqual(['WM-BELT-01']);
    expect(await search('frostfree-350l')).toContain('RF-CMP-220');
  });

  it('ranks whole-word matches above trigram-only ones and stays within the scope', async () => {
    const results = await search('compressor');
    expect(results[0]).toBe('RF-CMP-220');
    expect(results).not.toContain('RF-CMP-999');
  });

  it('treats LIKE wildcards in the text literally', async () => {
    expect(await search('%')).toEqual([]);
  });

  it('answers the text tiers from the trigram and full-text GIN indexes, not a scan of parts', async () => {
    const client = await database().pool.connect();
    try {
      await client.query('begin');
      // A table this small is best scanned; without scans, the plans the repository's statement gets.
      await client.query("select set_config('enable_seqscan', 'off', true)");
      const plan = async (match: string) => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `explain select id from parts where (brand_id = $1) is true and ${match} limit 200`,
          [brandId],
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      // The part-number prefix is a range of the C-collated btree, whatever the database collation.
      const { rows: prefixRows } = await client.query<{ 'QUERY PLAN': string }>(
        `explain select id from parts where brand_id = $1
           and lower(part_number) collate "C" >= 'wm-bel' and lower(part_number) collate "C" < 'wm-bem'
           order by lower(part_number) collate "C", id limit 10`,
        [brandId],
      );
      const prefix = prefixRows.map((row) => row['QUERY PLAN']).join('\n');
      expect(prefix).toContain('parts_brand_part_number_prefix_idx');
      expect(prefix).toMatch(/>= 'wm-bel'/);
      const trigram = await plan(`'comprssor' <% lower(search_document)`);
      expect(trigram).toContain('parts_search_document_trgm_idx');
      expect(trigram).not.toMatch(/Seq Scan on parts/);
      const fullText = await plan(`search_vector @@ websearch_to_tsquery('simple', 'compressor')`);
      expect(fullText).toContain('parts_search_vector_idx');
      expect(fullText).not.toMatch(/Seq Scan on parts/);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('plans public searches through the organization_directory view as through organizations', async () => {
    // The public catalog reads brands through identity's published view (ADR 0009). A plain view
    // is inlined by the planner, so every statement must get the plan the table gave: same
    // nodes, same relations, same indexes. Record what the repository sends, then compare.
    const dialect = new PgDialect();
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const reads = database().reads;
    const recording: ReadPool = {
      pool: reads.pool,
      close: () => reads.close(),
      read: (work) =>
        reads.read((reader) =>
          work({
            rows: (statement) => {
              statements.push(dialect.sqlToQuery(statement));
              return reader.rows(statement);
            },
          }),
        ),
    };
    const filter = {
      scope: { kind: 'public' as const, brandId: undefined },
      status: undefined,
      category: undefined,
    };
    // Full text with the dictionary lookup, then a typo: correction and the corrected tier.
    expect(
      (await partSearchRepository.search(recording, filter, 'compressor', 0, 10)).map(
        (row) => row.partNumber,
      ),
    ).toContain('RF-CMP-220');
    expect(
      (await partSearchRepository.search(recording, filter, 'comprssor', 0, 10)).map(
        (row) => row.partNumber,
      ),
    ).toContain('RF-CMP-220');
    const viaView = statements.filter((statement) =>
      statement.sql.includes('organization_directory'),
    );
    expect(viaView.length).toBeGreaterThanOrEqual(3);

    type PlanNode = {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      Plans?: PlanNode[];
    };
    const shape = (node: PlanNode): string[] => [
      [node['Node Type'], node['Relation Name'], node['Index Name']].filter(Boolean).join(' '),
      ...(node.Plans ?? []).flatMap(shape),
    ];
    const client = await database().pool.connect();
    try {
      await client.query('begin');
      // The read pool's sessions keep generic plans; plan these the same way.
      await client.query("select set_config('plan_cache_mode', 'force_generic_plan', true)");
      const planOf = async (sql: string, params: unknown[]) => {
        const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `explain (format json, costs off) ${sql}`,
          params,
        );
        return shape(rows[0]!['QUERY PLAN'][0]!.Plan);
      };
      for (const { sql, params } of viaView) {
        const throughView = await planOf(sql, params);
        // Inlined: the plan scans the table itself, and no view is left to evaluate.
        expect(throughView.some((node) => node.includes(' organizations'))).toBe(true);
        expect(throughView).toEqual(
          await planOf(sql.replaceAll('organization_directory', 'organizations'), params),
        );
      }
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('pages ranked results by offset without repeats', async () => {
    const scope = { kind: 'brand' as const, brandId };
    const filter = { scope, status: undefined, category: undefined };
    const first = await partSearchRepository.search(database().reads, filter, 'filler', 0, 5);
    const second = await partSearchRepository.search(database().reads, filter, 'filler', 5, 5);
    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    const ids = [...first, ...second].map((row) => row.id);
    expect(new Set(ids).size).toBe(10);
  });
});

describe('resolveOrderablePart', () => {
  it('follows the chain to the first active part, and refuses a chain with none (cycle-safe)', async () => {
    const db = database().db;
    const pool = database().pool;
    const c = await makePart(db, brandId, { partNumber: 'CHAIN-C' });
    const b = await makePart(db, brandId, {
      partNumber: 'CHAIN-B',
      status: 'discontinued',
      supersededByPartId: c.id,
    });
    const a = await makePart(db, brandId, {
      partNumber: 'CHAIN-A',
      status: 'discontinued',
      supersededByPartId: b.id,
    });
    expect((await resolveOrderablePart(db, a.id)).partNumber).toBe('CHAIN-C');
    expect((await resolveOrderablePart(db, c.id)).partNumber).toBe('CHAIN-C');
    // A loop written around the API still ends.
    await pool.query(
      "update parts set status = 'discontinued', superseded_by_part_id = $1 where id = $2",
      [a.id, c.id],
    );
    await expect(resolveOrderablePart(db, a.id)).rejects.toMatchObject({
      code: 'PART_NOT_ORDERABLE',
    });
    await expect(
      resolveOrderablePart(db, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
