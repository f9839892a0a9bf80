#!/usr/bin/env node
// bench/http-baseline: requests/s of SpareFlow's GET /health/live against a bare Fastify
// hello-world measured in the same run (alternating rounds, same load generator), plus the
// cold-start time of `spareflow start` to a 200 from /health/ready on the embedded database.
// Load comes from wrk (Debian package `wrk`: C, one thread, so the load generator is not what is
// measured) when installed, otherwise from autocannon.
// Usage: npm run bench:http -- [--seconds 10] [--rounds 3] [--connections 32] [--tool wrk|autocannon]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median, parseArgs } from '../lib/args.mjs';
import { autocannonRun, hasWrk, wrkRun } from '../lib/load.mjs';
import { root, startProcess, stop, waitReady } from '../lib/processes.mjs';

const args = parseArgs();
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 32);
const tool = args.tool ?? (hasWrk() ? 'wrk' : 'autocannon');

// Whatever happens (a failed round throws), no server outlives the benchmark (bench/lib/processes.mjs).

async function coldStart(dataDir) {
  const env = { SPAREFLOW_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const run = await startProcess(
    process.execPath,
    [path.join(root, 'bin/spareflow.mjs'), 'start'],
    env,
    /ready at (\S+)/,
  );
  const ms = await waitReady(run.url, run.startedAt);
  return { ms, run };
}

async function loadWithAutocannon(url) {
  const result = await autocannonRun({
    url: `${url}/health/live`,
    connections,
    duration: seconds,
    pipelining: 1,
  });
  return {
    rps: result.requests.average,
    p99: `${result.latency.p99} ms`,
    failures: result.non2xx + result.errors,
  };
}

const loadWithWrk = (url) => wrkRun(`${url}/health/live`, { connections, seconds });

const load = (url) => (tool === 'wrk' ? loadWithWrk(url) : loadWithAutocannon(url));

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-bench-'));
await fs.chmod(dataDir, 0o755);
console.log(
  `node ${process.version}, ${os.cpus().length} cores, ${tool}, ${seconds}s x ${rounds} rounds, ${connections} connections`,
);

const first = await coldStart(dataDir);
console.log(
  `cold start, first run (initdb + migrations + demo seed): ${first.ms.toFixed(0)} ms to /health/ready 200`,
);
await stop(first.run.child);
const second = await coldStart(dataDir);
console.log(`cold start, existing data folder: ${second.ms.toFixed(0)} ms to /health/ready 200`);
const spareflow = second.run;

const hello = await startProcess(
  process.execPath,
  [path.join(root, 'bench/http-baseline/hello-world.mjs')],
  {},
  /listening (\S+)/,
);
// Warm-up, twice each, so both run JIT-optimised code when measured.
await load(spareflow.url);
await load(spareflow.url);
await load(hello.url);
await load(hello.url);

const results = { spareflow: [], hello: [] };
for (let round = 0; round < rounds; round += 1) {
  for (const [name, target] of [
    ['spareflow', spareflow],
    ['hello', hello],
  ]) {
    const result = await load(target.url);
    if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
    results[name].push(result.rps);
    console.log(
      `round ${round + 1} ${name.padEnd(9)} ${result.rps.toFixed(0)} req/s  p99 ${result.p99}`,
    );
  }
}
const spareflowRps = median(results.spareflow);
const helloRps = median(results.hello);
const ratio = spareflowRps / helloRps;
await stop(spareflow.child);
await stop(hello.child);
await fs.rm(dataDir, { recursive: true, force: true });

const summary = {
  date: new Date().toISOString(),
  tool,
  spareflowRequestsPerSecond: Math.round(spareflowRps),
  bareFastifyRequestsPerSecond: Math.round(helloRps),
  ratio: Number(ratio.toFixed(3)),
  goal: 0.8,
  coldStartFirstRunMs: Math.round(first.ms),
  coldStartMs: Math.round(second.ms),
};
console.log(JSON.stringify(summary, null, 2));
console.log(
  `GET /health/live: ${summary.spareflowRequestsPerSecond} req/s vs bare Fastify ${summary.bareFastifyRequestsPerSecond} req/s → ratio ${summary.ratio} (goal ≥ 0.8) ${ratio >= 0.8 ? 'MET' : 'NOT MET'}`,
);
