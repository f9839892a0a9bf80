#!/usr/bin/env node
// bench/http-baseline: requests/s of SpareFlow's GET /health/live against a bare Fastify
// hello-world measured in the same run (alternating rounds, same load generator), plus the
// cold-start time of `spareflow start` to a 200 from /health/ready on the embedded database.
// Load comes from wrk (Debian package `wrk`: C, one thread, so the load generator is not what is
// measured) when installed, otherwise from autocannon.
// Usage: npm run bench:http -- [--seconds 10] [--rounds 3] [--connections 32] [--tool wrk|autocannon]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, value, index, all) =>
        value.startsWith('--') ? [...pairs, [value.slice(2), all[index + 1]]] : pairs,
      [],
    ),
);
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 32);
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const tool = args.tool ?? (hasWrk ? 'wrk' : 'autocannon');

// Whatever happens (a failed round throws), no server outlives the benchmark.
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

function startProcess(command, commandArgs, env, readyPattern) {
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, startedAt: started });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
}

async function waitReady(url, startedAt) {
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

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

function loadWithAutocannon(url) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${url}/health/live`, connections, duration: seconds, pipelining: 1 },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              rps: result.requests.average,
              p99: `${result.latency.p99} ms`,
              failures: result.non2xx + result.errors,
            }),
    );
  });
}

function loadWithWrk(url) {
  const result = spawnSync(
    'wrk',
    ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', `${url}/health/live`],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1]);
  const p99 = /99%\s+(\S+)/.exec(result.stdout)?.[1] ?? '?';
  const failures =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(result.stdout)?.[1] ?? 0) +
    Number(/Socket errors: connect (\d+)/.exec(result.stdout)?.[1] ?? 0);
  return { rps, p99, failures };
}

const load = (url) => (tool === 'wrk' ? loadWithWrk(url) : loadWithAutocannon(url));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
