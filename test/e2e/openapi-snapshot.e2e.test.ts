import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

/**
 * The web app's typed API client is generated from a committed copy of the OpenAPI document, so a
 * route change that is not carried into the client fails here instead of in a browser.
 * `UPDATE_OPENAPI_SNAPSHOT=1` (what `npm run gen:api` sets) rewrites the copy instead.
 *
 * The app runs in sandbox mode without APP_URL, so the document is the same on every machine: no
 * `servers`, no ports, and the sandbox-only mailbox route included (the SPA links to it).
 */
const snapshotFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/src/api/openapi.json',
);
const updating = process.env.UPDATE_OPENAPI_SNAPSHOT === '1';

const testApp = useTestApp();

async function servedDocument(): Promise<unknown> {
  const response = await fetch(`${testApp().url}/openapi.json`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('OpenAPI snapshot for the web client', () => {
  it('is deterministic: no servers, and the same document on a second request', async () => {
    const first = (await servedDocument()) as { servers?: unknown[] };
    expect(first.servers ?? []).toEqual([]);
    expect(JSON.stringify(first)).not.toContain(new URL(testApp().url).host);
    expect(await servedDocument()).toEqual(first);
  });

  it('matches web/src/api/openapi.json', async () => {
    const served = await servedDocument();
    if (updating) {
      await fs.writeFile(snapshotFile, `${JSON.stringify(served, null, 2)}\n`);
      return;
    }
    const committed: unknown = JSON.parse(await fs.readFile(snapshotFile, 'utf8'));
    expect(served, 'web/src/api/openapi.json is stale: run npm run gen:api').toEqual(committed);
  });
});
