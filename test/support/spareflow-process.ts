import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpareflowProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved). */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the URL once the start-up banner appears. */
  ready(timeoutMs?: number): Promise<string>;
  /** Resolves once the output matches; rejects at the deadline or if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves on exit; with a deadline, rejects if the process still runs when it passes. */
  exited(timeoutMs?: number): Promise<ExitStatus>;
}

export interface SpawnOptions {
  /** Written to standard input, which is then closed (default: no standard input). */
  input?: string;
  /** Script to run instead of the CLI, relative to the repository root (e.g. a test fixture). */
  entry?: string;
  /** Run as another account (the caller must be root). */
  uid?: number;
  gid?: number;
}

/**
 * Runs the real `spareflow` CLI from source (through tsx, so tests never see a stale build) in a
 * child process with exactly the environment given, plus PATH and HOME.
 */
export function spawnSpareflow(
  args: string[],
  env: Record<string, string>,
  options: SpawnOptions = {},
): SpareflowProcess {
  const entry = path.join(root, options.entry ?? 'src/cli/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearInterval(poll);
        clearTimeout(deadline);
        settle();
      };
      const deadline = setTimeout(
        () => finish(() => reject(new Error(`no ${pattern} after ${timeoutMs} ms:\n${output}`))),
        timeoutMs,
      );
      const poll = setInterval(() => {
        const match = pattern.exec(output);
        if (match) finish(() => resolve(match));
      }, 50);
      void exited.then(() => {
        const match = pattern.exec(output);
        finish(() =>
          match ? resolve(match) : reject(new Error(`exited before ${pattern}:\n${output}`)),
        );
      });
    });
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput,
    ready: async (timeoutMs = 60_000) =>
      (await waitForOutput(/SpareFlow is ready at (\S+)/, timeoutMs))[1] ?? '',
    exited: (timeoutMs?: number) => {
      if (timeoutMs === undefined) return exited;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`still running after ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
      });
      return Promise.race([exited, deadline]).finally(() => clearTimeout(timer));
    },
  };
}

/** Runs a one-shot command to completion (with a generous deadline). */
export async function runSpareflow(
  args: string[],
  env: Record<string, string>,
  options: SpawnOptions = {},
) {
  const proc = spawnSpareflow(args, env, options);
  const { code } = await proc.exited(60_000);
  return { code, output: proc.output(), stdout: proc.stdout(), stderr: proc.stderr() };
}

/** SIGKILLs whatever still runs and waits for it to be reaped. For `afterEach`/`afterAll`. */
export async function killAll(processes: SpareflowProcess[]): Promise<void> {
  await Promise.all(
    processes.splice(0).map(async (proc) => {
      if (proc.child.exitCode === null && proc.child.signalCode === null)
        proc.child.kill('SIGKILL');
      await proc.exited();
    }),
  );
}

/**
 * A fresh folder for one test's data (mode 0755: as root, the embedded PostgreSQL runs as the
 * `postgres` user, which must be able to reach the data folder inside it).
 */
export async function makeTempRoot(prefix: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), `spareflow-${prefix}-`));
  await fs.chmod(folder, 0o755);
  return folder;
}

/** Pids of running processes whose command line mentions the folder (PostgreSQL's `-D …`). */
export async function processesUsing(folder: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const mentions = (arg: string) => arg === folder || arg.startsWith(`${folder}/`);
    if (cmdline.split('\0').some(mentions)) pids.push(Number(entry));
  }
  return pids;
}

/** Removes a test's folder after stopping any PostgreSQL a killed process left running in it. */
export async function removeTempRoot(folder: string): Promise<void> {
  const signal = (pids: number[], name: NodeJS.Signals) =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    });
  // SIGQUIT: PostgreSQL's immediate shutdown, which still releases its shared memory.
  signal(await processesUsing(folder), 'SIGQUIT');
  const deadline = Date.now() + 5_000;
  while ((await processesUsing(folder)).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  signal(await processesUsing(folder), 'SIGKILL');
  await fs.rm(folder, { recursive: true, force: true });
}
