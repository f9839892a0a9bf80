/**
 * `npm run screenshots`: the screenshots in docs/screenshots/, taken from the real app.
 *
 * Starts SpareFlow on a fresh, temporary embedded data folder (no DATABASE_URL), so the first start
 * seeds the demo world and prints its logins; signs in as the demo brand through Debian's Chromium
 * (/usr/bin/chromium, driven by playwright-core) and captures each page at a fixed viewport size.
 * Needs the built web app (`npm run build` first; the npm script does that).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import {
  assertWebAppBuilt,
  desktop,
  freePort,
  guardPage,
  launchChromium,
  networkIdle,
  phone,
  signInThroughUi,
  stopServer,
  type ConsoleProblem,
} from '../test/browser/support/browser.js';
import { makeTempRoot, removeTempRoot, spawnSpareflow } from '../test/support/spareflow-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');

const desktopShots: Array<{ name: string; path: string }> = [
  { name: 'dashboard', path: '/' },
  { name: 'catalog', path: '/catalog' },
  { name: 'stock', path: '/stock' },
  { name: 'imports', path: '/imports' },
  { name: 'partners', path: '/network' },
  { name: 'locations', path: '/locations' },
  { name: 'team', path: '/team' },
  { name: 'audit-log', path: '/audit-log' },
  { name: 'wallet', path: '/wallet' },
  { name: 'invoices', path: '/invoices' },
  { name: 'sandbox-mailbox', path: '/sandbox/mailbox' },
];

/**
 * The owners' demo logins from the start-up banner; the password is read from the data folder
 * (the banner shows it only to a terminal).
 */
export function parseDemoLogins(banner: string): string[] {
  const logins = [...banner.matchAll(/^\s+(\S+@\S+)\s+owner of /gm)].map((login) => login[1] ?? '');
  if (logins.length === 0) throw new Error(`no demo logins in the start-up output:\n${banner}`);
  return logins;
}

async function capture(page: Page, pagePath: string, file: string): Promise<void> {
  await page.goto(pagePath);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await networkIdle(page, 800);
  // No hover tooltip from where the last click left the pointer; fonts in place.
  await page.mouse.move(0, 0);
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: file, type: 'png', fullPage: false, animations: 'disabled' });
  const kb = Math.round(fs.statSync(file).size / 1024);
  process.stdout.write(`  ${path.relative(root, file)}  ${kb} KB\n`);
}

const invitedPartner = 'service.kochi@example.in';

/**
 * A part of the demo catalog found as people search (a misspelled word), opened from the list:
 * its detail page shows prices, GST, models, supersession and stock.
 */
async function capturePartDetail(page: Page, file: string): Promise<void> {
  await page.goto('/catalog');
  await page.getByLabel('Search parts').fill('hermetic compresor');
  const first = page.getByRole('link', { name: /^KHA-/ }).first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  if (!href) throw new Error('no part link in the catalog');
  await capture(page, href, file);
}

/** A quote as people ask for one: Bhiwandi to Chennai, one 1.2 kg box; the breakdown drawn. */
async function captureQuote(page: Page, file: string): Promise<void> {
  await page.goto('/rates');
  await page.getByLabel('From PIN code').fill('421302');
  await page.getByLabel('To PIN code').fill('600032');
  await page.getByLabel('Weight of box 1 (g)').fill('1200');
  await page.getByLabel('Length of box 1 (cm)').fill('30');
  await page.getByLabel('Width of box 1 (cm)').fill('20');
  await page.getByLabel('Height of box 1 (cm)').fill('15');
  await page.getByRole('button', { name: 'Get quote' }).click();
  await page.getByRole('table', { name: 'Price breakdown' }).waitFor();
  await networkIdle(page, 500);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file, type: 'png', fullPage: false, animations: 'disabled' });
  process.stdout.write(
    `  ${path.relative(root, file)}  ${Math.round(fs.statSync(file).size / 1024)} KB\n`,
  );
}

