import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Facts the lock holder publishes so other SpareFlow processes can attach instead of fighting. */
export interface DataDirOwner {
  pid: number;
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

export async function readDataDirOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(ownerFile(dataDir), 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}

export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  await fs.mkdir(dataDir, { recursive: true });
  return lockfile.check(dataDir, {
    lockfilePath: path.join(dataDir, 'spareflow.lock'),
    stale: 15_000,
  });
}

/**
 * Takes the exclusive lock on a data folder. A second process gets `DataDirInUseError` instead of
 * starting a second PostgreSQL on the same files. The lock is a directory refreshed every few
 * seconds (proper-lockfile), so a crashed owner's lock goes stale and is taken over.
 */
export async function lockDataDir(dataDir: string) {
  await fs.mkdir(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'spareflow.lock'),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (error) => {
        // Losing the lock means another process may now start PostgreSQL on our files: stop hard.
        process.emitWarning(`SpareFlow data folder lock compromised: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirInUseError(dataDir, await readDataDirOwner(dataDir));
    }
    throw error;
  }
  const owner: DataDirOwner = { pid: process.pid };
  await fs.writeFile(ownerFile(dataDir), JSON.stringify(owner));
  return {
    async publish(update: Partial<DataDirOwner>) {
      Object.assign(owner, update);
      await fs.writeFile(ownerFile(dataDir), JSON.stringify(owner));
    },
    async release() {
      await fs.rm(ownerFile(dataDir), { force: true });
      await release();
    },
  };
}

export type DataDirLock = Awaited<ReturnType<typeof lockDataDir>>;
