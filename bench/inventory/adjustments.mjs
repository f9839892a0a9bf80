#!/usr/bin/env node
// bench/inventory/adjustments — figure (3): stock adjustments/s over HTTP under contention against
// pgbench running one adjustment's SQL WITHOUT any lock of our design (the ceiling the database
// allows for that work), in the same run on the same database; goal: the ratio ≥ 0.5. Fresh
// database, built server; a brand registered through the API with one location and 10 parts, each
// level received up to 1,000,000 through the API. Load: wrk, `--connections` clients posting
// `POST /api/v1/inventory/adjustments` (±1 on a random part of the 10, reason count_correction, a
// unique Idempotency-Key each). Anchors (./adjustment-sql.mjs), pgbench with as many clients: the
// ceiling (the figure's denominator), and the old anchor — the statements under the installation-
// wide audit advisory lock, issue 5's denominator — beside it (skip with --no-old-anchor).
// Alternating rounds; afterwards every level must equal its ledger.
// Usage: node bench/inventory/adjustments.mjs [--seconds 20] [--rounds 3] [--connections 16]
//        [--no-old-anchor] [--profile]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { callJson, registerOwner } from '../lib/api.mjs';
import { middle as median, parseArgs } from '../lib/args.mjs';
import { createBenchDatabase } from '../lib/database.mjs';
import { hasWrk, luaString, wrkLua } from '../lib/load.mjs';
import { startSpareflow, stop } from '../lib/processes.mjs';
import { ceilingScript, chainHeadScript, globalLockScript } from './adjustment-sql.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(
    'Usage: node bench/inventory/adjustments.mjs [--seconds 20] [--rounds 3] [--connections 16] [--no-old-anchor] [--profile]\n' +
      '  --seconds N       length of each measured round (warm-up: min(5, N) HTTP, min(3, N) pgbench)\n' +
      '  --rounds N        alternating rounds of HTTP, the ceiling and the old anchor; medians reported\n' +
      '  --connections N   concurrent clients of wrk and pgbench (default 16)\n' +
      '  --no-old-anchor   skip the old anchor (pgbench under the global audit advisory lock)\n' +
      '  --profile         afterwards, pgbench variants: our per-chain audit head lock, synchronous_commit off',
  );
  process.exit(0);
}
// `--no-old-anchor` and `--profile` take no value.
const args = parseArgs(argv.filter((value) => !['--no-old-anchor', '--profile'].includes(value)));
const oldAnchor = !argv.includes('--no-old-anchor');
const profile = argv.includes('--profile');
const seconds = Number(args.seconds ?? 20);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 16);
const partCount = 10;
const goal = 0.5;
const scope = 'inventory.adjustment';
if (!hasWrk()) throw new Error('bench/inventory/adjustments needs wrk (apt-get install -y wrk)');
if (spawnSync('pgbench', ['--version']).error)
  throw new Error('bench/inventory/adjustments needs pgbench');

