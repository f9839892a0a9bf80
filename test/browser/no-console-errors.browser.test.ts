import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runSpareflow } from '../support/spareflow-process.js';
import {
  desktop,
  networkIdle,
  passesThrough,
  registerViaApi,
  signInThroughUi,
  testPassword,
  useBrowserHarness,
} from './support/browser-harness.js';

// Every page of the shell, as every kind of organization, must load without a console error, an
// uncaught exception or a 5xx (the harness's console guard checks after each test), pass axe-core
// (no serious or critical violation) and name its browser tab after itself.
const harness = useBrowserHarness();

/** The outline of the focused element, as drawn. */
async function focusRingOf(page: Page) {
  return (await page.evaluate(`(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: style.outlineWidth, offset: style.outlineOffset };
  })()`)) as { style: string; width: string; offset: string };
}

const suffix = crypto.randomBytes(3).toString('hex');

const registrable = [
  { type: 'brand', organizationName: `Voltas Parts ${suffix}` },
  { type: 'distributor', organizationName: `Pune Spares ${suffix}` },
  { type: 'service_center', organizationName: `Andheri Repairs ${suffix}` },
  { type: 'customer', organizationName: `Mehta Household ${suffix}` },
] as const;

describe('no console errors on any page of the shell', () => {
  it('signed out: /login and /register load cleanly', async () => {
    const { page, context } = await harness().newPage(desktop);
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await networkIdle(page);
    await harness().expectAccessible(page, 'the sign-in page');
    expect(await page.title()).toBe('Sign in · SpareFlow');
    // A visible focus ring on a text field: 2px, solid, 2px away (not a faint border change).
    await page.getByLabel('E-mail').focus();
    expect(await focusRingOf(page)).toEqual({ style: 'solid', width: '2px', offset: '2px' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.tagName')).toMatch(/INPUT|BUTTON|A/);
    expect(await focusRingOf(page)).toEqual({ style: 'solid', width: '2px', offset: '2px' });
    await page.goto('/register');
    await page.getByRole('heading', { name: 'Register your organization', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await networkIdle(page);
    await harness().expectAccessible(page, 'the registration page');
    expect(await page.title()).toBe('Register your organization · SpareFlow');
    // A signed-in page sends the visitor to the sign-in page, remembering where they were going.
    passesThrough(page, '/locations', 'redirects to /login when signed out');
    await page.goto('/locations');
    await page.waitForURL(/\/login\?next=%2Flocations/);
    await networkIdle(page);
    await context.close();
  });

  const visitEveryEntry = async (email: string, password: string, screenshotName: string) => {
    const { page, context } = await harness().newPage(desktop);
    await signInThroughUi(page, email, password);
    await networkIdle(page);
    // The first tab stop skips the header and navigation to the page itself.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skipLink.evaluate((link) => link === link.ownerDocument.activeElement)).toBe(true);
    const box = await skipLink.boundingBox();
    expect(box !== null && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main-content');
    await harness().screenshot(page, screenshotName);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = nav.getByRole('link');
    const entries: Array<{ label: string; href: string }> = [];
    for (const link of await links.all())
      entries.push({
        label: (await link.innerText()).trim(),
        href: (await link.getAttribute('href')) ?? '',
      });
    expect(entries.length).toBeGreaterThan(1);
    expect(entries[0]).toEqual({ label: 'Dashboard', href: '/' });
    const visited: Array<{ label: string; path: string; heading: string; title: string }> = [];
    for (const entry of entries) {
      await nav.getByRole('link', { name: entry.label, exact: true }).click();
      await page.waitForURL((url) => url.pathname === entry.href);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor();
      await networkIdle(page);
      await harness().expectAccessible(page, entry.label);
      visited.push({
        label: entry.label,
        path: new URL(page.url()).pathname,
        heading: (await heading.first().innerText()).trim(),
        title: await page.title(),
      });
    }
    // Every entry leads to a real page (one h1), never to "Page not found".
    expect(visited.filter((entry) => entry.heading === 'Page not found')).toEqual([]);
    // Each names its browser tab after itself: its heading, or "Dashboard" for the greeting.
    for (const entry of visited)
      expect(entry.title).toBe(`${entry.path === '/' ? 'Dashboard' : entry.heading} · SpareFlow`);
    await context.close();
    return visited.map((entry) => entry.label);
  };

  for (const org of registrable) {
    it(`${org.type}: every navigation entry loads cleanly`, async () => {
      const email = `owner.${org.type}.${suffix}@example.in`;
      await registerViaApi(harness(), { ...org, name: `Owner ${org.type}`, email });
      const labels = await visitEveryEntry(email, testPassword, `dashboard-${org.type}`);
      expect(labels).toContain('Locations');
      expect(labels).toContain('Team');
      if (org.type === 'brand') expect(labels).toContain('Partners');
      if (org.type === 'distributor' || org.type === 'service_center')
        expect(labels).toContain('Brands');
    });
  }

  it('platform administrator (spareflow admin create): every navigation entry loads cleanly', async () => {
    const email = `platform.${suffix}@example.in`;
    // Its own data folder: the running server holds the harness's.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-admin-'));
    const created = await runSpareflow(
      ['admin', 'create', '--email', email, '--name', 'Asha Admin'],
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: harness().database.url,
        SPAREFLOW_DATA_DIR: dataDir,
      },
      { input: `${testPassword}\n` },
    ).finally(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    expect(created.code, created.output).toBe(0);
    const labels = await visitEveryEntry(email, testPassword, 'dashboard-platform');
    expect(labels).toContain('Organizations');
    expect(labels).not.toContain('Locations');
  });

  it('demo world: the demo brand and a demo service centre load every entry cleanly, with data', async () => {
    // `spareflow seed --demo` on the harness's database; its own data folder keeps the password.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-demo-'));
    try {
      const seeded = await runSpareflow(['seed', '--demo'], {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: harness().database.url,
        SPAREFLOW_DATA_DIR: dataDir,
      });
      expect(seeded.code, seeded.output).toBe(0);
      const password = fs.readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim();
      const brand = await visitEveryEntry(
        'brand@demo.spareflow.in',
        password,
        'dashboard-demo-brand',
      );
      expect(brand).toContain('Partners');
      const service = await visitEveryEntry(
        'service@demo.spareflow.in',
        password,
        'dashboard-demo-service-centre',
      );
      expect(service).toContain('Brands');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
