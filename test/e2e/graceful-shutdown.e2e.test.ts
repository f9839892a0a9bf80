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

describe('SIGTERM while a request is in flight (embedded PostgreSQL)', () => {
  it('finishes the request, stops PostgreSQL and exits 0', async () => {
    const root = await makeTempRoot('shutdown');
    folders.push(root);
    const dataDir = path.join(root, 'data');
    const server = spawnSpareflow(
      [],
      // No DATABASE_URL: the fixture runs on its own embedded PostgreSQL, as `spareflow start` does.
      // LOG_LEVEL=info so the "shutting down" line tells us the signal has been taken.
      { SPAREFLOW_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
      { entry: 'test/support/fixtures/slow-route-server.ts' },
    );
    running.push(server);
    const url = await server.ready();
    expect(await processesUsing(dataDir)).not.toEqual([]);

    const slow = fetch(`${url}/test/slow`);
    await server.waitForOutput(/slow request started/);
    server.child.kill('SIGTERM');
    await server.waitForOutput(/shutting down gracefully/);

    // Once shutdown has begun, a new connection is refused or answered 503, never served.
    const late = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    // …and tells the keep-alive client to let go, so the stop need not wait for its idle timeout.
    expect(response.headers.get('connection')).toBe('close');

    // A deadline, not a timing assertion: the budget is SHUTDOWN_TIMEOUT_MS (9 s) within 10 s.
    expect(await server.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toContain('killed by timeout');
    expect(await processesUsing(dataDir)).toEqual([]);
    // PostgreSQL removes postmaster.pid only after a clean shutdown.
    await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'spareflow.lock'))).rejects.toThrow();
  });
});
