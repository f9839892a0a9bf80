import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LocationDetailPage } from './location-detail.page';
import { LocationsPage } from './locations.page';
import { capabilitiesFor, fakeServer } from '../../../test/fake-server';

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
  updatedAt: '2026-11-26T03:00:00.000Z',
  archivedAt: null,
};

const archivedLocation = {
  ...location,
  id: '8f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  name: 'Old Pimpri store',
  archivedAt: '2026-11-27T03:00:00.000Z',
};

const puneRecord = {
  pin: '411026',
  state: 'Maharashtra',
  states: ['Maharashtra'],
  districts: ['Pune'],
  cities: ['Pune'],
  postOffices: ['Bhosari I.E.'],
  postal: { circles: ['Maharashtra'], regions: ['Pune'], divisions: ['Pune City East'] },
};

/** Locations (archived ones only with ?archived=true), the PIN directory, and `write` for PATCH/DELETE. */
function server(write: (method: string) => Response | undefined = () => undefined) {
  return fakeServer((request) => {
    if (request.path.startsWith('/api/v1/pincodes/')) return jsonResponse(200, puneRecord);
    if (request.method === 'GET' && request.path.startsWith('/api/v1/locations?'))
      return jsonResponse(200, {
        items: request.path.includes('archived=true') ? [location, archivedLocation] : [location],
        nextCursor: null,
      });
    if (request.path.startsWith(`/api/v1/locations/${location.id}`)) return write(request.method);
    return undefined;
  });
}

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

describe('LocationsPage: edit and archive', () => {
  it('opens Edit with the location’s values and Add blank, every time', async () => {
    session.role = 'manager';
    const { calls } = server((method) =>
      method === 'PATCH'
        ? jsonResponse(200, { ...location, name: 'Bhosari depot', warnings: [] })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<LocationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Edit Pune warehouse' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit location' });
    const name = within(edit).getByLabelText(/^Name/);
    expect(name).toHaveValue('Pune warehouse');
    expect(within(edit).getByLabelText(/^PIN code/)).toHaveValue('411026');
    await user.clear(name);
    await user.type(name, 'Bhosari depot');
    await user.click(within(edit).getByRole('button', { name: 'Save location' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Edit location' })).not.toBeInTheDocument(),
    );
    expect(calls.find((call) => call.method === 'PATCH')?.body).toMatchObject({
      name: 'Bhosari depot',
    });

    await user.click(screen.getByRole('button', { name: 'Add location' }));
    const add = await screen.findByRole('dialog', { name: 'Add location' });
    expect(within(add).getByLabelText(/^Name/)).toHaveValue('');
    expect(within(add).getByLabelText(/^PIN code/)).toHaveValue('');
  });

  it('archives after confirmation, and explains a refusal with the stock figures', async () => {
    session.role = 'manager';
    const { calls } = server((method) =>
      method === 'DELETE'
        ? jsonResponse(409, {
            status: 409,
            code: 'LOCATION_HOLDS_STOCK',
            title: 'Location holds stock',
            detail: 'It still holds stock.',
            stock: { onHand: 12, reserved: 2, inTransit: 0, parts: 3 },
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<LocationsPage />);
    await user.click(await screen.findByRole('button', { name: 'Archive Pune warehouse' }));
    const confirm = await screen.findByRole('dialog', { name: 'Archive “Pune warehouse”?' });
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Archive location' }));

    expect(
      await screen.findByText(/still holds 12 on hand, 2 reserved and 0 in transit \(3 parts\)/),
    ).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      `/api/v1/locations/${location.id}`,
    ]);
  });

  it('shows archived locations on request, marked and without actions', async () => {
    session.role = 'manager';
    server();
    const user = userEvent.setup();
    renderWithProviders(<LocationsPage />);
    const table = await screen.findByRole('table', { name: 'Locations' });
    expect(within(table).queryByText('Old Pimpri store')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Show archived locations' }));
    expect(await screen.findByText('Old Pimpri store')).toBeInTheDocument();
    const withArchived = screen.getByRole('table', { name: 'Locations' });
    expect(within(withArchived).getByText('Archived')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Old Pimpri store' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Pune warehouse' })).toBeInTheDocument();
  });

  it('offers neither Edit nor Archive to roles the API does not allow', async () => {
    session.role = 'viewer';
    server();
    renderWithProviders(<LocationsPage />);
    await screen.findByRole('table', { name: 'Locations' });
    expect(screen.queryByRole('button', { name: /^(Edit|Archive) / })).not.toBeInTheDocument();
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
