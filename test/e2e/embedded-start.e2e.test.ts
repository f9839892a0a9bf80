import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killAll,
  makeTempRoot,
  processesUsing,
  removeTempRoot,
  spawnSpareflow,
  type SpareflowProcess,
} from '../support/spareflow-process.js';

const demoLogins = [
  'admin@demo.spareflow.in',
  'brand@demo.spareflow.in',
  'distributor@demo.spareflow.in',
  'service@demo.spareflow.in',
  'customer@demo.spareflow.in',
];

// One data folder, used in order: a first start, a refused second start, then a crash and a
// restart that must recover. The steps build on each other, so they run in sequence.
describe.sequential('spareflow start without DATABASE_URL (embedded PostgreSQL)', () => {
  const running: SpareflowProcess[] = [];
  let root: string;
  let dataDir: string;
  let first: SpareflowProcess;
  let firstUrl: string;
  const start = () => {
    const proc = spawnSpareflow(['start'], {
      SPAREFLOW_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    running.push(proc);
    return proc;
  };
  const readiness = async (url: string) => (await fetch(`${url}/health/ready`)).status;
  const postmasterPid = async () =>
    Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    root = await makeTempRoot('embedded');
    dataDir = path.join(root, 'data');
    first = start();
    firstUrl = await first.ready();
  });

  afterAll(async () => {
    await killAll(running);
    await removeTempRoot(root);
  });

  it('starts on a fresh data folder: ready, a PostgreSQL cluster, private secrets, the demo world', async () => {
    expect(await readiness(firstUrl)).toBe(200);
    await expect(fs.access(path.join(dataDir, 'pg', 'PG_VERSION'))).resolves.toBeUndefined();
    const jwtSecret = await fs.stat(path.join(dataDir, 'jwt-secret'));
    expect(jwtSecret.mode & 0o777).toBe(0o600);
    const banner = first.stdout();
    expect(banner).toContain(`embedded PostgreSQL in ${path.join(dataDir, 'pg')}`);
    expect(banner).toMatch(/Seeded the demo world in \d+ ms: \d+ parts, 10 locations/);
    for (const login of demoLogins) expect(banner).toContain(login);
    // Not a terminal: where the password is kept, never the password itself.
    const passwordFile = path.join(dataDir, 'demo-password');
    expect(banner).toContain(`in ${passwordFile} (shown only in a terminal)`);
    expect(banner).not.toContain((await fs.readFile(passwordFile, 'utf8')).trim());
  });

  it('refuses a second start on the same folder, plainly, while the first keeps serving', async () => {
    const second = start();
    const { code } = await second.exited(60_000);
    expect(code).not.toBe(0);
    expect(second.stderr()).toContain('already in use');
    expect(second.stderr()).toContain(dataDir);
    expect(second.stderr()).toContain(`process ${first.child.pid}`);
    expect(second.stderr()).not.toMatch(/^\s+at /m); // a sentence, not a stack trace
    expect(await readiness(firstUrl)).toBe(200);
  });

  it('after SIGKILL, a new start takes the lock over at once and stops the orphaned PostgreSQL', async () => {
    const orphan = await postmasterPid();
    first.child.kill('SIGKILL');
    expect(await first.exited(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    // The premise: the killed process could not stop its PostgreSQL, which still runs.
    expect(await processesUsing(dataDir)).toContain(orphan);

    const third = start();
    const url = await third.ready();
    expect(await readiness(url)).toBe(200);
    expect(third.output()).toContain('stopping an orphaned embedded PostgreSQL');
    // Output that is not a terminal gets JSON log lines, for whatever collects them.
    const warning = third
      .output()
      .split('\n')
      .find((line) => line.includes('stopping an orphaned embedded PostgreSQL'));
    expect(JSON.parse(warning ?? '')).toMatchObject({ level: 'warn' });
    expect(await processesUsing(dataDir)).not.toContain(orphan);
    expect(await postmasterPid()).not.toBe(orphan);
    // The demo world exists already: it is not seeded twice, and its logins are printed again.
    expect(third.stdout()).not.toContain('Seeded the demo world');
    for (const login of demoLogins) expect(third.stdout()).toContain(login);
    expect(third.stdout()).toContain(path.join(dataDir, 'demo-password'));

    third.child.kill('SIGTERM');
    expect(await third.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});

// The immediate takeover above must never steal a lock whose owner may still be running.
describe('a data folder lock whose owner may still be alive', () => {
  const roots: string[] = [];
  const racers: SpareflowProcess[] = [];
  afterAll(async () => {
    await killAll(racers);
    await Promise.all(roots.map(removeTempRoot));
  });

  it('two starts racing on a fresh folder: exactly one serves, the other refuses', async () => {
    const root = await makeTempRoot('race');
    roots.push(root);
    const env = { SPAREFLOW_DATA_DIR: path.join(root, 'data'), PORT: '0', LOG_LEVEL: 'warn' };
    racers.push(spawnSpareflow(['start'], env), spawnSpareflow(['start'], env));
    const outcomes = await Promise.all(
      racers.map((racer) =>
        racer.ready().then(
          () => 'ready',
          () => racer.stderr(),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'ready')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== 'ready')).toContain('already in use');
  });

  it.each([
    { case: 'on another host', owner: async () => ({ pid: 999_999, hostname: 'elsewhere' }) },
    {
      case: 'a live process here',
      owner: async () => ({
        pid: process.pid,
        hostname: os.hostname(),
        pidNamespace: await fs.readlink('/proc/self/ns/pid'),
      }),
    },
  ])('is respected ($case): start refuses and leaves it alone', async ({ owner }) => {
    const root = await makeTempRoot('held');
    roots.push(root);
    const dataDir = path.join(root, 'data');
    const record = await owner();
    await fs.mkdir(path.join(dataDir, 'spareflow.lock'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'owner.json'), JSON.stringify(record));

    const proc = spawnSpareflow(['start'], { SPAREFLOW_DATA_DIR: dataDir, PORT: '0' });
    expect((await proc.exited(60_000)).code).toBe(1);
    expect(proc.stderr()).toContain(`already in use by process ${record.pid}`);
    await expect(fs.access(path.join(dataDir, 'spareflow.lock'))).resolves.toBeUndefined();
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'owner.json'), 'utf8'))).toEqual(record);
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
