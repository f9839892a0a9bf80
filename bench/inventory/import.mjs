#!/usr/bin/env node
// bench/inventory/import: rows/s of the parts CSV import through the real code path — POST the
// file to /api/v1/parts/import on a running app (in this process, worker in process) and poll
// /api/v1/jobs/{id} until it succeeded — against the ceiling measured in the same run on the same
// PostgreSQL: COPY … FROM STDIN of the same rows into a scratch table created with
// `like parts including all` (the parts table's columns, generated tsvector, unique index on
// (brand_id, lower(part_number)), trigram and full-text GIN indexes).
// Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (a scratch database is created on that server
// and dropped afterwards), else the embedded PostgreSQL in a temporary data folder.
// The import is timed from the job's startedAt to finishedAt (what the job handler does: quick
// count, streaming parse, validation, batched upserts, progress, audit and event); the upload and
// the queue pick-up are printed beside it as the end-to-end figure. The ratio is the median of
// the per-round ratios (each round runs COPY and the import back to back).
// Usage (after npm run build): node bench/inventory/import.mjs [--rows 100000] [--rounds 3]
import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../dist/config/config.js';
import { startApp } from '../../dist/app/app-runtime.js';
import { createLogger } from '../../dist/platform/logging/logger.js';
import { partSearchDocument } from '../../dist/modules/catalog/part-search-document.js';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, value, index, all) =>
        value.startsWith('--') ? [...pairs, [value.slice(2), all[index + 1]]] : pairs,
      [],
    ),
);
const rowCount = Number(args.rows ?? 100_000);
const rounds = Number(args.rounds ?? 3);
const goal = 0.5;

const header =
  'part_number,name,description,category,hsn_code,gst_rate_percent,unit_price_paise,mrp_paise,weight_grams,length_cm,width_cm,height_cm,compatible_models,status';
const categories = ['Pumps', 'Motors', 'Filters', 'Gaskets', 'Valves', 'Sensors', 'Boards'];
const appliances = ['WM', 'AC', 'RF', 'MW', 'DW', 'WH'];

/** The same 100,000 parts every run: realistic lengths, 1–3 compatible models each. */
function partRow(n) {
  const appliance = appliances[n % appliances.length];
  const category = categories[n % categories.length];
  const models = Array.from(
    { length: 1 + (n % 3) },
    (_, index) => `${appliance}-${(n * 7 + index * 13) % 900}`,
  );
  const price = 1000 + ((n * 37) % 90000);
  return {
    partNumber: `BP-${String(n).padStart(6, '0')}`,
    name: `${category.slice(0, -1)} assembly ${appliance} ${n % 1000}`,
    description: `Replacement ${category.toLowerCase()} part for ${appliance} series, batch ${n % 97}`,
    category,
    hsnCode: '84509000',
    gstRatePercent: 18,
    unitPricePaise: price,
    mrpPaise: price + 500,
    weightGrams: 50 + (n % 5000),
    lengthCm: 5 + (n % 40),
    widthCm: 5 + (n % 30),
    heightCm: 2 + (n % 20),
    compatibleModels: models,
    status: 'active',
  };
}

