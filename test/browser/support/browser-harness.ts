import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { expectAccessible, trackVisitedPages, uncheckedPages } from './accessibility.js';
import { spawnSpareflow, type SpareflowProcess } from '../../support/spareflow-process.js';
import {
  assertWebAppBuilt,
  desktop,
  freePort,
  guardPage,
  launchChromium,
  screenshotDir,
  stopServer,
  type ConsoleProblem,
} from './browser.js';

export * from './accessibility.js';
export * from './browser.js';

export interface BrowserHarness {
  /** The app's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  database: TestDatabase;
  server: SpareflowProcess;
  browser: Browser;
  dataDir: string;
  /** Console errors, page errors and 5xx seen so far (cleared by expectNoConsoleErrors). */
  problems: ConsoleProblem[];
  /** A new, isolated context (own cookies) with a guarded page. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** Fails listing every problem seen since the last call; then starts afresh. */
  expectNoConsoleErrors(): void;
  /** Runs axe-core on the page as drawn; fails on serious or critical violations. */
  expectAccessible(page: Page, label?: string): Promise<void>;
  /**
   * Fails naming every page (path) a page opened since the last call showed without an axe
   * check (see `passesThrough` for redirects a journey tests); then starts afresh.
   */
  expectEveryPageChecked(): void;
  /** A full-page screenshot in test-results/browser/<name>.png; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** JSON call to the API (bearer token optional). */
  api(method: string, apiPath: string, body?: unknown, token?: string): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  // Test-side view of whatever the server sent; each test asserts the fields it relies on.
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Extra variables for the server (e.g. JWT lifetimes); sandbox integrations by default. */
export async function startBrowserHarness(
  env: Record<string, string> = {},
): Promise<BrowserHarness> {
  assertWebAppBuilt();
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-browser-'));
  let server: SpareflowProcess | undefined;
  let browser: Browser | undefined;
  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = spawnSpareflow(['start'], {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: origin,
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      SPAREFLOW_DATA_DIR: dataDir,
      WORKER_POLL_INTERVAL_SECONDS: '1',
      // Every journey signs in and out from 127.0.0.1 many times.
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      ...env,
    });
    const url = (await server.ready(90_000)).replace(/\/+$/, '');
    browser = await launchChromium();
    const problems: ConsoleProblem[] = [];
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    const running = server;
    const launched = browser;
    const harness: BrowserHarness = {
      url,
      database,
      server: running,
      browser: launched,
      dataDir,
      problems,
      async newPage(options = desktop) {
        const context = await launched.newContext({ ...options, baseURL: url, locale: 'en-IN' });
        contexts.push(context);
        context.setDefaultTimeout(20_000);
        const page = await context.newPage();
        guardPage(page, url, problems);
        trackVisitedPages(page);
        pages.push(page);
        return { context, page };
      },
      expectNoConsoleErrors() {
        const seen = problems.splice(0);
        if (seen.length === 0) return;
        const list = seen.map(
          (problem) => `  - [${problem.kind}] ${problem.text}  (on ${problem.page})`,
        );
        throw new Error(
          `${seen.length} console error(s), page error(s) or 5xx answer(s) in the browser:\n${list.join('\n')}`,
        );
      },
      expectAccessible,
      expectEveryPageChecked() {
        const unchecked = pages.splice(0).flatMap(uncheckedPages);
        if (unchecked.length === 0) return;
        throw new Error(
          `${unchecked.length} page(s) shown without an axe-core check (call harness().expectAccessible(page) once each is drawn): ${[...new Set(unchecked)].join(', ')}`,
        );
      },
      async screenshot(page, name) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${name}.png`);
        await page.mouse.move(0, 0); // no hover tooltip where the last click left the pointer
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async api(method, apiPath, body, token) {
        const response = await fetch(`${url}${apiPath}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return {
          status: response.status,
          json: (text ? JSON.parse(text) : null) as ApiAnswer['json'],
        };
      },
      async stop() {
        await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
        await launched.close();
        await stopServer(running);
        await database.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return harness;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Call at the top of a test file: the app and Chromium for the file's tests; after each test the
 * console guard must have seen nothing and every page shown must have had its axe-core check.
 * Returns a getter.
 */
export function useBrowserHarness(env: Record<string, string> = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(env);
  });
  afterEach(() => {
    harness?.expectNoConsoleErrors();
    harness?.expectEveryPageChecked();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  return () => {
    if (!harness) throw new Error('browser harness used outside a test');
    return harness;
  };
}

export const testPassword = 'Correct-horse-battery-9';

/** Registers an organization and its owner through the API; returns the owner's bearer token. */
export async function registerViaApi(
  harness: BrowserHarness,
  account: {
    type: string;
    organizationName: string;
    name: string;
    email: string;
    password?: string;
  },
): Promise<{ token: string; organizationId: string; email: string; password: string }> {
  const password = account.password ?? testPassword;
  const answer = await harness.api('POST', '/api/v1/auth/register', {
    email: account.email,
    password,
    name: account.name,
    organization: { type: account.type, name: account.organizationName },
  });
  if (answer.status !== 201)
    throw new Error(
      `register ${account.email} answered ${answer.status}: ${JSON.stringify(answer.json)}`,
    );
  return {
    token: String(answer.json.accessToken),
    organizationId: String(answer.json.organization.id),
    email: account.email,
    password,
  };
}
