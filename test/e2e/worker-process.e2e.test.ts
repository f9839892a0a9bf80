import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killAll,
  makeTempRoot,
  removeTempRoot,
  spawnSpareflow,
  type SpareflowProcess,
} from '../support/spareflow-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// `spareflow worker` beside `spareflow start --no-worker`: the scale-out shape, on one database.
let root: string;
let database: TestDatabase;
const running: SpareflowProcess[] = [];

beforeAll(async () => {
  root = await makeTempRoot('worker');
  database = await createTestDatabase();
});

afterAll(async () => {
  await killAll(running);
  await database.drop();
  await removeTempRoot(root);
});

describe('spareflow worker', () => {
  it('runs next to an API process started with --no-worker and stops gracefully on SIGTERM', async () => {
    const env = {
      DATABASE_URL: database.url,
      SPAREFLOW_DATA_DIR: path.join(root, 'data'),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    const api = spawnSpareflow(['start', '--no-worker'], env);
    running.push(api);
    const url = await api.ready();
    const worker = spawnSpareflow(['worker'], env);
    running.push(worker);
    await worker.waitForOutput(/"msg":"worker running"/);

    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    worker.child.kill('SIGTERM');
    expect(await worker.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain('"msg":"stopped"');
    // The API keeps serving without the worker.
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});
