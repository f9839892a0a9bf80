import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  guardPage,
  networkIdle,
  registerViaApi,
  signInThroughUi,
  useBrowserHarness,
} from './support/browser-harness.js';
import { tableRow } from './support/journeys.js';

// A brand registered a minute ago prices a box from its Bhiwandi warehouse to a Chennai service
// centre, then tops its wallet up with "₹2,500" as typed, pays in the sandbox checkout window,
// and sees the balance, the statement's top-up line and the receipt voucher the job issues.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');

/** The figure of a wallet tile ("Balance", "Held", "Available") as drawn. */
const walletTile = (page: Page, label: string) => page.getByTestId(`wallet-${label}`);

describe('a brand quotes a shipment and tops up its wallet (desktop)', () => {
  it('quotes Bhiwandi → Chennai with its breakdown, tops up ₹2,500 in the sandbox checkout, sees the credit and the receipt voucher', async () => {
    const brand = await registerViaApi(harness(), {
      type: 'brand',
      organizationName: `Godavari Appliances ${suffix}`,
      name: 'Sunita Kulkarni',
      email: `sunita.${suffix}@godavari.example.in`,
    });
    const { context, page } = await harness().newPage(desktop);
    await signInThroughUi(page, brand.email, brand.password);

    // 1. A quote: one box of 1.2 kg, 30 × 20 × 15 cm, Bhiwandi to Chennai.
    await page.goto('/rates');
    await page.getByRole('heading', { level: 1, name: 'Shipping quote' }).waitFor();
    expect(await page.title()).toBe('Shipping quote · SpareFlow');
    await page.getByLabel(/^From PIN code/).fill('421302');
    await page.getByLabel(/^To PIN code/).fill('600032');
    await page.getByLabel('Weight of box 1 (g)').fill('1200');
    await page.getByLabel('Length of box 1 (cm)').fill('30');
    await page.getByLabel('Width of box 1 (cm)').fill('20');
    await page.getByLabel('Height of box 1 (cm)').fill('15');
    await page.getByRole('button', { name: 'Get quote' }).click();
    const breakdown = page.getByRole('table', { name: 'Price breakdown' });
    await breakdown.waitFor();
    await breakdown.getByRole('row').filter({ hasText: /GST/ }).first().waitFor();
    const total = breakdown.getByRole('row').filter({ hasText: /^Total/ });
    expect(await total.innerText()).toMatch(/Total\s+₹[\d,]+\.\d{2}$/);
    // India Post files Bhiwandi under Thane district, part of the Mumbai metro area.
    const result = await page.getByRole('main').innerText();
    expect(result).toMatch(/Zone\s+Metro to metro\s/);
    expect(result).toMatch(/Route\s+Thane → Chennai \(Mumbai \/ Chennai\)/);
    expect(result).toMatch(/Chargeable weight\s+1\.8 kg \(billed 2 kg\)/);
    expect(result).toMatch(/Rate card\s+Version \d+, from /);
    await harness().expectAccessible(page, 'Shipping quote with its breakdown');
    await harness().screenshot(page, 'brand-quote-bhiwandi-chennai');

    // 2. The wallet: nothing yet.
    await page.goto('/wallet');
    await page.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
    expect(await page.title()).toBe('Wallet · SpareFlow');
    await expect.poll(() => walletTile(page, 'Available').innerText()).toBe('₹0.00');
    await page.getByText('No money has moved yet').waitFor();
    await networkIdle(page);
    await harness().expectAccessible(page, 'the empty wallet');

    // Top up "₹2,500" as typed; Pay opens the sandbox checkout in a window of its own.
    await page.getByRole('button', { name: 'Top up' }).click();
    const dialog = page.getByRole('dialog', { name: 'Top up the wallet' });
    await dialog.waitFor();
    const amount = dialog.getByLabel(/^Amount in rupees/);
    await amount.waitFor();
    await harness().expectAccessible(page, 'the Top up dialog');
    await amount.fill('₹2,500');
    const [checkout] = await Promise.all([
      context.waitForEvent('page'),
      dialog.getByRole('button', { name: 'Pay' }).click(),
    ]);
    // The simulator's page, on the simulator's own origin: guarded like the app's pages.
    await checkout.waitForURL(/\/checkout\?/);
    guardPage(checkout, new URL(checkout.url()).origin, harness().problems);
    await dialog
      .getByText(/Complete the payment of ₹2,500\.00 in the sandbox checkout window/)
      .waitFor();
    await checkout.getByRole('heading', { level: 1, name: 'Pay ₹2,500.00' }).waitFor();
    await checkout.getByText('SANDBOX').waitFor();
    await harness().expectAccessible(checkout, 'the sandbox checkout page');
    await Promise.all([
      checkout.waitForEvent('close'),
      checkout.getByRole('button', { name: 'Pay ₹2,500.00' }).click(),
    ]);

    // Back on the wallet: credited once, the dialog says so, the statement has the top-up.
    await dialog.getByText('₹2,500.00 was added. Balance: ₹2,500.00.').waitFor();
    await harness().expectAccessible(page, 'the Top up dialog once credited');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => walletTile(page, 'Available').innerText()).toBe('₹2,500.00');
    expect(await walletTile(page, 'Balance').innerText()).toBe('₹2,500.00');
    const topupLine = tableRow(page, 'Wallet statement', 'topup:');
    await topupLine.waitFor();
    expect(await topupLine.innerText()).toMatch(/Top-up[\s\S]*\+₹2,500\.00[\s\S]*₹2,500\.00/);

    // The receipt voucher comes from a job (the worker polls every second): reload until it shows.
    const voucher = tableRow(page, 'Receipt vouchers', 'Receipt voucher');
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.getByRole('heading', { level: 2, name: 'Receipt vouchers' }).waitFor();
      await networkIdle(page);
      if ((await voucher.count()) > 0) break;
      if (Date.now() > deadline) throw new Error('no receipt voucher on the wallet page in 30 s');
      await page.reload();
    }
    expect(await voucher.innerText()).toMatch(/₹2,500\.00/);
    await harness().expectAccessible(page, 'the wallet after the top-up');
    await harness().screenshot(page, 'brand-wallet-after-top-up');
    harness().expectNoConsoleErrors();
  });
});
