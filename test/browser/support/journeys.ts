import type { Page } from 'playwright-core';
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
