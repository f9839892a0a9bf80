#!/usr/bin/env node
// bench/inventory/search — figure (2): p95 latency of `GET /api/v1/parts?q=` over 100,000 parts of
// one brand under 32 concurrent clients, goal ≤ 50 ms. Fresh database, built server, the brand
// registered through the API, parts seeded with COPY (search_document from partSearchDocument).
// Load: wrk (one thread, `--connections`), each request a query drawn from a fixed mix (exact part
// numbers, prefixes, words, typos, model numbers). Alongside, in alternating rounds, the same
// searches without HTTP: the built catalog repository's search (dist/, so always the statements the
// route runs) on a read pool (dist/platform/db/read-pool.js) as large as the app's, shared by as
// many clients — so the share of HTTP, auth and serialisation is visible. Then EXPLAIN ANALYZE of
// every statement one search of each kind runs, with the generic plan the read pool runs (full
// plans with --explain).
// Usage: node bench/inventory/search.mjs [--parts 100000] [--seconds 20] [--rounds 3] [--connections 32]
//   [--pool-size 10] [--read-pool-size 6] [--explain]
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { prepareValue } from 'pg/lib/utils.js';
import { registerOwner } from '../lib/api.mjs';
import { middle as median, parseArgs, percentile } from '../lib/args.mjs';
import { copyRows, createBenchDatabase } from '../lib/database.mjs';
import { hasWrk, luaString, wrkLua } from '../lib/load.mjs';
import { root, startSpareflow, stop } from '../lib/processes.mjs';
import { generateParts, searchQueries } from './catalog-data.mjs';

const args = parseArgs();
const partCount = Number(args.parts ?? 100_000);
const seconds = Number(args.seconds ?? 20);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 32);
// The app's pools: DATABASE_POOL_MAX (default 10; authentication reads) and DATABASE_READ_POOL_MAX
// (default 6; search), which the anchor's read pool matches, so both run the same number of
// searches inside PostgreSQL at once while the other clients queue for a connection.
const poolSize = Number(args['pool-size'] ?? 10);
const readPoolSize = Number(args['read-pool-size'] ?? 6);
const goalP95Ms = 50;
if (!hasWrk()) throw new Error('bench/inventory/search needs wrk (apt-get install -y wrk)');

const dist = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
const { partSearchDocument, searchTermsOf } = await dist('modules/catalog/part-search-document.js');
const { partSearchRepository } = await dist('modules/catalog/part-search.repository.js');
const { createReadPool } = await dist('platform/db/read-pool.js');

