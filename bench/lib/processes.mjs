// Child processes of a bench script: started with a clean environment, watched for a "ready" line,
// and killed when the script exits however it exits (a failed round throws), so no server
// outlives its benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/ is two levels below it). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

/**
 * Spawns `command` in the repository root with only PATH and HOME from this environment plus
 * `env`, and resolves once `readyPattern` matches its combined output: `{ child, url, output,
 * startedAt }` with `url` the pattern's first group. Rejects if the process exits first.
 */
export function startProcess(command, commandArgs, env, readyPattern) {
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

/** Polls `/health/ready` until it answers 200; resolves with the ms since `startedAt`. */
export async function waitReady(url, startedAt = performance.now(), intervalMs = 10) {
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** SIGTERM and wait for the exit; resolves with the exit code. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/**
 * The built server (`node dist/cli/main.js start`, so run after `npm run build`) on a random
 * port of 127.0.0.1 with `env` (e.g. DATABASE_URL) and rate limits raised out of the way, ready:
 * `/health/ready` has answered 200. Integrations run in sandbox mode (their keys are unset).
 */
export async function startSpareflow(env) {
  const server = await startProcess(
    process.execPath,
    [path.join(root, 'dist/cli/main.js'), 'start'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '10000000',
      ...env,
    },
    /ready at (\S+)/,
  );
  await waitReady(server.url, server.startedAt, 20);
  return server;
}
