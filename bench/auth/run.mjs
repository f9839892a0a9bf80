#!/usr/bin/env node
// bench/auth: logins/s and p99 latency of POST /api/v1/auth/login on a running built SpareFlow
// (fresh embedded data folder, one registered user, rate limits raised), against raw bcrypt cost-12
// `compare` calls/s with the same concurrency and the same UV_THREADPOOL_SIZE, measured in the
// same run in alternating rounds. A login is one bcrypt compare plus everything else a login does
// (HTTP, validation, database reads and writes, tokens); the ratio says what that costs.
// Usage: npm run bench:auth -- [--seconds 10] [--rounds 3] [--connections 8] [--threadpool 4]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { median, parseArgs } from '../lib/args.mjs';
import { root, waitReady } from '../lib/processes.mjs';

const args = parseArgs();
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 3);
const connections = Number(args.connections ?? 8);
// libuv's default is 4; bcrypt 6 hashes on that pool, so both sides get the same size.
const threadpool = String(args.threadpool ?? 4);
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, UV_THREADPOOL_SIZE: threadpool };

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

function run(commandArgs, env, readyPattern) {
  const child = spawn(process.execPath, commandArgs, {
    cwd: root,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = readyPattern?.exec(output);
      if (match) resolve({ child, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      children.delete(child);
      if (code === 0 && !readyPattern) resolve({ output });
      else reject(new Error(`exited ${code}:\n${output}`));
    });
  });
}

async function anchorRound() {
  const { output } = await run([
    'bench/auth/bcrypt-anchor.mjs',
    String(seconds),
    String(connections),
  ]);
  const result = JSON.parse(output.trim().split('\n').at(-1));
  return { perSecond: result.opsPerSecond, p99: result.p99Ms, failures: 0 };
}

function loginRound(url, body) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/v1/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration: seconds,
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              perSecond: result['2xx'] / seconds,
              p99: result.latency.p99,
              failures: result.non2xx + result.errors + result.timeouts,
            }),
    );
  });
}

/**
 * When the load generator stops, the server still works through the logins in flight (bcrypt does
 * not stop for a closed socket). One more login queues behind them on the threadpool: once it is
 * answered the server is idle, and the next anchor round does not share the CPU with it.
 */
async function drained(result) {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  return result;
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-bench-auth-'));
await fs.chmod(dataDir, 0o755);
console.log(
  `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), autocannon, ` +
    `${seconds}s x ${rounds} rounds, ${connections} concurrent clients, UV_THREADPOOL_SIZE=${threadpool}`,
);
const server = await run(
  ['bin/spareflow.mjs', 'start'],
  {
    SPAREFLOW_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '10000000',
  },
  /ready at (\S+)/,
);
await waitReady(server.url, performance.now(), 20);

const suffix = crypto.randomBytes(4).toString('hex');
const credentials = { email: `bench.${suffix}@example.in`, password: 'Correct-horse-battery-9' };
const registered = await fetch(`${server.url}/api/v1/auth/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    ...credentials,
    name: `Bench ${suffix}`,
    phone: '+919876543210',
    organization: { type: 'brand', name: `Bench ${suffix}` },
  }),
});
if (registered.status !== 201)
  throw new Error(`register: ${registered.status} ${await registered.text()}`);
const body = JSON.stringify(credentials);

// Warm-up of both sides, then alternating rounds.
await loginRound(server.url, body).then(drained);
const results = { login: [], bcrypt: [] };
for (let round = 1; round <= rounds; round += 1) {
  for (const [name, measure] of [
    ['bcrypt', anchorRound],
    ['login', () => loginRound(server.url, body).then(drained)],
  ]) {
    const result = await measure();
    if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
    results[name].push(result);
    console.log(
      `round ${round} ${name.padEnd(6)} ${result.perSecond.toFixed(2)}/s  p99 ${result.p99.toFixed(0)} ms`,
    );
  }
  // The two halves of a round ran back to back: their ratio is the least noisy figure.
  const pair = results.login.at(-1).perSecond / results.bcrypt.at(-1).perSecond;
  console.log(`round ${round} ratio  ${pair.toFixed(3)}`);
}
server.child.kill('SIGTERM');
await new Promise((resolve) => server.child.once('exit', resolve));
await fs.rm(dataDir, { recursive: true, force: true });

const loginRate = median(results.login.map((r) => r.perSecond));
const bcryptRate = median(results.bcrypt.map((r) => r.perSecond));
const summary = {
  date: new Date().toISOString(),
  connections,
  uvThreadpoolSize: Number(threadpool),
  loginsPerSecond: Number(loginRate.toFixed(2)),
  loginP99Ms: Math.round(median(results.login.map((r) => r.p99))),
  bcryptComparesPerSecond: Number(bcryptRate.toFixed(2)),
  bcryptP99Ms: Math.round(median(results.bcrypt.map((r) => r.p99))),
  ratio: Number((loginRate / bcryptRate).toFixed(3)),
  roundRatios: results.login.map((r, i) =>
    Number((r.perSecond / results.bcrypt[i].perSecond).toFixed(3)),
  ),
};
console.log(JSON.stringify(summary, null, 2));
console.log(
  `POST /api/v1/auth/login: ${summary.loginsPerSecond} logins/s (p99 ${summary.loginP99Ms} ms) vs raw bcrypt cost-12 compare ${summary.bcryptComparesPerSecond}/s (p99 ${summary.bcryptP99Ms} ms) → ratio ${summary.ratio}`,
);
