import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSpareflow } from '../support/spareflow-process.js';
import { desktop, signInThroughUi, useBrowserHarness } from './support/browser-harness.js';
import { choose, expectBlankAdjustmentDialog, selectBox, tableRow } from './support/journeys.js';

// An evaluator's first hour on the demo world `npm start` seeds: the demo brand signs in, finds a
// part by a misspelled name, sees it at several warehouses and adjusts stock twice in a row, the
// dialog blank each time; axe-core checks every page on the way.
const harness = useBrowserHarness();
const brandLogin = 'brand@demo.spareflow.in';
const misspelled = 'hermetic compresor';
let password = '';

interface Level {
  locationId: string;
  available: number;
}

beforeAll(async () => {
  // `spareflow seed --demo` on the harness's database, as the first `npm start` does.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-demo-journey-'));
  try {
    const seeded = await runSpareflow(['seed', '--demo'], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: harness().database.url,
      SPAREFLOW_DATA_DIR: dataDir,
    });
    expect(seeded.code, seeded.output).toBe(0);
    password = fs.readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The first part the misspelled search finds that has stock available at two warehouses. */
async function partAtSeveralWarehouses(token: string) {
  const found = await harness().api(
    'GET',
    `/api/v1/parts?q=${encodeURIComponent(misspelled)}&limit=20`,
    undefined,
    token,
  );
  expect(found.status).toBe(200);
  const parts = found.json.items as Array<{ id: string; partNumber: string; name: string }>;
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    const stock = await harness().api(
      'GET',
      `/api/v1/inventory?partId=${part.id}&limit=100`,
      undefined,
      token,
    );
    const levels = (stock.json.items as Level[]).filter((level) => level.available > 0);
    if (levels.length >= 2) return { part, levels };
  }
  throw new Error(`no part found by "${misspelled}" has stock at two warehouses`);
}

describe('the demo brand’s first hour (desktop)', () => {
  it('finds a part by a misspelled name, sees it at several warehouses, adjusts twice with a blank dialog', async () => {
    const login = await harness().api('POST', '/api/v1/auth/login', {
      email: brandLogin,
      password,
    });
    expect(login.status).toBe(200);
    const token = String(login.json.accessToken);
    const { part, levels } = await partAtSeveralWarehouses(token);
    const locations = (await harness().api('GET', '/api/v1/locations?limit=100', undefined, token))
      .json.items as Array<{ id: string; name: string }>;
    const nameOf = (id: string) => locations.find((location) => location.id === id)?.name ?? id;
    const [first, second] = levels as [Level, Level];

    const { page } = await harness().newPage(desktop);
    await signInThroughUi(page, brandLogin, password);

    await page.goto('/catalog');
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await page.getByLabel('Search parts').fill(misspelled);
    const row = tableRow(page, 'Parts', part.partNumber);
    await row.waitFor();
    await harness().expectAccessible(page, 'Catalog search');
    await row.getByRole('link', { name: part.partNumber }).click();
    await page.getByRole('heading', { level: 1, name: part.partNumber }).waitFor();
    await harness().expectAccessible(page, 'Part detail');

    // Its stock, warehouse by warehouse.
    await page.goto('/stock');
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await harness().expectAccessible(page, 'Stock');
    await page.getByRole('tab', { name: 'By part' }).click();
    await choose(
      page,
      selectBox(page.getByRole('main'), 'Part'),
      `${part.partNumber} — ${part.name}`,
      part.partNumber,
    );
    const stockOf = `Stock of ${part.partNumber}`;
    const availableAt = (locationId: string) =>
      tableRow(page, stockOf, nameOf(locationId)).locator('td[data-label="Available"]');
    await expect
      .poll(() => availableAt(first.locationId).innerText())
      .toBe(String(first.available));
    expect(await availableAt(second.locationId).innerText()).toBe(String(second.available));
    await harness().expectAccessible(page, 'Stock by part');

    // Two adjustments in a row; the dialog opens blank both times.
    const adjustments = [
      { level: first, delta: 3, reason: 'Receipt' },
      { level: second, delta: -1, reason: 'Damage' },
    ];
    for (const { level, delta, reason } of adjustments) {
      await page.getByRole('button', { name: 'Adjust stock' }).click();
      const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
      await expectBlankAdjustmentDialog(dialog);
      await harness().expectAccessible(page, 'the Adjust stock dialog');
      await choose(page, selectBox(dialog, 'Location'), nameOf(level.locationId));
      await choose(
        page,
        selectBox(dialog, 'Part'),
        `${part.partNumber} — ${part.name}`,
        part.partNumber,
      );
      await dialog.getByLabel(/^Quantity change/).fill(String(delta));
      await choose(page, selectBox(dialog, 'Reason'), reason);
      await dialog.getByRole('button', { name: 'Apply adjustment' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect
        .poll(() => availableAt(level.locationId).innerText())
        .toBe(String(level.available + delta));
    }
    await harness().screenshot(page, 'demo-brand-after-two-adjustments');
  });
});
