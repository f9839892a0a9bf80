import crypto from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  phone,
  registerViaApi,
  testPassword,
  useBrowserHarness,
} from './support/browser-harness.js';
import { registerThroughUi, tableRow } from './support/journeys.js';

// A service centre does everything on a phone: registers, finds a brand through the burger
// navigation and asks to join; the brand approves (through the API); the phone shows it active.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');
const brandName = `Godavari Electricals ${suffix}`;
const serviceCentre = {
  type: 'Service centre' as const,
  organizationName: `Vijayawada Repairs ${suffix}`,
  name: 'Suresh Reddy',
  email: `suresh.${suffix}@vjarepairs.example.in`,
  password: testPassword,
};

/** The page fits the phone's width: nothing scrolls sideways. */
async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, width } = await horizontalOverflow(page);
  expect(
    scrollWidth,
    `${where} is ${scrollWidth}px wide on a ${width}px screen`,
  ).toBeLessThanOrEqual(390 + 1);
}

/**
 * Whether the element lies inside the viewport. The collapsed navigation is slid off-screen (a
 * CSS transform), which Playwright still counts as visible, so this looks at where it is.
 */
async function onScreen(locator: Locator, expected: boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = await locator.boundingBox();
    const inside = box !== null && box.x >= 0 && box.x + box.width <= 390 + 1;
    if (inside === expected) return;
    if (Date.now() > deadline)
      throw new Error(
        `expected ${String(locator)} ${expected ? 'on' : 'off'} screen; box ${JSON.stringify(box)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a service centre on a phone (390×844)', () => {
  it('registers, requests access to a brand from the burger navigation; once approved the brand is active', async () => {
    const brand = await registerViaApi(harness(), {
      type: 'brand',
      organizationName: brandName,
      name: 'Padma Rao',
      email: `padma.${suffix}@godavari.example.in`,
    });

    const { page } = await harness().newPage(phone);
    await page.goto('/register');
    await page.getByRole('heading', { level: 1, name: 'Register your organization' }).waitFor();
    await expectNoHorizontalOverflow(page, '/register');
    await registerThroughUi(page, serviceCentre);
    await expectNoHorizontalOverflow(page, 'the dashboard');

    // On a phone the navigation hides behind the burger.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const brandsLink = nav.getByRole('link', { name: 'Brands', exact: true });
    await onScreen(brandsLink, false);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await onScreen(brandsLink, true);
    await brandsLink.click();
    await page.waitForURL((url) => url.pathname === '/network');
    await page.getByRole('heading', { level: 1, name: 'Brands' }).waitFor();
    // Choosing an entry closes the navigation again.
    await onScreen(brandsLink, false);
    await page.getByText('No brands yet').waitFor();
    await expectNoHorizontalOverflow(page, '/network (My brands, empty)');

    // Find the brand in the directory and ask to join, with a message.
    await page.getByRole('tab', { name: 'Find brands' }).click();
    await page.getByLabel('Search brands').fill(`Godavari Electricals ${suffix}`);
    const directoryRow = tableRow(page, 'Brands directory', brandName);
    await directoryRow.waitFor();
    await expectNoHorizontalOverflow(page, '/network (Find brands)');
    await directoryRow.getByRole('button', { name: 'Request access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request access' });
    await dialog.getByLabel('Message').fill('Authorised repairs for Krishna district since 2015.');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The directory now shows the request as pending, without a second "Request access".
    await directoryRow.getByText('Pending', { exact: true }).waitFor();
    expect(await directoryRow.getByRole('button', { name: 'Request access' }).count()).toBe(0);

    // The brand approves the request (its owner, through the API).
    const pending = await harness().api(
      'GET',
      '/api/v1/network/access-requests?status=pending',
      undefined,
      brand.token,
    );
    expect(pending.status).toBe(200);
    expect(pending.json.items).toHaveLength(1);
    expect(pending.json.items[0]).toMatchObject({
      message: 'Authorised repairs for Krishna district since 2015.',
    });
    const approved = await harness().api(
      'POST',
      `/api/v1/network/access-requests/${pending.json.items[0].id}/approve`,
      undefined,
      brand.token,
    );
    expect(approved.json).toMatchObject({ status: 'approved' });

    // On the phone, after a refresh, "My brands" lists the brand as active.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Brands' }).waitFor();
    await page.getByRole('tab', { name: 'My brands' }).click();
    const brandRow = tableRow(page, 'My brands', brandName);
    await brandRow.waitFor();
    expect(await brandRow.getByText('Active', { exact: true }).count()).toBe(1);
    await expectNoHorizontalOverflow(page, '/network (My brands, active)');
    await harness().screenshot(page, 'phone-service-centre-brands');
  });
});
