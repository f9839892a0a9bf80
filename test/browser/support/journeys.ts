import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { networkIdle } from './browser.js';

// UI steps several journeys share. Each one waits for its visible outcome, never for a time.

export interface NewOwner {
  type: 'Brand' | 'Distributor' | 'Service centre' | 'Customer';
  organizationName: string;
  name: string;
  email: string;
  password: string;
}

/** Fills /register (or the invitation page's form, whose type is fixed: pass `fixedType`). */
export async function fillRegisterForm(
  page: Page,
  owner: NewOwner,
  options: { fixedType?: boolean; submit?: string } = {},
): Promise<void> {
  if (!options.fixedType)
    await page.getByRole('radio', { name: new RegExp(`^${owner.type}`) }).check();
  await page.getByLabel('Organization name').fill(owner.organizationName);
  await page.getByLabel('Your name').fill(owner.name);
  const email = page.getByLabel('E-mail');
  if (!options.fixedType) await email.fill(owner.email);
  await page.getByLabel(/^Password/).fill(owner.password);
  await page.getByRole('button', { name: options.submit ?? 'Create account' }).click();
}

/** Registers through /register; resolves on the signed-in dashboard ("Welcome, <first name>"). */
export async function registerThroughUi(page: Page, owner: NewOwner): Promise<void> {
  await page.goto('/register');
  await page.getByRole('button', { name: 'Create account' }).waitFor();
  await expectAccessible(page, 'the registration page');
  await fillRegisterForm(page, owner);
  await page.waitForURL((url) => url.pathname === '/');
  const firstName = owner.name.split(' ')[0] ?? owner.name;
  await page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` }).waitFor();
  await networkIdle(page);
  await expectAccessible(page, 'the dashboard after registering');
}

/** Account menu → "Log out"; resolves on the sign-in page. */
export async function logOutThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

/** The row of a labelled table (DataTable's ariaLabel) that mentions `text`. */
export function tableRow(page: Page, table: string, text: string) {
  return page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });
}

/** The text box of a Mantine Select (its list of options shares the label; " *" if required). */
export function selectBox(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).and(scope.page().locator('input'));
}

export async function choose(page: Page, box: Locator, option: string, search?: string) {
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** The adjust-stock dialog as it opens: every field empty, focus on the first, × named. */
export async function expectBlankAdjustmentDialog(dialog: Locator) {
  await dialog.waitFor();
  expect({
    location: await selectBox(dialog, 'Location').inputValue(),
    part: await selectBox(dialog, 'Part').inputValue(),
    quantity: await dialog.getByLabel(/^Quantity change/).inputValue(),
    reason: await selectBox(dialog, 'Reason').inputValue(),
    note: await dialog.getByLabel('Note').inputValue(),
  }).toEqual({ location: '', part: '', quantity: '', reason: '', note: '' });
  await expect
    .poll(() =>
      selectBox(dialog, 'Location').evaluate(
        (input) => input === input.ownerDocument.activeElement,
      ),
    )
    .toBe(true);
  expect(await dialog.getByRole('button', { name: 'Close dialog' }).count()).toBe(1);
}
