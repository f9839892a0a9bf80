import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LocationDetailPage } from './location-detail.page';
import { LocationsPage } from './locations.page';
import { capabilitiesFor } from '../../../test/fake-server';

const session = vi.hoisted(() => ({ role: 'manager' }));
vi.mock('../../session/session-context', () => ({
  useMe: () => ({
    user: { id: 'u1', name: 'Asha Rao', email: 'asha@example.in' },
    organization: { id: 'o1', type: 'service_center', name: 'QuickFix' },
    role: session.role,
    memberships: [],
    capabilities: capabilitiesFor('service_center', session.role),
  }),
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const location = {
  id: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  name: 'Pune warehouse',
  address: {
    contactName: 'Asha Rao',
    phone: '+919876543210',
    line1: 'Plot 12, MIDC Bhosari',
    line2: null,
    city: 'Pune',
    state: 'Maharashtra',
    pincode: '411026',
  },
  createdAt: '2026-11-26T03:00:00.000Z',
};

describe('LocationsPage', () => {
  it('lists locations with +91 phones and opens the add dialog for managers', async () => {
    session.role = 'manager';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { items: [location], nextCursor: null })),
    );
    const user = userEvent.setup();
    renderWithProviders(<LocationsPage />);

    const table = await screen.findByRole('table', { name: 'Locations' });
    expect(within(table).getByText('+91 98765 43210')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'View Pune warehouse' })).toHaveAttribute(
      'href',
      `/locations/${location.id}`,
    );

    await user.click(screen.getByRole('button', { name: 'Add location' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add location' });
    for (const label of ['Name', 'Contact name', 'Phone', 'Address line 1', 'Address line 2']) {
      expect(within(dialog).getByLabelText(new RegExp(`^${label}`))).toBeInTheDocument();
    }
    for (const label of ['City', 'State', 'PIN code']) {
      expect(within(dialog).getByLabelText(new RegExp(`^${label}`))).toBeInTheDocument();
    }
    expect(within(dialog).getByRole('button', { name: 'Add location' })).toBeInTheDocument();
  });

  it('hides "Add location" from roles the API does not allow', async () => {
    session.role = 'viewer';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { items: [], nextCursor: null })),
    );
    renderWithProviders(<LocationsPage />);
    expect(await screen.findByText('No locations yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add location' })).not.toBeInTheDocument();
  });
});

describe('LocationDetailPage', () => {
  it('shows a location', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, location)),
    );
    renderWithProviders(<LocationDetailPage />, {
      path: `/locations/${location.id}`,
      route: '/locations/:id',
    });
    expect(await screen.findByRole('heading', { name: 'Pune warehouse' })).toBeInTheDocument();
    expect(screen.getByText('411026')).toBeInTheDocument();
  });

  it('says "not found" for an unknown id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(404, { status: 404, code: 'NOT_FOUND', title: 'Not found' })),
    );
    renderWithProviders(<LocationDetailPage />, {
      path: '/locations/00000000-0000-4000-8000-000000000000',
      route: '/locations/:id',
    });
    expect(await screen.findByRole('heading', { name: 'Location not found' })).toBeInTheDocument();
  });
});
