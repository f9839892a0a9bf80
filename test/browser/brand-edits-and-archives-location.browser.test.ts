import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { desktop, testPassword, useBrowserHarness } from './support/browser-harness.js';
import { registerThroughUi, tableRow } from './support/journeys.js';

// A brand adds a warehouse by its PIN (state and city filled from India Post's directory), edits
// it — a state the PIN is not in is refused on the field — taking the city India Post suggests,
// and archives it; the archived one shows on request.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');

describe('a brand edits and archives a location (desktop)', () => {
  it('fills state and city from the PIN, takes the suggested city, archives with confirmation', async () => {
    const { page } = await harness().newPage(desktop);
    await registerThroughUi(page, {
      type: 'Brand',
      organizationName: `Sahyadri Appliances ${suffix}`,
      name: 'Meera Kulkarni',
      email: `meera.${suffix}@sahyadri.example.in`,
      password: testPassword,
    });

    await page.goto('/locations');
    await page.getByRole('heading', { level: 1, name: 'Locations' }).waitFor();
    await page.getByRole('button', { name: 'Add location' }).click();
    const add = page.getByRole('dialog', { name: 'Add location' });
    await add.getByLabel(/^Name/).fill('Chinchwad store');
    await add.getByLabel('Contact name').fill('Meera Kulkarni');
    await add.getByLabel('Phone').fill('98220 12345');
    await add.getByLabel('Address line 1').fill('Plot 4, MIDC Chinchwad');
    await add.getByLabel('PIN code').fill('411019');
    // India Post's directory fills the rest.
    // (The server loads the directory on its first lookup: allow it the harness's usual bound.)
    await expect.poll(() => add.getByLabel('City').inputValue(), { timeout: 20_000 }).toBe('Pune');
    expect(await add.getByLabel('State').inputValue()).toBe('Maharashtra');
    await add.getByRole('button', { name: 'Add location' }).click();
    await add.waitFor({ state: 'hidden' });
    const row = tableRow(page, 'Locations', 'Chinchwad store');
    expect(await row.innerText()).toMatch(/Pune[\s\S]*Maharashtra[\s\S]*411019/);

    // Edit: the dialog opens with the location's values; a city India Post does not list for
    // the PIN gets its suggestion, taken with one click.
    await page.getByRole('button', { name: 'Edit Chinchwad store' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit location' });
    expect(await edit.getByLabel('PIN code').inputValue()).toBe('411019');
    await edit.getByLabel(/^Name/).fill('Chinchwad depot');
    // A state the PIN is not in is refused, on the State field, naming the PIN's state.
    await edit.getByLabel('State').selectOption('Karnataka');
    await edit.getByRole('button', { name: 'Save location' }).click();
    await edit.getByText('PIN 411019 is in Maharashtra').waitFor();
    await harness().expectAccessible(page, 'the PIN–state mismatch on the Edit location dialog');
    await edit.getByLabel('State').selectOption('Maharashtra');
    await edit.getByLabel('City').fill('Mumbai');
    await edit.getByText('India Post lists this PIN under Pune.').waitFor();
    await edit.getByRole('button', { name: 'Use Pune' }).click();
    expect(await edit.getByLabel('City').inputValue()).toBe('Pune');
    await edit.getByRole('button', { name: 'Save location' }).click();
    await edit.waitFor({ state: 'hidden' });
    await tableRow(page, 'Locations', 'Chinchwad depot').waitFor();

    // Archive, after confirming: gone from the list, shown (marked) with "Show archived".
    await page.getByRole('button', { name: 'Archive Chinchwad depot' }).click();
    const confirm = page.getByRole('dialog', { name: 'Archive “Chinchwad depot”?' });
    await confirm.getByRole('button', { name: 'Archive location' }).click();
    await page.getByText('No locations yet').waitFor();
    await page.getByRole('switch', { name: 'Show archived locations' }).click();
    const archived = tableRow(page, 'Locations', 'Chinchwad depot');
    await archived.getByText('Archived').waitFor();
    expect(await page.getByRole('button', { name: 'Edit Chinchwad depot' }).count()).toBe(0);
  });
});
