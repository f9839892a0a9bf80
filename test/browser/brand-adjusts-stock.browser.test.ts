import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  registerViaApi,
  signInThroughUi,
  useBrowserHarness,
} from './support/browser-harness.js';
import { choose, expectBlankAdjustmentDialog, selectBox, tableRow } from './support/journeys.js';
import { makeLocation, makePart, receiveStock } from './support/stock-world.js';

// A brand's stores manager finds a part by a misspelt name, sees its stock at two warehouses and
// adjusts it twice in a row: the dialog opens blank each time, focus on its first field.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');

describe('a brand adjusts stock (desktop)', () => {
  it('finds a part by a misspelt name, sees it at two warehouses, adjusts twice with a blank dialog each time', async () => {
    const brand = await registerViaApi(harness(), {
      type: 'brand',
      organizationName: `Kaveri Cooling ${suffix}`,
      name: 'Anil Deshpande',
      email: `anil.${suffix}@kavericooling.example.in`,
    });
    const compressor = await makePart(harness(), brand.token, {
      partNumber: `CMP-15T-${suffix}`,
      name: 'Rotary compressor 1.5 ton',
      unitPricePaise: 650000,
      category: 'Air conditioner',
    });
    await makePart(harness(), brand.token, {
      partNumber: `CAP-45MFD-${suffix}`,
      name: 'Run capacitor 45 MFD',
      unitPricePaise: 35000,
    });
    const pune = await makeLocation(harness(), brand.token, {
      name: 'Pune warehouse',
      city: 'Pune',
      state: 'Maharashtra',
      pincode: '411001',
    });
    const guwahati = await makeLocation(harness(), brand.token, {
      name: 'Guwahati warehouse',
      city: 'Guwahati',
      state: 'Assam',
      pincode: '781001',
    });
    await receiveStock(harness(), brand.token, {
      locationId: pune.id,
      partId: compressor.id,
      quantity: 10,
    });
    await receiveStock(harness(), brand.token, {
      locationId: guwahati.id,
      partId: compressor.id,
      quantity: 4,
    });

    const { page } = await harness().newPage(desktop);
    await signInThroughUi(page, brand.email, brand.password);

    // The catalog finds "compresor" (one s short).
    await page.goto('/catalog');
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await page.getByLabel('Search parts').fill('rotary compresor');
    await page.getByText('Best matches first.').waitFor();
    // The best match, first in the list.
    const firstRow = page.getByRole('table', { name: 'Parts' }).locator('tbody tr').first();
    await expect.poll(() => firstRow.innerText()).toContain(compressor.partNumber);
    const partRow = tableRow(page, 'Parts', compressor.partNumber);
    await harness().expectAccessible(page, 'Catalog search');
    await partRow.getByRole('link', { name: compressor.partNumber }).click();
    await page.getByRole('heading', { level: 1, name: compressor.partNumber }).waitFor();
    expect(await page.title()).toBe(`${compressor.partNumber} · SpareFlow`);
    await harness().expectAccessible(page, 'Part detail');

    // Its stock at both warehouses.
    await page.goto('/stock');
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await harness().expectAccessible(page, 'Stock');
    await page.getByRole('tab', { name: 'By part' }).click();
    await choose(
      page,
      selectBox(page.getByRole('main'), 'Part'),
      `${compressor.partNumber} — ${compressor.name}`,
      'CMP-15T',
    );
    const stockOf = `Stock of ${compressor.partNumber}`;
    const availableAt = (warehouse: string) =>
      tableRow(page, stockOf, warehouse).locator('td[data-label="Available"]');
    await expect.poll(() => availableAt('Pune warehouse').innerText()).toBe('10');
    expect(await availableAt('Guwahati warehouse').innerText()).toBe('4');

    // First adjustment: 5 received at Pune.
    await page.getByRole('button', { name: 'Adjust stock' }).click();
    let dialog = page.getByRole('dialog', { name: 'Adjust stock' });
    await expectBlankAdjustmentDialog(dialog);
    await harness().expectAccessible(page, 'the Adjust stock dialog');
    await choose(page, selectBox(dialog, 'Location'), 'Pune warehouse');
    await choose(
      page,
      selectBox(dialog, 'Part'),
      `${compressor.partNumber} — ${compressor.name}`,
      'rotary',
    );
    await dialog.getByLabel(/^Quantity change/).fill('5');
    await choose(page, selectBox(dialog, 'Reason'), 'Receipt');
    await dialog.getByLabel('Note').fill('GRN 4411');
    await dialog.getByRole('button', { name: 'Apply adjustment' }).click();
    await page.getByText(`${compressor.partNumber} adjusted: 15 on hand, 15 available.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // Second adjustment, straight after: the dialog is blank again, then 1 damaged at Guwahati.
    await page.getByRole('button', { name: 'Adjust stock' }).click();
    dialog = page.getByRole('dialog', { name: 'Adjust stock' });
    await expectBlankAdjustmentDialog(dialog);
    await choose(page, selectBox(dialog, 'Location'), 'Guwahati warehouse');
    await choose(
      page,
      selectBox(dialog, 'Part'),
      `${compressor.partNumber} — ${compressor.name}`,
      'CMP-15T',
    );
    // What was typed is the search, not mixed into an earlier choice.
    expect(await selectBox(dialog, 'Part').inputValue()).toBe(
      `${compressor.partNumber} — ${compressor.name}`,
    );
    await dialog.getByLabel(/^Quantity change/).fill('-1');
    await choose(page, selectBox(dialog, 'Reason'), 'Damage');
    await dialog.getByRole('button', { name: 'Apply adjustment' }).click();
    await page.getByText(`${compressor.partNumber} adjusted: 3 on hand, 3 available.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => availableAt('Pune warehouse').innerText()).toBe('15');
    await expect.poll(() => availableAt('Guwahati warehouse').innerText()).toBe('3');
    await harness().screenshot(page, 'brand-stock-after-two-adjustments');
  });
});
