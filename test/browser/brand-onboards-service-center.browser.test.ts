import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  signInThroughUi,
  testPassword,
  useBrowserHarness,
} from './support/browser-harness.js';
import {
  fillRegisterForm,
  logOutThroughUi,
  registerThroughUi,
  tableRow,
} from './support/journeys.js';

// A brand signs up, adds a warehouse, invites a service centre by e-mail; the service centre
// follows the link from the sandbox mailbox in its own browser and joins the brand's network.
const harness = useBrowserHarness();
const suffix = crypto.randomBytes(3).toString('hex');

const brand = {
  type: 'Brand' as const,
  organizationName: `Kaveri Appliances ${suffix}`,
  name: 'Lakshmi Iyer',
  email: `lakshmi.${suffix}@kaveri.example.in`,
  password: testPassword,
};
const serviceCentre = {
  type: 'Service centre' as const,
  organizationName: `Koramangala Service Point ${suffix}`,
  name: 'Imran Sheikh',
  email: `imran.${suffix}@kspoint.example.in`,
  password: testPassword,
};

describe('a brand onboards a service centre (desktop)', () => {
  it('registers, signs in again, adds a location, invites; the service centre accepts from the e-mail', async () => {
    const { page } = await harness().newPage(desktop);

    // Register the brand; the new owner lands on the dashboard, signed in.
    await registerThroughUi(page, brand);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText(`${brand.organizationName} · Brand`)
      .waitFor();

    // Log out, and sign in again through /login.
    await logOutThroughUi(page);
    await signInThroughUi(page, brand.email, brand.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Lakshmi' }).waitFor();

    // Add a location: the row appears in the table.
    await page.goto('/locations');
    await page.getByRole('heading', { level: 1, name: 'Locations' }).waitFor();
    await harness().expectAccessible(page, 'Locations');
    await page.getByRole('button', { name: 'Add location' }).click();
    const locationDialog = page.getByRole('dialog', { name: 'Add location' });
    await locationDialog.getByLabel(/^Name/).waitFor();
    await harness().expectAccessible(page, 'the Add location dialog');
    await locationDialog.getByLabel(/^Name/).fill('Bengaluru warehouse');
    await locationDialog.getByLabel('Contact name').fill('Ravi Kumar');
    await locationDialog.getByLabel('Phone').fill('98450 12345');
    await locationDialog.getByLabel('Address line 1').fill('42, 2nd Cross, Peenya Industrial Area');
    await locationDialog.getByLabel('City').fill('Bengaluru');
    await locationDialog.getByLabel('State').selectOption({ label: 'Karnataka' });
    await locationDialog.getByLabel('PIN code').fill('560058');
    await locationDialog.getByRole('button', { name: 'Add location' }).click();
    await locationDialog.waitFor({ state: 'hidden' });
    const locationRow = tableRow(page, 'Locations', 'Bengaluru warehouse');
    await locationRow.waitFor();
    expect(await locationRow.innerText()).toMatch(/Bengaluru[\s\S]*Karnataka[\s\S]*560058/);

    // Invite a service centre from the network page.
    await page.goto('/network');
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    await harness().expectAccessible(page, 'Partners');
    await page.getByRole('button', { name: 'Invite partner' }).click();
    const inviteDialog = page.getByRole('dialog', { name: 'Invite partner' });
    await inviteDialog.getByLabel('E-mail').waitFor();
    await harness().expectAccessible(page, 'the Invite partner dialog');
    await inviteDialog.getByLabel('E-mail').fill(serviceCentre.email);
    await inviteDialog.getByLabel('Partner type', { exact: true }).click();
    await page.getByRole('option', { name: 'Service centre' }).click();
    await inviteDialog.getByRole('button', { name: 'Send invitation' }).click();
    await inviteDialog
      .getByText(`The invitation to ${serviceCentre.email} is on its way.`)
      .waitFor();
    await inviteDialog.getByRole('button', { name: 'Done' }).click();

    // The sandbox mailbox holds the invitation e-mail; take its link.
    await page.goto('/sandbox/mailbox');
    await page.getByRole('heading', { level: 1, name: 'Sandbox mailbox' }).waitFor();
    await harness().expectAccessible(page, 'Sandbox mailbox');
    const invitationMail = page
      .getByRole('navigation', { name: 'Captured e-mails' })
      .getByRole('button', { name: new RegExp(serviceCentre.email.replace(/\./g, '\\.'), 'i') });
    await invitationMail.first().click();
    const reader = page.getByRole('article', { name: 'Selected e-mail' });
    await reader.getByText(serviceCentre.email, { exact: false }).first().waitFor();
    await harness().expectAccessible(page, 'Sandbox mailbox with an e-mail open');
    const link = reader.getByRole('link', { name: /\/network\/invitations\/accept\?token=/ });
    const invitationUrl = (await link.innerText()).trim();
    expect(new URL(invitationUrl).origin).toBe(harness().url);

    // A second browser (its own cookies): the service centre opens the link and registers.
    const other = await harness().newPage(desktop);
    await other.page.goto(invitationUrl);
    await other.page.getByRole('heading', { level: 1, name: 'Partner invitation' }).waitFor();
    await other.page
      .getByText(`${brand.organizationName} invites you to join as a Service centre`, {
        exact: false,
      })
      .waitFor();
    expect(await other.page.getByLabel('E-mail').inputValue()).toBe(serviceCentre.email);
    await harness().expectAccessible(other.page, 'the partner invitation page');
    await fillRegisterForm(other.page, serviceCentre, {
      fixedType: true,
      submit: 'Create account and accept',
    });
    // Signed in, on its Brands page, with the brand as an active partner.
    await other.page.waitForURL((url) => url.pathname === '/network');
    await other.page.getByRole('button', { name: 'Account menu' }).waitFor();
    const brandRow = tableRow(other.page, 'My brands', brand.organizationName);
    await brandRow.waitFor();
    expect(await brandRow.getByText('Active', { exact: true }).count()).toBe(1);
    await harness().expectAccessible(other.page, 'Brands of the new service centre');

    // Back in the brand's browser: the service centre is an active partner.
    await page.goto('/network');
    await page.getByRole('tab', { name: 'Partners' }).click();
    const partnerRow = tableRow(page, 'Partners', serviceCentre.organizationName);
    await partnerRow.waitFor();
    expect(await partnerRow.innerText()).toMatch(/Service cent/);
    expect(await partnerRow.getByText('Active', { exact: true }).count()).toBe(1);
    await harness().expectAccessible(page, 'Partners with the new partner');
    await harness().screenshot(page, 'brand-partners-after-onboarding');
  });
});