console.log(
  `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), wrk and pgbench, ` +
    `${seconds}s x ${rounds} rounds, ${connections} concurrent clients, ${partCount} parts at one location`,
);
const database = await createBenchDatabase('adjust');
const server = await startSpareflow({ DATABASE_URL: database.url });
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-bench-adjust-'));
try {
  const brand = await registerOwner(server.url, 'brand', 'Kelvinator Bench');
  const token = brand.accessToken;
  const location = await callJson(server.url, 'POST', '/api/v1/locations', {
    token,
    expect: 201,
    body: {
      name: 'Bhiwandi central warehouse',
      address: {
        contactName: 'Stores in-charge',
        phone: '+919876543210',
        line1: 'Gala 14, Mankoli Naka',
        city: 'Bhiwandi',
        state: 'Maharashtra',
        pincode: '421302',
      },
    },
  });
  const { rows: partRows } = await client.query(
    `insert into parts (brand_id, part_number, name, category, unit_price_paise, weight_grams, length_cm, width_cm, height_cm, search_document)
     select $1, 'KV-RF-' || lpad(n::text, 6, '0'), 'Compressor ' || n, 'Refrigerator', 450000, 9000, 40, 30, 30,
            'KV-RF-' || lpad(n::text, 6, '0') || ' Compressor ' || n || ' Refrigerator'
       from generate_series(1, $2) n
     returning id`,
    [brand.organizationId, partCount],
  );
  const partIds = partRows.map((row) => row.id);
  for (const partId of partIds) {
    await callJson(server.url, 'POST', '/api/v1/inventory/adjustments', {
      token,
      expect: 201,
      headers: { 'idempotency-key': `seed-${partId}` },
      body: {
        locationId: location.id,
        partId,
        quantityDelta: 1_000_000,
        reason: 'receipt',
        unitCostPaise: 1000,
      },
    });
  }
  const { rows: userRows } = await client.query(
    `select user_id from memberships where organization_id = $1`,
    [brand.organizationId],
  );
  console.log(
    `seeded: 1 location, ${partCount} parts with on hand 1,000,000 each (through the API)`,
  );

  const scriptOptions = {
    organizationId: brand.organizationId,
    userId: userRows[0].user_id,
    locationId: location.id,
    partIds,
    scope,
  };
  const scriptFile = path.join(workDir, 'adjustment-ceiling.sql');
  fs.writeFileSync(scriptFile, ceilingScript(scriptOptions));
  const oldAnchorFile = path.join(workDir, 'adjustment-global-lock.sql');
  fs.writeFileSync(oldAnchorFile, globalLockScript(scriptOptions));

  function pgbenchRound(duration, file = scriptFile) {
    const result = spawnSync(
      'pgbench',
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(connections),
        '-j',
        String(Math.min(connections, os.cpus().length)),
        '-T',
        String(duration),
        '-f',
        file,
        database.url,
      ],
      { encoding: 'utf8' },
    );
    const tps = Number(
      /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)?.[1],
    );
    const failed = Number(/number of failed transactions: (\d+)/.exec(result.stdout)?.[1] ?? 0);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(result.stdout)?.[1]);
    if (result.status !== 0 || !Number.isFinite(tps))
      throw new Error(`pgbench failed:\n${result.stdout}${result.stderr}`);
    return { perSecond: tps, meanLatency: latency, failures: failed };
  }

  const runId = crypto.randomBytes(3).toString('hex');
  let roundNumber = 0;
  function httpRound(duration) {
    roundNumber += 1;
    const lua = `
local parts = { ${partIds.map(luaString).join(', ')} }
local prefix = ${luaString(`wrk-${runId}-${roundNumber}-`)}
local counter = 0
local headers = { ["authorization"] = ${luaString(`Bearer ${token}`)}, ["content-type"] = "application/json" }
math.randomseed(${roundNumber * 7919})
request = function()
  counter = counter + 1
  headers["idempotency-key"] = prefix .. counter
  local delta = (math.random(2) == 1) and 1 or -1
  local body = '{"locationId":"${location.id}","partId":"' .. parts[math.random(#parts)] ..
    '","quantityDelta":' .. delta .. ',"reason":"count_correction"}'
  return wrk.format("POST", "/api/v1/inventory/adjustments", headers, body)
end
`;
    const result = wrkLua(server.url, lua, { connections, seconds: duration });
    return { ...result, perSecond: result.okPerSecond, meanLatency: result.mean };
  }

  // Warm-up of both.
  httpRound(Math.min(5, seconds));
  pgbenchRound(Math.min(3, seconds));

  // `pgbench`: the ceiling (the figure's anchor); `global`: the old anchor, under the global lock.
  const results = { http: [], pgbench: [], global: [] };
  const measures = [
    ['http', () => httpRound(seconds)],
    ['pgbench', () => pgbenchRound(seconds)],
    ...(oldAnchor ? [['global', () => pgbenchRound(seconds, oldAnchorFile)]] : []),
  ];
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, measure] of measures) {
      const result = measure();
      if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
      results[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(7)} ${result.perSecond.toFixed(0).padStart(6)} adjustments/s  mean latency ${result.meanLatency.toFixed(1)} ms` +
          (name === 'http'
            ? `  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`
            : name === 'global'
              ? '  (old anchor: global audit lock)'
              : '  (ceiling: no lock of ours)'),
      );
    }
    const pair = results.http.at(-1).perSecond / results.pgbench.at(-1).perSecond;
    const old = oldAnchor
      ? `  (vs old anchor ${(results.http.at(-1).perSecond / results.global.at(-1).perSecond).toFixed(3)})`
      : '';
    console.log(`round ${round} ratio   ${pair.toFixed(3)}${old}`);
  }

  // --profile: what our own locks cost against the ceiling — the audit append as the code does it
  // (the organization's chain head locked through commit: one busy tenant appends one at a time),
  // and the ceiling without waiting for the WAL flush at commit.
  if (profile) {
    const script = fs.readFileSync(scriptFile, 'utf8');
    const variants = {
      'ceiling + per-chain audit head lock (ADR 0008)': chainHeadScript(scriptOptions),
      'ceiling, synchronous_commit off': script.replace(
        'begin;\n',
        'begin;\nset local synchronous_commit = off;\n',
      ),
    };
    for (const [name, text] of Object.entries(variants)) {
      const file = path.join(workDir, `${name.replace(/\W+/g, '-')}.sql`);
      fs.writeFileSync(file, text);
      const result = pgbenchRound(seconds, file);
      console.log(
        `profile pgbench ${name}: ${result.perSecond.toFixed(0)} tx/s, mean latency ${result.meanLatency.toFixed(1)} ms`,
      );
    }
  }

  // The ledger stayed right under the load: every level equals the sum of its movements.
  const { rows: drift } = await client.query(
    `select s.part_id, s.on_hand, coalesce(sum(m.on_hand_delta), 0)::int as ledger
       from stock_levels s left join stock_movements m on m.location_id = s.location_id and m.part_id = s.part_id
      where s.location_id = $1 group by s.part_id, s.on_hand having s.on_hand <> coalesce(sum(m.on_hand_delta), 0)`,
    [location.id],
  );
  const { rows: counts } = await client.query(
    `select count(*)::int as movements from stock_movements where location_id = $1`,
    [location.id],
  );
  if (drift.length > 0) throw new Error(`levels differ from the ledger: ${JSON.stringify(drift)}`);
  console.log(`ledger check: ${counts[0].movements} movements, every level equals its ledger sum`);

  const httpRate = median(results.http.map((r) => r.perSecond));
  const pgbenchRate = median(results.pgbench.map((r) => r.perSecond));
  // The parts of a round ran back to back: the median of the round ratios is the figure.
  const roundRatios = results.http.map((r, i) => r.perSecond / results.pgbench[i].perSecond);
  const oldRatios = oldAnchor
    ? results.http.map((r, i) => r.perSecond / results.global[i].perSecond)
    : [];
  const summary = {
    date: new Date().toISOString(),
    connections,
    parts: partCount,
    seconds,
    rounds,
    httpAdjustmentsPerSecond: Math.round(httpRate),
    httpP50Ms: Number(median(results.http.map((r) => r.p50)).toFixed(1)),
    httpP95Ms: Number(median(results.http.map((r) => r.p95)).toFixed(1)),
    httpP99Ms: Number(median(results.http.map((r) => r.p99)).toFixed(1)),
    pgbenchTransactionsPerSecond: Math.round(pgbenchRate),
    pgbenchMeanLatencyMs: Number(median(results.pgbench.map((r) => r.meanLatency)).toFixed(1)),
    ratio: Number(median(roundRatios).toFixed(3)),
    roundRatios: roundRatios.map((ratio) => Number(ratio.toFixed(3))),
    ...(oldAnchor
      ? {
          oldAnchorTransactionsPerSecond: Math.round(
            median(results.global.map((r) => r.perSecond)),
          ),
          oldAnchorRatio: Number(median(oldRatios).toFixed(3)),
          oldAnchorRoundRatios: oldRatios.map((ratio) => Number(ratio.toFixed(3))),
        }
      : {}),
    goal,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `POST /api/v1/inventory/adjustments: ${summary.httpAdjustmentsPerSecond} adjustments/s (p95 ${summary.httpP95Ms} ms) ` +
      `vs pgbench ceiling (same work, no lock of ours) ${summary.pgbenchTransactionsPerSecond} tx/s → ratio ${summary.ratio} ` +
      `(goal ≥ ${goal}) ${summary.ratio >= goal ? 'MET' : 'NOT MET'}` +
      (oldAnchor
        ? `; old anchor (global audit lock) ${summary.oldAnchorTransactionsPerSecond} tx/s → ${summary.oldAnchorRatio}`
        : ''),
  );
} finally {
  await client.end();
  await stop(server.child);
  await database.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
