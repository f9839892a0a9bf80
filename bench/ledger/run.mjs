#!/usr/bin/env node
// bench/ledger — postings per second through the ledger service (`creditTopUp` → `postLedger`,
// each in its own transaction, from the built code) under `--connections` concurrent clients,
// against pgbench running the SQL statements one posting executes (./posting-sql.mjs) with as many
// clients — same run, same PostgreSQL, fresh database; goal: the ratio ≥ 0.5. The wallets of
// `--wallets` organizations, a random one per posting (so clients contend now and then, as
// tenants do). Alternating rounds, medians reported; afterwards the ledger must sum to zero, every
// posting balance and every cached balance equal its entries (the reconciler's own query).
// Usage: npm run bench:ledger [-- --seconds 15 --rounds 3 --connections 16 --wallets 64]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { middle as median, parseArgs } from '../lib/args.mjs';
import { createBenchDatabase } from '../lib/database.mjs';
import { root } from '../lib/processes.mjs';
import { postingScript } from './posting-sql.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(
    'Usage: npm run bench:ledger -- [--seconds 15] [--rounds 3] [--connections 16] [--wallets 64]\n' +
      '  --seconds N       length of each measured round (warm-up: min(3, N) each)\n' +
      '  --rounds N        alternating rounds of the service and pgbench; medians reported\n' +
      '  --connections N   concurrent clients of the service and of pgbench (default 16)\n' +
      '  --wallets N       organizations whose wallets the postings go to (default 64)\n' +
      '  Smoke run: npm run bench:ledger -- --seconds 1 --rounds 1',
  );
  process.exit(0);
}
const args = parseArgs(argv);
const seconds = Number(args.seconds ?? 15);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 16);
const walletCount = Number(args.wallets ?? 64);
const goal = 0.5;
if (spawnSync('pgbench', ['--version']).error) throw new Error('bench/ledger needs pgbench');

const dist = (file) => path.join(root, 'dist', file);
const { runMigrations } = await import(dist('platform/db/migrations.js'));
const { inTransaction } = await import(dist('platform/db/transaction.js'));
const { creditTopUp } = await import(dist('modules/ledger/index.js'));
const { platformAccountIds } = await import(
  dist('modules/ledger/ledger-account-lock.repository.js')
);
const { ledgerReconciliationRepository } = await import(
  dist('modules/ledger/ledger-reconciliation.repository.js')
);

console.log(
  `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), pgbench, ` +
    `${seconds}s x ${rounds} rounds, ${connections} concurrent clients, ${walletCount} wallets`,
);
const database = await createBenchDatabase('ledger');
const pool = new pg.Pool({ connectionString: database.url, max: connections });
// Idle clients are killed when the database is dropped at the end: not an error of the run.
pool.on('error', () => {});
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-bench-ledger-'));
try {
  await runMigrations(pool);
  const { rows: orgRows } = await pool.query(
    `insert into organizations (type, name)
     select 'brand', 'Bench brand ' || n from generate_series(1, $1) n returning id`,
    [walletCount],
  );
  const organizationIds = orgRows.map((row) => row.id);
  // Every wallet's first posting creates its accounts; the bench measures the steady state.
  for (const organizationId of organizationIds)
    await inTransaction(pool, (tx) =>
      creditTopUp(tx, { organizationId, amountPaise: 100, reference: `seed:${organizationId}` }),
    );
  const { rows: accountRows } = await pool.query(
    `select organization_id, id from ledger_accounts where kind = 'wallet_available'`,
  );
  const availableOf = new Map(accountRows.map((row) => [row.organization_id, row.id]));
  const scriptFile = path.join(workDir, 'posting.sql');
  fs.writeFileSync(
    scriptFile,
    postingScript({
      organizationIds,
      availableAccountIds: organizationIds.map((id) => availableOf.get(id)),
      gatewayClearingId: platformAccountIds.gateway_clearing,
    }),
  );
  console.log(`seeded: ${walletCount} wallets (one top-up each, through the service)`);

  function pgbenchRound(duration) {
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
        scriptFile,
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
  /** `connections` clients, each posting in a loop until the time is up (pool of as many). */
  async function serviceRound(duration) {
    roundNumber += 1;
    const until = performance.now() + duration * 1000;
    let done = 0;
    let failures = 0;
    let latencyTotal = 0;
    const client = async (clientNumber) => {
      let sequence = 0;
      while (performance.now() < until) {
        sequence += 1;
        const organizationId = organizationIds[Math.floor(Math.random() * organizationIds.length)];
        const started = performance.now();
        try {
          await inTransaction(pool, (tx) =>
            creditTopUp(tx, {
              organizationId,
              amountPaise: 100 + Math.floor(Math.random() * 999_900),
              reference: `bench:${runId}:${roundNumber}:${clientNumber}:${sequence}`,
            }),
          );
          done += 1;
          latencyTotal += performance.now() - started;
        } catch (error) {
          failures += 1;
          if (failures === 1) console.error(error);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: connections }, (_, index) => client(index)));
    const elapsed = (performance.now() - started) / 1000;
    return { perSecond: done / elapsed, meanLatency: latencyTotal / Math.max(1, done), failures };
  }

  await serviceRound(Math.min(3, seconds));
  pgbenchRound(Math.min(3, seconds));

  const results = { service: [], pgbench: [] };
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, measure] of [
      ['service', () => serviceRound(seconds)],
      ['pgbench', async () => pgbenchRound(seconds)],
    ]) {
      const result = await measure();
      if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed postings`);
      results[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(7)} ${result.perSecond.toFixed(0).padStart(6)} postings/s  mean latency ${result.meanLatency.toFixed(1)} ms`,
      );
    }
    console.log(
      `round ${round} ratio   ${(results.service.at(-1).perSecond / results.pgbench.at(-1).perSecond).toFixed(3)}`,
    );
  }

  // The ledger stayed right under the load (the reconciler's comparison, one snapshot).
  const check = await ledgerReconciliationRepository.compare(pool);
  const { rows: counts } = await pool.query(
    `select count(*)::int as postings from ledger_postings`,
  );
  if (check.drift.length > 0 || check.unbalancedPostings > 0 || check.ledgerTotalPaise !== 0)
    throw new Error(`the ledger drifted: ${JSON.stringify(check).slice(0, 2000)}`);
  console.log(
    `ledger check: ${counts[0].postings} postings, entries sum to 0, every wallet equals its entries`,
  );

  const roundRatios = results.service.map((r, i) => r.perSecond / results.pgbench[i].perSecond);
  const summary = {
    date: new Date().toISOString(),
    connections,
    wallets: walletCount,
    seconds,
    rounds,
    servicePostingsPerSecond: Math.round(median(results.service.map((r) => r.perSecond))),
    serviceMeanLatencyMs: Number(median(results.service.map((r) => r.meanLatency)).toFixed(1)),
    pgbenchTransactionsPerSecond: Math.round(median(results.pgbench.map((r) => r.perSecond))),
    pgbenchMeanLatencyMs: Number(median(results.pgbench.map((r) => r.meanLatency)).toFixed(1)),
    ratio: Number(median(roundRatios).toFixed(3)),
    roundRatios: roundRatios.map((ratio) => Number(ratio.toFixed(3))),
    goal,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `ledger postings (creditTopUp): ${summary.servicePostingsPerSecond} postings/s vs pgbench (same SQL) ` +
      `${summary.pgbenchTransactionsPerSecond} tx/s → ratio ${summary.ratio} (goal ≥ ${goal}) ` +
      `${summary.ratio >= goal ? 'MET' : 'NOT MET'}`,
  );
} finally {
  await pool.end();
  await database.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
