import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../../src/modules/identity/identity.tables.js';
import { prefixRange } from '../../../src/modules/catalog/part-search-query.js';
import { makePart } from '../../support/factories/part.factory.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
let brandId: string;

beforeAll(async () => {
  const [brand] = await database()
    .db.insert(organizations)
    .values({ name: 'Read Pool Brand', type: 'brand' })
    .returning();
  brandId = brand!.id;
  for (const partNumber of ['WM-BELT-01', 'WM-BELT-02', 'WM-GSK-01'])
    await makePart(database().db, brandId, { partNumber });
});

describe('read pool', () => {
  it('runs each statement as a named prepared statement with a generic plan', async () => {
    const statement = sql`select part_number from parts where brand_id = ${brandId} order by 1`;
    const [first, second, prepared] = await database().reads.read(async (reader) => [
      await reader.rows<{ part_number: string }>(statement),
      await reader.rows<{ part_number: string }>(statement),
      await reader.rows<{ statement: string; generic_plans: string; custom_plans: string }>(
        sql`select statement, generic_plans, custom_plans from pg_prepared_statements
            where name like 'sf\\_%'`,
      ),
    ]);
    expect(first.map((row) => row.part_number)).toEqual(['WM-BELT-01', 'WM-BELT-02', 'WM-GSK-01']);
    expect(second).toEqual(first);
    // Both runs used one prepared statement, planned once (generic), never custom.
    const mine = prepared.find((row) => row.statement.includes('select part_number from parts'));
    expect(mine).toMatchObject({ generic_plans: '2', custom_plans: '0' });
  });

  it('refuses writes: its sessions are read-only', async () => {
    await expect(
      database().reads.read((reader) =>
        reader.rows(sql`update parts set name = 'changed' where brand_id = ${brandId}`),
      ),
    ).rejects.toMatchObject({ code: '25006' });
    const { rows } = await database().pool.query<{ n: number }>(
      `select count(*)::int as n from parts where name = 'changed'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('plans a part-number prefix as an index range without knowing the bounds', async () => {
    const client = await database().reads.pool.connect();
    try {
      const { from, to } = prefixRange('wm-bel');
      await client.query(
        `prepare prefix_probe(uuid, text, text) as
           select id from parts where brand_id = $1
             and lower(part_number) collate "C" >= $2 and lower(part_number) collate "C" < $3
           order by lower(part_number) collate "C", id limit 26`,
      );
      const literals = [brandId, from, to as string].map((value) => client.escapeLiteral(value));
      const explain = await client.query<{ 'QUERY PLAN': string }>(
        `explain execute prefix_probe(${literals.join(', ')})`,
      );
      const plan = explain.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('parts_brand_part_number_prefix_idx');
      expect(plan).toMatch(/>= \$2/);
      const found = await client.query(`execute prefix_probe(${literals.join(', ')})`);
      expect(found.rowCount).toBe(2);
    } finally {
      await client.query('deallocate prefix_probe');
      client.release();
    }
  });
});
