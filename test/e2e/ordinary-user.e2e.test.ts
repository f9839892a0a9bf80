import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  killAll,
  makeTempRoot,
  processesUsing,
  removeTempRoot,
  spawnSpareflow,
  type SpareflowProcess,
} from '../support/spareflow-process.js';

const running: SpareflowProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  await killAll(running);
  await Promise.all(folders.splice(0).map(removeTempRoot));
});

interface Account {
  uid: number;
  gid: number;
}

/**
 * Who to run as. Not root: ourselves, already an ordinary user. Root (as in CI and this machine's
 * container): the `nobody` account every Debian/Ubuntu system has.
 */
async function ordinaryAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const fields = passwd
    .split('\n')
    .find((line) => line.startsWith('nobody:'))
    ?.split(':');
  if (!fields) throw new Error('running as root, but there is no `nobody` account to run as');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** Effective uid of a running process. */
async function uidOf(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^Uid:\s+\d+\s+(\d+)/m.exec(status)?.[1]);
}

describe('spareflow start as an ordinary user (embedded PostgreSQL)', () => {
  it('runs PostgreSQL as that user in a folder it owns, is ready, and exits 0 on SIGTERM', async () => {
    const account = await ordinaryAccount();
    const uid = account?.uid ?? process.getuid?.() ?? -1;
    const root = await makeTempRoot('user');
    folders.push(root);
    const home = path.join(root, 'home');
    const tmp = path.join(root, 'tmp');
    const dataDir = path.join(root, 'data');
    for (const folder of [home, tmp, dataDir]) {
      await fs.mkdir(folder, { mode: 0o755 });
      if (account) await fs.chown(folder, account.uid, account.gid);
    }
    const server = spawnSpareflow(
      ['start'],
      {
        SPAREFLOW_DATA_DIR: dataDir,
        // The user's own HOME, and a TMPDIR it can write (tsx keeps its compile cache there).
        HOME: home,
        TMPDIR: tmp,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      account ?? {},
    );
    running.push(server);
    const url = await server.ready();

    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(await uidOf(server.child.pid ?? -1)).toBe(uid);
    // Not root, so no switch to a `postgres` account: the server runs as the user, on its files.
    const postgres = await processesUsing(dataDir);
    expect(postgres).not.toEqual([]);
    for (const pid of postgres) expect(await uidOf(pid)).toBe(uid);
    expect((await fs.stat(path.join(dataDir, 'pg', 'PG_VERSION'))).uid).toBe(uid);
    expect((await fs.stat(path.join(dataDir, 'jwt-secret'))).uid).toBe(uid);

    server.child.kill('SIGTERM');
    expect(await server.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