/** Through the Partners page: "Invite partner" → e-mail, Service centre → "Send invitation". */
async function invitePartner(page: Page, email: string): Promise<void> {
  await page.goto('/network');
  await page.getByRole('button', { name: 'Invite partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite partner' });
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Partner type', { exact: true }).click();
  await page.getByRole('option', { name: 'Service centre' }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/** Until the in-process worker has "sent" the invitation to the sandbox mailbox. */
async function waitForMail(page: Page, url: string, to: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await page.request.get(
      `${url}/api/v1/sandbox/mailbox?to=${encodeURIComponent(to)}`,
    );
    const body = (await answer.json()) as { items?: unknown[] };
    if ((body.items ?? []).length > 0) return;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} in the sandbox mailbox`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  assertWebAppBuilt();
  const tempRoot = await makeTempRoot('screenshots');
  // A fixed port rather than 0: e-mailed links name the configured port (PORT=0 gives localhost:0).
  const port = await freePort();
  const dataDir = path.join(tempRoot, 'data');
  const server = spawnSpareflow(['start'], {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'warn',
    SPAREFLOW_DATA_DIR: dataDir,
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await stopServer(server);
    throw error;
  });
  const problems: ConsoleProblem[] = [];
  try {
    const url = (await server.ready(120_000)).replace(/\/+$/, '');
    // The banner follows the ready line in the same write.
    await server.waitForOutput(/Password of every demo login: /);
    const logins = parseDemoLogins(server.stdout());
    const password = fs.readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim();
    const brand = logins.find((login) => login.startsWith('brand@'));
    if (!brand) throw new Error(`no demo brand login among ${logins.join(', ')}`);
    fs.mkdirSync(outDir, { recursive: true });
    process.stdout.write(`Signed in as ${brand} at ${url}:\n`);

    const open = async (options: BrowserContextOptions, login = brand) => {
      const context = await browser.newContext({ ...options, baseURL: url, locale: 'en-IN' });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      guardPage(page, url, problems);
      await signInThroughUi(page, login, password);
      return { context, page };
    };

    const wide = await open(desktop);
    for (const shot of desktopShots) {
      // Something in the mailbox (and the audit log) to show: invite a service centre first.
      if (shot.name === 'audit-log') await invitePartner(wide.page, invitedPartner);
      if (shot.name === 'sandbox-mailbox') await waitForMail(wide.page, url, invitedPartner);
      await capture(wide.page, shot.path, path.join(outDir, `${shot.name}.png`));
    }
    await capturePartDetail(wide.page, path.join(outDir, 'part-detail.png'));
    await captureQuote(wide.page, path.join(outDir, 'shipping-quote.png'));
    await wide.context.close();

    // The platform's side: rate cards are edited by SpareFlow's administrators.
    const admin = logins.find((login) => login.startsWith('admin@'));
    if (!admin) throw new Error(`no demo administrator login among ${logins.join(', ')}`);
    const platform = await open(desktop, admin);
    await capture(platform.page, '/admin/rate-cards', path.join(outDir, 'rate-cards.png'));
    await platform.context.close();

    const narrow = await open(phone);
    await capture(narrow.page, '/', path.join(outDir, 'phone-dashboard.png'));
    await capture(narrow.page, '/catalog', path.join(outDir, 'phone-catalog.png'));
    await capture(narrow.page, '/stock', path.join(outDir, 'phone-stock.png'));
    await capture(narrow.page, '/wallet', path.join(outDir, 'phone-wallet.png'));
    await narrow.context.close();

    if (problems.length > 0)
      throw new Error(
        `the pages reported problems:\n${problems.map((problem) => `  [${problem.kind}] ${problem.text} (on ${problem.page})`).join('\n')}`,
      );
  } finally {
    await browser.close();
    await stopServer(server);
    await removeTempRoot(tempRoot);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
