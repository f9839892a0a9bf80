import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { EditOrganizationDialog } from './edit-organization-dialog';
import type { OrganizationProfile } from './organization.queries';

afterEach(() => {
  vi.unstubAllGlobals();
});

const profile: OrganizationProfile = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  type: 'brand',
  name: 'Acme Appliances',
  legalName: null,
  gstin: null,
  pan: null,
  contactEmail: 'ops@acme.in',
  contactPhone: null,
  status: 'active',
  createdAt: '2026-10-01T05:00:00.000Z',
};

async function openDialog() {
  const user = userEvent.setup();
  renderWithProviders(<EditOrganizationDialog profile={profile} />);
  await user.click(screen.getByRole('button', { name: 'Edit profile' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Edit organization profile' }) };
}

describe('EditOrganizationDialog', () => {
  it('checks GSTIN, PAN and phone shapes before calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText(/^gstin/i), '27AAPFU0939');
    await user.type(within(dialog).getByLabelText(/^pan/i), 'AAPF0939F');
    await user.type(within(dialog).getByLabelText(/contact phone/i), '12345');
    await user.clear(within(dialog).getByLabelText(/contact e-mail/i));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText(/a gstin has 15 characters/i)).toBeInTheDocument();
    expect(within(dialog).getByText('A PAN looks like AAPFU0939F')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a 10-digit Indian mobile number')).toBeInTheDocument();
    expect(within(dialog).getByText(/cannot be removed/i)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends only the changed fields, upper-cased and with a +91 phone', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(200, { ...profile, gstin: '27AAPFU0939F1ZV', contactPhone: '+919876543210' }),
    );
    vi.stubGlobal('fetch', fetch);
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText(/^gstin/i), '27aapfu0939f1zv');
    await user.type(within(dialog).getByLabelText(/contact phone/i), '98765 43210');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [request] = fetch.mock.calls[0] as unknown as [Request];
    expect(request.method).toBe('PATCH');
    expect(await request.json()).toEqual({
      gstin: '27AAPFU0939F1ZV',
      contactPhone: '+919876543210',
    });
  });
});
