import crypto from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  phone,
  registerViaApi,
  signInThroughUi,
  testPassword,
  useBrowserHarness,
} from './support/browser-harness.js';
import { registerThroughUi, tableRow } from './support/journeys.js';
import { makeLocation, makePart, makePartners, receiveStock } from './support/stock-world.js';

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

/** The element's text sits on one line: its text boxes all share one top (no line break). */
async function expectOneLine(locator: Locator) {
  const lines = Number(
    await locator.evaluate((element) => {
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      const tops = [...range.getClientRects()]
        .filter((box) => box.width > 0)
        .map((box) => Math.round(box.top));
      return new Set(tops).size;
    }),
  );
  expect(lines, `${String(locator)} is broken over ${lines} lines`).toBe(1);
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
    await harness().expectAccessible(page, 'Brands on a phone');

    // Find the brand in the directory and ask to join, with a message.
    await page.getByRole('tab', { name: 'Find brands' }).click();
    await page.getByLabel('Search brands').fill(`Godavari Electricals ${suffix}`);
    const directoryRow = tableRow(page, 'Brands directory', brandName);
    await directoryRow.waitFor();
    await expectNoHorizontalOverflow(page, '/network (Find brands)');
    await harness().expectAccessible(page, 'Find brands on a phone');
    await directoryRow.getByRole('button', { name: 'Request access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request access' });
    // Focus starts in the message, not on the dialog's ×.
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    await harness().expectAccessible(page, 'the Request access dialog on a phone');
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
    await harness().expectAccessible(page, 'My brands on a phone');
    await harness().screenshot(page, 'phone-service-centre-brands');
  });

  it('shows catalog, stock, movements and partners as cards: price, status and available stay on screen', async () => {
    const brand = await registerViaApi(harness(), {
      type: 'brand',
      organizationName: `Narmada Appliances ${suffix}`,
      name: 'Meera Joshi',
      email: `meera.${suffix}@narmada.example.in`,
    });
    const centre = await registerViaApi(harness(), {
      type: 'service_center',
      organizationName: `Indore Fixit ${suffix}`,
      name: 'Rahul Verma',
      email: `rahul.${suffix}@indorefixit.example.in`,
    });
    await makePartners(harness(), brand, centre.token);
    // Long, hyphenated part numbers: the kind that wrapped over three lines.
    const pump = await makePart(harness(), brand.token, {
      partNumber: 'WM-DRN-PUMP-7KG-2019-B',
      name: 'Drain pump, 7 kg front-load washing machine',
      unitPricePaise: 125050,
    });
    const belt = await makePart(harness(), brand.token, {
      partNumber: 'WM-BELT-1270-J5',
      name: 'Drive belt 1270 J5',
      unitPricePaise: 45000,
    });
    const bench = await makeLocation(harness(), centre.token, {
      name: 'Vijay Nagar service bench',
      city: 'Indore',
      state: 'Madhya Pradesh',
      pincode: '452010',
    });
    await receiveStock(harness(), centre.token, {
      locationId: bench.id,
      partId: pump.id,
      quantity: 7,
    });
    await receiveStock(harness(), centre.token, {
      locationId: bench.id,
      partId: belt.id,
      quantity: 12,
    });

    const { page } = await harness().newPage(phone);
    await signInThroughUi(page, centre.email, centre.password);

    // Catalog (the brand's, shared with its partner): price and status on screen, part numbers whole.
    await page.goto('/catalog');
    const pumpCard = tableRow(page, 'Parts', pump.partNumber);
    await pumpCard.waitFor();
    await expectNoHorizontalOverflow(page, '/catalog');
    await onScreen(pumpCard.getByText('₹1,250.50'), true);
    await onScreen(pumpCard.getByText('Active', { exact: true }), true);
    await expectOneLine(pumpCard.getByRole('link', { name: pump.partNumber }));
    await harness().expectAccessible(page, 'Catalog on a phone');

    // Stock at the bench: available on screen for each part.
    await page.goto('/stock');
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await page.getByLabel('Location', { exact: true }).and(page.locator('input')).click();
    await page.getByRole('option', { name: bench.name }).click();
    const pumpLevel = tableRow(page, 'Stock at the location', pump.partNumber);
    await pumpLevel.waitFor();
    await expectNoHorizontalOverflow(page, '/stock (by location)');
    const available = pumpLevel.locator('td[data-label="Available"]');
    expect(await available.innerText()).toBe('7');
    // A card: the column's title is drawn before the figure, the header row is not shown.
    expect(
      await available.evaluate(
        (cell) => cell.ownerDocument.defaultView?.getComputedStyle(cell, '::before').content,
      ),
    ).toBe('"Available"');
    expect(
      await page.getByRole('table', { name: 'Stock at the location' }).locator('thead').isVisible(),
    ).toBe(false);
    await onScreen(available, true);
    await onScreen(pumpLevel.getByText('OK', { exact: true }), true);
    await expectOneLine(pumpLevel.getByRole('link', { name: pump.partNumber }));
    await harness().expectAccessible(page, 'Stock on a phone');

    // The ledger: both receipts, their part numbers and quantities on screen.
    await page.getByRole('tab', { name: 'Movements' }).click();
    const receipt = tableRow(page, 'Stock movements', belt.partNumber);
    await receipt.waitFor();
    await expectNoHorizontalOverflow(page, '/stock (movements)');
    await onScreen(receipt.locator('td[data-label="On hand"]').getByText('+12'), true);
    await expectOneLine(receipt.getByText(belt.partNumber, { exact: true }));
    await harness().expectAccessible(page, 'Movements on a phone');

    // The brand's side, on a phone too: its partner active, on screen.
    const brandPhone = await harness().newPage(phone);
    await signInThroughUi(brandPhone.page, brand.email, brand.password);
    await brandPhone.page.goto('/network');
    await brandPhone.page.getByRole('tab', { name: 'Partners' }).click();
    const partnerCard = tableRow(brandPhone.page, 'Partners', `Indore Fixit ${suffix}`);
    await partnerCard.waitFor();
    await expectNoHorizontalOverflow(brandPhone.page, '/network (Partners)');
    await onScreen(partnerCard.getByText('Active', { exact: true }), true);
    await onScreen(partnerCard.getByRole('button', { name: 'Suspend' }), true);
    await harness().expectAccessible(brandPhone.page, 'Partners on a phone');
    await harness().screenshot(page, 'phone-service-centre-movements');
  });
});