console.log(
  `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), wrk, ` +
    `${partCount} parts, ${seconds}s x ${rounds} rounds, ${connections} concurrent clients, ` +
    `pools of ${poolSize} + ${readPoolSize} (read) connections, anchor ${readPoolSize}`,
);
const database = await createBenchDatabase('search');
const server = await startSpareflow({
  DATABASE_URL: database.url,
  DATABASE_POOL_MAX: String(poolSize),
  DATABASE_READ_POOL_MAX: String(readPoolSize),
});
try {
  const brand = await registerOwner(server.url, 'brand', 'Kelvinator Bench');
  const parts = generateParts(partCount);
  const copyMs = await copyRows(
    database.url,
    'parts',
    [
      'brand_id',
      'part_number',
      'name',
      'description',
      'category',
      'hsn_code',
      'gst_rate_basis_points',
      'unit_price_paise',
      'mrp_paise',
      'weight_grams',
      'length_cm',
      'width_cm',
      'height_cm',
      'compatible_models',
      'status',
      'search_document',
    ],
    parts.map((p) => [
      brand.organizationId,
      p.partNumber,
      p.name,
      p.description,
      p.category,
      '84509010',
      1800,
      p.unitPricePaise,
      p.mrpPaise,
      p.weightGrams,
      20,
      15,
      10,
      `{${p.compatibleModels.map((m) => `"${m}"`).join(',')}}`,
      'active',
      partSearchDocument(p),
    ]),
  );
  // Every writer of parts also adds the part's search terms to the brand's dictionary (typo
  // correction), when the build has one: the same terms, through COPY too.
  const probe = new pg.Client({ connectionString: database.url });
  await probe.connect();
  const { rows: termTable } = await probe.query(`select to_regclass('part_search_terms') as name`);
  await probe.end();
  const terms = new Set(
    searchTermsOf && termTable[0]?.name ? parts.flatMap((p) => searchTermsOf(p)) : [],
  );
  const termsMs =
    terms.size > 0
      ? await copyRows(
          database.url,
          'part_search_terms',
          ['brand_id', 'term'],
          [...terms].map((term) => [brand.organizationId, term]),
        )
      : 0;
  const sqlPool = new pg.Pool({ connectionString: database.url, max: 2 });
  // The anchor: the catalog repository's own search (dist/, so it is always the SQL the route
  // runs), on a read pool like the app's — no HTTP, authentication, validation or serialisation.
  const reads = createReadPool({ connectionString: database.url, max: readPoolSize });
  const brandFilter = {
    scope: { kind: 'brand', brandId: brand.organizationId },
    status: undefined,
    category: undefined,
  };
  // The route asks for one row more than the page (limit 25) to know whether another page exists.
  const search = (readPool, text) =>
    partSearchRepository.search(readPool, brandFilter, text, 0, 26);
  // VACUUM as autovacuum would soon after a bulk load: it also merges the GIN indexes' pending
  // lists, which every search would otherwise scan linearly.
  await sqlPool.query(
    terms.size > 0 ? 'vacuum analyze parts, part_search_terms' : 'vacuum analyze parts',
  );
  console.log(
    `seeded ${partCount} parts with COPY in ${(copyMs / 1000).toFixed(1)} s (indexes maintained)` +
      (terms.size > 0 ? `, ${terms.size} search terms in ${(termsMs / 1000).toFixed(1)} s` : '') +
      ', vacuumed and analyzed',
  );

  const queries = searchQueries(parts);
  const paths = queries.map(({ q }) => `/api/v1/parts?q=${encodeURIComponent(q)}`);
  // What each kind finds (first page size), so a mix that finds nothing cannot pass unnoticed.
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const samples = Object.fromEntries(
    kinds.map((kind) => [kind, queries.find((q) => q.kind === kind).q]),
  );
  for (const [kind, q] of Object.entries(samples)) {
    const response = await fetch(`${server.url}/api/v1/parts?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${brand.accessToken}` },
    });
    if (response.status !== 200)
      throw new Error(`search ${q}: ${response.status} ${await response.text()}`);
    const body = await response.json();
    console.log(
      `  ${kind.padEnd(6)} ${JSON.stringify(q).padEnd(16)} → ${body.items.length} items, first ${body.items[0]?.partNumber ?? '-'} ${body.items[0]?.name ?? ''}`,
    );
  }

  const lua = `
local paths = { ${paths.map(luaString).join(', ')} }
local headers = { ["authorization"] = ${luaString(`Bearer ${brand.accessToken}`)} }
local counter = 0
math.randomseed(${Date.now() % 100000})
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
`;
  const httpRound = (duration) => wrkLua(server.url, lua, { connections, seconds: duration });

  /** The same searches as raw SQL: `connections` pg clients, each searching in a loop. */
  async function sqlRound(duration) {
    const latencies = [];
    const deadline = performance.now() + duration * 1000;
    const started = performance.now();
    async function client(index) {
      for (let i = index; performance.now() < deadline; i += connections) {
        const begin = performance.now();
        // The built repository on a pool of the app's size: a connection per search, as in the app.
        await search(reads, queries[(i * 7919) % queries.length].q);
        if (performance.now() <= deadline) latencies.push(performance.now() - begin);
      }
    }
    await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      perSecond: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      failures: 0,
    };
  }

  // Warm-up of both (JIT, plan caches, shared buffers).
  await httpRound(Math.min(5, seconds));
  await sqlRound(Math.min(3, seconds));

  const results = { http: [], sql: [] };
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, measure] of [
      ['http', () => httpRound(seconds)],
      ['sql', () => sqlRound(seconds)],
    ]) {
      const result = await measure();
      if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
      results[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(4)} ${result.perSecond.toFixed(0).padStart(6)} searches/s  ` +
          `p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`,
      );
    }
  }

  // Where the time goes: EXPLAIN ANALYZE of every statement one search of each kind runs, as
  // captured from the repository through a capturing reader, each prepared on a read-pool
  // connection (so with the generic plan the app runs) and executed with its values.
  const plans = {};
  const captured = [];
  const dialect = new PgDialect();
  const capturing = {
    read: (work) =>
      reads.read((reader) =>
        work({
          rows: (statement) => {
            const query = dialect.sqlToQuery(statement);
            captured.push({ query: query.sql, params: query.params });
            return reader.rows(statement);
          },
        }),
      ),
  };
  const label = (query) =>
    /part_search_terms/.test(query) && !/from parts/.test(query)
      ? 'terms'
      : /<%/.test(query)
        ? 'trigram'
        : /search_vector @@/.test(query)
          ? 'page'
          : 'other';
  const explainClient = await reads.pool.connect();
  try {
    for (const [kind, q] of Object.entries(samples)) {
      captured.length = 0;
      await search(capturing, q);
      plans[kind] = {};
      for (const { query, params } of captured) {
        const values = params.map((value) =>
          value === null ? 'null' : explainClient.escapeLiteral(String(prepareValue(value))),
        );
        await explainClient.query(`prepare bench_probe as ${query}`);
        // Once first, so the plan is the cached generic one (as on an app connection).
        await explainClient.query(`execute bench_probe(${values.join(', ')})`);
        const { rows } = await explainClient.query(
          `explain (analyze, buffers) execute bench_probe(${values.join(', ')})`,
        );
        await explainClient.query('deallocate bench_probe');
        const lines = rows.map((row) => row['QUERY PLAN']);
        const name = label(query);
        const ms = (pattern) => Number(pattern.exec(lines.join('\n'))?.[1] ?? 0);
        plans[kind][name] =
          (plans[kind][name] ?? 0) + ms(/Planning Time: ([\d.]+)/) + ms(/Execution Time: ([\d.]+)/);
        if ('explain' in args)
          console.log(`--- ${kind} ${JSON.stringify(q)} ${name}\n${query}\n${lines.join('\n')}`);
      }
      console.log(
        `explain ${kind.padEnd(6)} ${JSON.stringify(q).padEnd(16)} ` +
          Object.entries(plans[kind])
            .map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`)
            .join(', '),
      );
    }
  } finally {
    explainClient.release();
  }
  await reads.close();
  await sqlPool.end();

  const pick = (list, key) => median(list.map((r) => r[key]));
  const summary = {
    date: new Date().toISOString(),
    parts: partCount,
    connections,
    poolSize,
    readPoolSize,
    seconds,
    rounds,
    httpSearchesPerSecond: Math.round(pick(results.http, 'perSecond')),
    httpP50Ms: Number(pick(results.http, 'p50').toFixed(1)),
    httpP95Ms: Number(pick(results.http, 'p95').toFixed(1)),
    httpP99Ms: Number(pick(results.http, 'p99').toFixed(1)),
    sqlSearchesPerSecond: Math.round(pick(results.sql, 'perSecond')),
    sqlP50Ms: Number(pick(results.sql, 'p50').toFixed(1)),
    sqlP95Ms: Number(pick(results.sql, 'p95').toFixed(1)),
    sqlP99Ms: Number(pick(results.sql, 'p99').toFixed(1)),
    roundHttpP95Ms: results.http.map((r) => Number(r.p95.toFixed(1))),
    roundSqlP95Ms: results.sql.map((r) => Number(r.p95.toFixed(1))),
    explainMs: plans,
    goalP95Ms,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `GET /api/v1/parts?q= over ${partCount} parts, ${connections} clients: p95 ${summary.httpP95Ms} ms ` +
      `(p50 ${summary.httpP50Ms}, p99 ${summary.httpP99Ms}; ${summary.httpSearchesPerSecond} req/s) ` +
      `vs raw SQL p95 ${summary.sqlP95Ms} ms (${summary.sqlSearchesPerSecond}/s) → goal p95 ≤ ${goalP95Ms} ms ` +
      `${summary.httpP95Ms <= goalP95Ms ? 'MET' : 'NOT MET'}`,
  );
} finally {
  await stop(server.child);
  await database.drop();
}