const csvCell = (value) => {
  const text = String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

function importCsv(rows) {
  const lines = rows.map((p) =>
    [
      p.partNumber,
      p.name,
      p.description,
      p.category,
      p.hsnCode,
      p.gstRatePercent,
      p.unitPricePaise,
      p.mrpPaise,
      p.weightGrams,
      p.lengthCm,
      p.widthCm,
      p.heightCm,
      p.compatibleModels.join('|'),
      p.status,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

const copyColumns =
  'brand_id, part_number, name, description, category, hsn_code, gst_rate_basis_points, unit_price_paise, mrp_paise, weight_grams, length_cm, width_cm, height_cm, compatible_models, status, search_document';

/** The same rows as COPY's CSV, with the columns the import writes (search document included). */
function copyCsv(rows, brandId) {
  return (
    rows
      .map((p) =>
        [
          brandId,
          p.partNumber,
          p.name,
          p.description,
          p.category,
          p.hsnCode,
          p.gstRatePercent * 100,
          p.unitPricePaise,
          p.mrpPaise,
          p.weightGrams,
          p.lengthCm,
          p.widthCm,
          p.heightCm,
          `{${p.compatibleModels.join(',')}}`,
          p.status,
          partSearchDocument(p),
        ]
          .map(csvCell)
          .join(','),
      )
      .join('\n') + '\n'
  );
}

/**
 * COPY … FROM STDIN on a node-postgres client without an extra dependency: a submittable query
 * that answers the server's CopyInResponse with the bytes (64 KiB chunks) and CopyDone.
 */
function copyFrom(client, text, bytes) {
  return new Promise((resolve, reject) => {
    let failure;
    client.query({
      submit(connection) {
        connection.query(text);
      },
      handleCopyInResponse(connection) {
        for (let offset = 0; offset < bytes.length; offset += 65_536)
          connection.sendCopyFromChunk(bytes.subarray(offset, offset + 65_536));
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleReadyForQuery() {
        if (failure) reject(failure);
        else resolve();
      },
      handleError(error) {
        failure = error;
      },
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// --- database and app -----------------------------------------------------------------------
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-bench-import-'));
await fs.chmod(dataDir, 0o755);
let databaseUrl;
let scratchName;
if (serverUrl) {
  scratchName = `spareflow_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${scratchName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${scratchName}`;
  databaseUrl = url.toString();
}
const config = loadConfig({
  NODE_ENV: 'production',
  // Production-like speed with simulated vendors: production refuses sandbox mode otherwise.
  ALLOW_SANDBOX_IN_PRODUCTION: 'true',
  APP_URL: 'http://127.0.0.1',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  SPAREFLOW_DATA_DIR: dataDir,
  WORKER_POLL_INTERVAL_SECONDS: '1',
  RATE_LIMIT_PER_MINUTE: '10000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '10000000',
  JWT_SECRET: crypto.randomBytes(32).toString('hex'),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  PATH: process.env.PATH,
});
const app = await startApp({
  config,
  logger: createLogger({ level: config.logLevel }),
  seedDemoOnFirstStart: false,
  worker: true,
});
const pool = app.container.database.pool;
const { rows: versionRows } = await pool.query('show server_version');
console.log(
  `node ${process.version}, ${os.cpus().length} cores, PostgreSQL ${versionRows[0].server_version} (${serverUrl ? 'external' : 'embedded'}), ${rowCount} rows x ${rounds} rounds`,
);

async function newBrandToken() {
  const suffix = crypto.randomBytes(4).toString('hex');
  const response = await fetch(`${app.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${suffix}@example.com`,
      name: 'Bench Owner',
      password: `bench-password-${suffix}`,
      organization: { type: 'brand', name: `Bench Brand ${suffix}` },
    }),
  });
  if (response.status !== 201)
    throw new Error(`register: ${response.status} ${await response.text()}`);
  const body = await response.json();
  return { token: body.accessToken, brandId: body.organization.id };
}

async function measureImport(csv) {
  const { token } = await newBrandToken();
  const started = performance.now();
  const accepted = await fetch(`${app.url}/api/v1/parts/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  if (accepted.status !== 202)
    throw new Error(`import: ${accepted.status} ${await accepted.text()}`);
  const { jobId } = await accepted.json();
  for (;;) {
    const job = await (
      await fetch(`${app.url}/api/v1/jobs/${jobId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    if (job.status === 'failed')
      throw new Error(`import failed: ${JSON.stringify(job.errors.slice(0, 3))}`);
    if (job.status === 'succeeded') {
      const endToEndMs = performance.now() - started;
      const runMs = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
      if (job.summary.succeeded !== rowCount) throw new Error(`imported ${job.summary.succeeded}`);
      return {
        endToEndMs,
        runMs,
        queueWaitMs: Date.parse(job.startedAt) - Date.parse(job.createdAt),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function measureCopy(rows, brandId) {
  const table = `bench_parts_copy_${crypto.randomBytes(3).toString('hex')}`;
  await pool.query(`create table ${table} (like parts including all)`);
  const bytes = Buffer.from(copyCsv(rows, brandId));
  const client = await pool.connect();
  try {
    const started = performance.now();
    await copyFrom(client, `copy ${table} (${copyColumns}) from stdin with (format csv)`, bytes);
    const ms = performance.now() - started;
    const { rows: count } = await client.query(`select count(*)::int as n from ${table}`);
    if (count[0].n !== rowCount) throw new Error(`copied ${count[0].n}`);
    return ms;
  } finally {
    client.release();
    await pool.query(`drop table ${table}`);
  }
}

const rows = Array.from({ length: rowCount }, (_, index) => partRow(index + 1));
const csv = importCsv(rows);
console.log(`CSV: ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
const copyBrand = (await newBrandToken()).brandId;

// Warm-up: a small import and a small COPY so both paths run warm.
await measureImport(importCsv(rows.slice(0, 2000)).replace(/BP-/g, 'WU-')).catch(() => undefined);
await measureCopy(rows, copyBrand);

const results = { copyMs: [], runMs: [], endToEndMs: [], queueWaitMs: [], ratios: [] };
for (let round = 0; round < rounds; round += 1) {
  const copyMs = await measureCopy(rows, copyBrand);
  const imported = await measureImport(csv);
  results.copyMs.push(copyMs);
  results.runMs.push(imported.runMs);
  results.endToEndMs.push(imported.endToEndMs);
  results.queueWaitMs.push(imported.queueWaitMs);
  // Paired per round: both sides of a round ran back to back, under the same machine load.
  results.ratios.push(copyMs / imported.runMs);
  console.log(
    `round ${round + 1}: COPY ${copyMs.toFixed(0)} ms; import job ${imported.runMs.toFixed(0)} ms (end to end ${imported.endToEndMs.toFixed(0)} ms, of which queue wait ${imported.queueWaitMs} ms); ratio ${(copyMs / imported.runMs).toFixed(3)}; load average ${os.loadavg()[0].toFixed(1)}`,
  );
}

await app.stop();
if (scratchName) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${scratchName} with (force)`);
  await admin.end();
}
await fs.rm(dataDir, { recursive: true, force: true });

const perSecond = (ms) => Math.round(rowCount / (ms / 1000));
const copyRate = perSecond(median(results.copyMs));
const importRate = perSecond(median(results.runMs));
const endToEndRate = perSecond(median(results.endToEndMs));
const ratio = median(results.ratios);
const summary = {
  date: new Date().toISOString(),
  rows: rowCount,
  rounds,
  copyRowsPerSecond: copyRate,
  importRowsPerSecond: importRate,
  importEndToEndRowsPerSecond: endToEndRate,
  ratio: Number(ratio.toFixed(3)),
  roundRatios: results.ratios.map((value) => Number(value.toFixed(3))),
  endToEndRatio: Number((endToEndRate / copyRate).toFixed(3)),
  loadAverage: os.loadavg().map((value) => Number(value.toFixed(1))),
  goal,
};
console.log(JSON.stringify(summary, null, 2));
console.log(
  `parts CSV import: ${importRate} rows/s (job run; ${endToEndRate} rows/s upload to done) vs COPY ${copyRate} rows/s → ratio ${summary.ratio} (goal ≥ ${goal}) ${ratio >= goal ? 'MET' : 'NOT MET'}`,
);
