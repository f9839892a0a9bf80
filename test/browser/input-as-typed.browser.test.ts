import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { desktop, testPassword, useBrowserHarness } from './support/browser-harness.js';
import { fillRegisterForm, tableRow } from './support/journeys.js';

// Input as people type it: a brand registers with its mobile written with a leading 0, downloads
// the parts template, and imports a spreadsheet saved with labels for headers, prices in rupees
// ("₹1,250.50", "1,25,000"), GST as "18%" and a part number twice; the catalog shows the prices.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');
const brand = {
  type: 'Brand' as const,
  organizationName: `Narmada Home Appliances ${suffix}`,
  name: 'Meera Joshi',
  email: `meera.${suffix}@narmada.example.in`,
  password: testPassword,
};

const spreadsheet = [
  'Part Number,Name,Unit Price,MRP,GST Rate Percent,Weight Grams,Length cm,Width cm,Height cm',
  'NH-DP-40,Drain pump 40 W,"₹1,250.50","Rs. 1,499",18%,450,12,10,8',
  'NH-CMP-15,Compressor 1.5 ton,"1,25,000","1,40,000",28%,9500,30,25,40',
  'NH-VLV-2,Inlet valve,320,,18 %,120,6,4,4',
  'nh-vlv-2,Inlet valve (old),300,,18,120,6,4,4',
].join('\r\n');

describe('input as people type it (desktop)', () => {
  it('registers with 09876543210, downloads the template, imports rupees, labels and 18%', async () => {
    const { page } = await harness().newPage(desktop);

    await page.goto('/register');
    await page.getByLabel('Mobile').waitFor();
    await harness().expectAccessible(page, 'Register');
    await page.getByLabel('Mobile').fill('098765 43210');
    await fillRegisterForm(page, brand);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Meera' }).waitFor();
    await harness().expectAccessible(page, 'Dashboard');
    const login = await harness().api('POST', '/api/v1/auth/login', {
      email: brand.email,
      password: brand.password,
    });
    const me = await harness().api('GET', '/api/v1/me', undefined, login.json.accessToken);
    expect(me.json.user.phone).toBe('+919876543210');

    await page.goto('/imports');
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await harness().expectAccessible(page, 'Imports');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('parts-template.csv');
    const template = await fs.readFile(await download.path(), 'utf8');
    expect(template.split('\r\n')[1]).toContain(',18%,"1,250.00","1,499.00",');

    await page.locator('input[type="file"]').setInputFiles({
      name: 'catalogue.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(spreadsheet),
    });
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText('Import finished').waitFor();
    // The part number given twice is refused on both rows; the others are in.
    const errors = page.getByRole('table', { name: 'Import errors' });
    for (const [row, other] of [
      ['4', 'row 5'],
      ['5', 'row 4'],
    ])
      await errors
        .getByRole('row')
        .filter({ hasText: `is also on ${other};` })
        .filter({ has: page.getByRole('cell', { name: row, exact: true }) })
        .waitFor();
    await harness().screenshot(page, 'imports-rupees-and-labels');

    await page.goto('/catalog');
    const pump = tableRow(page, 'Parts', 'NH-DP-40');
    await pump.waitFor();
    expect(await pump.innerText()).toMatch(/₹1,250\.50[\s\S]*₹1,499\.00/);
    expect(await tableRow(page, 'Parts', 'NH-CMP-15').innerText()).toMatch(/₹1,25,000\.00/);
    expect(await tableRow(page, 'Parts', 'NH-VLV-2').count()).toBe(0);
    await harness().expectAccessible(page, 'Catalog');
    harness().expectNoConsoleErrors();
  });
});
