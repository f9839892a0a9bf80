import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SpareflowProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Resolves with the URL once the start-up banner appears. */
  ready(timeoutMs?: number): Promise<string>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the real `spareflow` CLI from source (through tsx, so tests never see a stale build) in a
 * child process with exactly the environment given, plus PATH and HOME.
 */
export function spawnSpareflow(args: string[], env: Record<string, string>): SpareflowProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited: () => exited,
    ready: (timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        const poll = setInterval(() => {
          const match = /SpareFlow is ready at (\S+)/.exec(output);
          if (match?.[1]) {
            clearInterval(poll);
            clearTimeout(deadline);
            resolve(match[1]);
          }
        }, 50);
        void exited.then(() => {
          clearInterval(poll);
          clearTimeout(deadline);
          reject(new Error(`exited before ready:\n${output}`));
        });
      }),
  };
}
