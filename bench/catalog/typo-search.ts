// bench/catalog/typo-search: single-query latency of the parts search at 100,000 parts of one
// brand (bench/inventory/catalog-data.mjs), one client, per query: the search before the term
// dictionary (bench/catalog/_old-part-search.repository.ts, a copy of commit 25b4d5b) against the
// current one. Parts are loaded through partBulkRepository (the CSV import's writer, so terms too).
// Usage: node --import tsx bench/catalog/typo-search.ts [--parts 100000] [--runs 15]
import crypto from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { partBulkRepository } from '../../src/modules/catalog/part-bulk.repository.js';
import { partSearchRepository } from '../../src/modules/catalog/part-search.repository.js';
import type { Db } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrations.js';
import { createReadPool } from '../../src/platform/db/read-pool.js';
import * as schema from '../../src/platform/db/schema.js';
// @ts-expect-error plain ESM without types
import { generateParts, searchQueries } from '../inventory/catalog-data.mjs';
import { partSearchRepository as oldSearchRepository } from './_old-part-search.repository.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const partCount = arg('parts', 100_000);
const runs = arg('runs', 15);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `spareflow_bench_typos_${crypto.randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
const reads = createReadPool({ connectionString: url.toString(), max: 4 });
try {
  await runMigrations(pool);
  const db = drizzle(pool, { schema }) as unknown as Db;
  const { rows } = await pool.query<{ id: string }>(
    "insert into organizations (type, name) values ('brand', 'Kelvinator Bench') returning id",
  );
  const brandId = rows[0]!.id;
  type Generated = ReturnType<typeof Object> & Record<string, unknown>;
  const parts = generateParts(partCount) as Generated[];
  const started = performance.now();
  for (let i = 0; i < parts.length; i += 1000) {
    await partBulkRepository.upsert(
      pool,
      brandId,
      parts.slice(i, i + 1000).map((p) => ({
        partNumber: p.partNumber as string,
        name: p.name as string,
        description: p.description as string,
        category: p.category as string,
        hsnCode: '84509010',
        gstRateBasisPoints: 1800,
        unitPricePaise: p.unitPricePaise as number,
        mrpPaise: p.mrpPaise as number,
        weightGrams: p.weightGrams as number,
        lengthCm: 20,
        widthCm: 15,
        heightCm: 10,
        compatibleModels: p.compatibleModels as string[],
        status: 'active' as const,
      })),
    );
  }
  await pool.query('vacuum analyze parts');
  await pool.query('vacuum analyze part_search_terms');
  const terms = await pool.query<{ n: number }>('select count(*)::int as n from part_search_terms');
  console.log(
    `${partCount} parts loaded through partBulkRepository in ${((performance.now() - started) / 1000).toFixed(1)} s, ${terms.rows[0]!.n} terms`,
  );

  const filter = {
    scope: { kind: 'brand' as const, brandId },
    status: undefined,
    category: undefined,
  };
  const time = async (which: 'before' | 'after', q: string) => {
    const begin = performance.now();
    const found =
      which === 'before'
        ? await oldSearchRepository.search(db, filter, q, 0, 26)
        : await partSearchRepository.search(reads, filter, q, 0, 26);
    return { ms: performance.now() - begin, found };
  };
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const typoQueries = [
    'comprssor',
    'compresor',
    'gaskit',
    'thermostt',
    'magnetrn',
    'capacitr',
    'drian pump',
    'heatr element',
    'inlet vlave',
    'defrst timer',
    'drvie belt',
    'door gaskit',
    'evaporater fan motor',
  ];
  const model = (parts[17]!.compatibleModels as string[])[0]!;
  const modelTypo = model.slice(0, -2) + model.at(-1) + model.at(-2);
  console.log(`query                      before ms (hits)   after ms (hits)   same first hit`);
  for (const q of [...typoQueries, modelTypo]) {
    for (let i = 0; i < 3; i += 1) await Promise.all([time('before', q), time('after', q)]);
    const samples = { before: [] as number[], after: [] as number[] };
    let hits = { before: 0, after: 0 };
    let first = { before: '', after: '' };
    for (let i = 0; i < runs; i += 1) {
      for (const which of ['before', 'after'] as const) {
        const { ms, found } = await time(which, q);
        samples[which].push(ms);
        hits = { ...hits, [which]: found.length };
        first = { ...first, [which]: found[0]?.name ?? '-' };
      }
    }
    console.log(
      `${JSON.stringify(q).padEnd(26)} ${median(samples.before).toFixed(1).padStart(8)} (${String(hits.before).padStart(2)})` +
        `   ${median(samples.after).toFixed(1).padStart(8)} (${String(hits.after).padStart(2)})` +
        `   ${first.before === first.after ? 'yes' : `${first.before} | ${first.after}`}`,
    );
  }
  // The bench mix (exact, prefix, words, typos, models), one client, one pass each after a warm-up.
  const mix = (searchQueries(parts) as Array<{ kind: string; q: string }>).slice(0, 400);
  for (const which of ['before', 'after'] as const) {
    for (const { q } of mix.slice(0, 50)) await time(which, q);
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    for (const { kind, q } of mix) {
      const { ms } = await time(which, q);
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    all.sort((a, b) => a - b);
    console.log(
      `mix ${which.padEnd(6)} p50 ${median(all).toFixed(1)} ms, p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(1)} ms; median by kind: ` +
        [...byKind].map(([kind, list]) => `${kind} ${median(list).toFixed(1)}`).join(', '),
    );
  }
} finally {
  await reads.close();
  await pool.end();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
