import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Facts the lock holder publishes so other SpareFlow processes can attach instead of fighting. */
export interface DataDirOwner {
  pid: number;
  /** Where `pid` means something: a pid is only checked on the same host and pid namespace. */
  hostname?: string;
  pidNamespace?: string;
  /** Port of the embedded PostgreSQL server the owner runs, once it runs. */
  postgresPort?: number;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: DataDirOwner | undefined) {
    const by = owner ? ` by process ${owner.pid}` : '';
    super(
      `The SpareFlow data folder ${dataDir} is already in use${by}. ` +
        'Stop that process first, or point SPAREFLOW_DATA_DIR (or DATABASE_URL) elsewhere.',
    );
    this.name = 'DataDirInUseError';
  }
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'owner.json');
const lockOptions = (dataDir: string) => ({
  lockfilePath: path.join(dataDir, 'spareflow.lock'),
  stale: 15_000,
});
/** Data folders this process holds: a recorded pid equal to ours is stale unless listed here. */
const held = new Set<string>();

export async function readDataDirOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(ownerFile(dataDir), 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}

export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  await fs.mkdir(dataDir, { recursive: true });
  if (!(await lockfile.check(dataDir, lockOptions(dataDir)))) return false;
  return !(await ownerIsGone(dataDir, await readDataDirOwner(dataDir)));
}

/**
 * Takes the exclusive lock on a data folder. A second process gets `DataDirInUseError` instead of
 * starting a second PostgreSQL on the same files. The lock is a directory refreshed every few
 * seconds (proper-lockfile), so a crashed owner's lock goes stale after 15 s; when the recorded
 * owner is provably dead (same host and pid namespace, no such process) it is taken over at once.
 */
export async function lockDataDir(dataDir: string) {
  const resolved = path.resolve(dataDir);
  await fs.mkdir(resolved, { recursive: true });
  // Every acquisition writes owner.json under this short mutex, so the owner.json read here always
  // describes the holder of the lock directory, never a predecessor's leftovers.
  const releaseMutex = await acquireTakeoverMutex(resolved);
  let release: () => Promise<void>;
  const owner: DataDirOwner = { pid: process.pid, ...(await processIdentity()) };
  try {
    let acquired = await tryLock(resolved);
    if (!acquired) {
      const previous = await readDataDirOwner(resolved);
      if (!(await ownerIsGone(resolved, previous))) throw new DataDirInUseError(resolved, previous);
      await fs.rm(ownerFile(resolved), { force: true });
      await fs.rm(lockOptions(resolved).lockfilePath, { recursive: true, force: true });
      acquired = await tryLock(resolved);
      if (!acquired) throw new DataDirInUseError(resolved, await readDataDirOwner(resolved));
    }
    release = acquired;
    await fs.writeFile(ownerFile(resolved), JSON.stringify(owner)).catch(async (error) => {
      await release();
      throw error;
    });
    held.add(resolved);
  } finally {
    await releaseMutex().catch(() => undefined);
  }
  return {
    async publish(update: Partial<DataDirOwner>) {
      Object.assign(owner, update);
      await fs.writeFile(ownerFile(resolved), JSON.stringify(owner));
    },
    async release() {
      if (!held.delete(resolved)) return;
      await fs.rm(ownerFile(resolved), { force: true });
      await release();
    },
  };
}

export type DataDirLock = Awaited<ReturnType<typeof lockDataDir>>;

async function tryLock(dataDir: string): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lockfile.lock(dataDir, {
      ...lockOptions(dataDir),
      update: 5_000,
      retries: 0,
      onCompromised: (error) => {
        // Losing the lock means another process may now start PostgreSQL on our files: say so.
        process.emitWarning(`SpareFlow data folder lock compromised: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') return undefined;
    throw error;
  }
}

/** Held for milliseconds while a process takes the lock; a crashed holder's goes stale in 5 s. */
async function acquireTakeoverMutex(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(path.join(dataDir, 'spareflow-takeover'), {
      realpath: false,
      stale: 5_000,
      retries: { retries: 40, factor: 1.3, minTimeout: 20, maxTimeout: 250 },
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new DataDirInUseError(dataDir, await readDataDirOwner(dataDir));
  }
}

async function processIdentity(): Promise<Pick<DataDirOwner, 'hostname' | 'pidNamespace'>> {
  // Linux only; elsewhere there are no pid namespaces to tell apart.
  const pidNamespace = await fs.readlink('/proc/self/ns/pid').catch(() => undefined);
  return { hostname: os.hostname(), ...(pidNamespace ? { pidNamespace } : {}) };
}

/**
 * True only when the recorded owner certainly no longer runs. Anything uncertain (another host or
 * container, no record, a pid now used by another process) is "alive": the 15 s staleness decides.
 */
async function ownerIsGone(dataDir: string, owner: DataDirOwner | undefined): Promise<boolean> {
  if (!owner || !Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  const here = await processIdentity();
  if (owner.hostname !== here.hostname || owner.pidNamespace !== here.pidNamespace) return false;
  if (owner.pid === process.pid) return !held.has(path.resolve(dataDir));
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
