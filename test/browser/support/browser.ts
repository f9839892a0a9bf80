import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { SpareflowProcess } from '../../support/spareflow-process.js';
import { expectAccessible } from './accessibility.js';

// The browser side of the journeys, free of Vitest so scripts/capture-screenshots.ts can use it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotDir = path.join(root, 'test-results', 'browser');

/** Debian's Chromium; never a downloaded one. */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Fails plainly when the SPA the server serves has not been built. */
export function assertWebAppBuilt(): void {
  if (!fs.existsSync(path.join(root, 'dist', 'web', 'index.html')))
    throw new Error(
      'dist/web/index.html is missing: run npm run build first (or npm run build:web) — the browser tests drive the built web app.',
    );
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(
      `${chromiumPath} is missing: apt-get install chromium (never a downloaded browser)`,
    );
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A free loopback port (so APP_URL, and the links in e-mails, name the very origin we browse). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What the console guard saw on the pages it watches. */
export interface ConsoleProblem {
  kind: 'console' | 'pageerror' | 'http';
  page: string;
  text: string;
}

// Chromium logs every non-2xx fetch as a console error. 4xx answers are part of the API's contract
// (validation, 401 before a refresh); 5xx are reported by the response listener instead.
const resourceStatus = /^Failed to load resource: the server responded with a status of (\d{3})/;
// React's development warnings, in case a development build is served.
const reactWarning = /Warning:|React|act\(|unique "key"/;

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Resolves once the page has had no request in flight for `quietMs` (network idle after an SPA navigation). */
export async function networkIdle(page: Page, quietMs = 500, timeoutMs = 20_000): Promise<void> {
  const pending = inFlight.get(page);
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    if (pending && pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`network of ${page.url()} never went idle`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Watches a page: console errors, React warnings, uncaught exceptions, same-origin 5xx. */
export function guardPage(page: Page, origin: string, problems: ConsoleProblem[]): void {
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  page.on('console', (message) => {
    const type = message.type();
    const text = message.text();
    if (type === 'error') {
      const status = resourceStatus.exec(text);
      if (status && message.location().url.startsWith(origin)) return;
      problems.push({ kind: 'console', page: page.url(), text });
    } else if (type === 'warning' && reactWarning.test(text)) {
      problems.push({ kind: 'console', page: page.url(), text: `warning: ${text}` });
    }
  });
  page.on('pageerror', (error) =>
    problems.push({ kind: 'pageerror', page: page.url(), text: error.stack ?? error.message }),
  );
  page.on('response', (response) => {
    if (response.status() >= 500 && response.url().startsWith(origin))
      problems.push({
        kind: 'http',
        page: page.url(),
        text: `${response.request().method()} ${response.url()} answered ${response.status()}`,
      });
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // Navigations away abort in-flight requests: not a problem of the app.
    if (request.url().startsWith(origin) && !/ERR_ABORTED/.test(failure))
      problems.push({
        kind: 'http',
        page: page.url(),
        text: `${request.method()} ${request.url()} failed: ${failure}`,
      });
  });
}

/** SIGTERM (graceful shutdown), awaited; SIGKILL if it hangs. */
export async function stopServer(server: SpareflowProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  try {
    await server.exited(15_000);
  } catch {
    server.child.kill('SIGKILL');
    await server.exited();
  }
}

/**
 * Signs in through the /login page and waits for the signed-in shell; axe-core checks the sign-in
 * page and the page it lands on.
 */
export async function signInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').waitFor();
  await expectAccessible(page, 'the sign-in page');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await networkIdle(page);
  await expectAccessible(page, 'the first page after signing in');
}

/** No horizontal scrolling: the page fits its viewport's width. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; width: number }> {
  const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
  return { scrollWidth, width: page.viewportSize()?.width ?? 0 };
}
