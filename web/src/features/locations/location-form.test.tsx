import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LocationForm } from './location-form';
import type { Location } from './locations.queries';

afterEach(() => {
  vi.unstubAllGlobals();
});

const puneRecord = {
  pin: '411026',
  state: 'Maharashtra',
  states: ['Maharashtra'],
  districts: ['Pune'],
  cities: ['Pune'],
  postOffices: ['Bhosari I.E.', 'Indrayaninagar'],
  postal: { circles: ['Maharashtra'], regions: ['Pune'], divisions: ['Pune City East'] },
};

const created = {
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

/** The PIN directory knows 411026 (Pune); `save` answers POST and PATCH. */
function server(save: () => Response = () => jsonResponse(201, { ...created, warnings: [] })) {
  return fakeServer((request) => {
    if (request.path === '/api/v1/pincodes/411026') return jsonResponse(200, puneRecord);
    if (request.path.startsWith('/api/v1/pincodes/'))
      return jsonResponse(404, { status: 404, code: 'NOT_FOUND', title: 'Not found' });
    if (request.path.startsWith('/api/v1/locations')) return save();
    return undefined;
  });
}

async function fill(overrides: { phone?: string; pincode?: string; city?: string } = {}) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^name/i), 'Pune warehouse');
  await user.type(screen.getByLabelText(/contact name/i), 'Asha Rao');
  await user.type(screen.getByLabelText(/^phone/i), overrides.phone ?? '98765 43210');
  await user.type(screen.getByLabelText(/address line 1/i), 'Plot 12, MIDC Bhosari');
  await user.type(screen.getByLabelText(/pin code/i), overrides.pincode ?? '411026');
  if (overrides.city) await user.type(screen.getByLabelText(/^city/i), overrides.city);
  return user;
}

describe('LocationForm', () => {
  it('blocks a bad PIN and a bad phone before calling the server', async () => {
    const { calls } = server();
    renderWithProviders(<LocationForm onSaved={vi.fn()} />);
    const user = await fill({ phone: '12345', pincode: '011026' });
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    expect(await screen.findByText('Enter the 6-digit PIN code')).toBeInTheDocument();
    expect(screen.getByText(/enter a 10-digit indian phone number/i)).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('fills state and city from the PIN and sends the location with a +91 phone', async () => {
    const { calls } = server();
    const onSaved = vi.fn();
    renderWithProviders(<LocationForm onSaved={onSaved} />);
    const user = await fill({ phone: '+91-98765-43210' });

    await waitFor(() => expect(screen.getByLabelText(/^city/i)).toHaveValue('Pune'));
    expect(screen.getByLabelText(/^state/i)).toHaveValue('Maharashtra');
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((call) => call.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/v1/locations',
      body: {
        name: 'Pune warehouse',
        address: {
          contactName: 'Asha Rao',
          phone: '+919876543210',
          line1: 'Plot 12, MIDC Bhosari',
          city: 'Pune',
          state: 'Maharashtra',
          pincode: '411026',
        },
      },
    });
  });

  it('suggests India Post’s city for the PIN and takes it on request', async () => {
    server();
    renderWithProviders(<LocationForm onSaved={vi.fn()} />);
    const user = await fill({ city: 'Mumbai' });
    const city = screen.getByLabelText(/^city/i);
    expect(await screen.findByText(/India Post lists this PIN under Pune/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use Pune' }));
    expect(city).toHaveValue('Pune');
    expect(screen.queryByText(/India Post lists this PIN under/)).not.toBeInTheDocument();
  });

  it('says so on the PIN field when India Post has no such PIN', async () => {
    server();
    renderWithProviders(<LocationForm onSaved={vi.fn()} />);
    await fill({ pincode: '999999' });
    const pin = screen.getByLabelText(/pin code/i);
    await waitFor(() => expect(pin).toHaveAttribute('aria-invalid', 'true'));
    expect(pin).toHaveAccessibleDescription(/India Post has no PIN code 999999/);
  });

  it('puts the server’s PIN–state mismatch on the State field', async () => {
    server(() =>
      jsonResponse(400, {
        status: 400,
        code: 'PINCODE_STATE_MISMATCH',
        title: 'PIN code not in this state',
        detail: 'PIN 411026 is in Maharashtra, not Karnataka.',
        errors: [{ path: 'body.address.state', message: 'PIN 411026 is in Maharashtra' }],
        pincode: { pin: '411026', state: 'Maharashtra', states: ['Maharashtra'] },
      }),
    );
    const onSaved = vi.fn();
    renderWithProviders(<LocationForm onSaved={onSaved} />);
    const user = await fill();
    await waitFor(() => expect(screen.getByLabelText(/^city/i)).toHaveValue('Pune'));
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    const state = screen.getByLabelText(/^state/i);
    await waitFor(() => expect(state).toHaveAttribute('aria-invalid', 'true'));
    expect(state).toHaveAccessibleDescription(/PIN 411026 is in Maharashtra/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('opens with the location’s values to edit and sends them with PATCH', async () => {
    const { calls } = server(() =>
      jsonResponse(200, { ...created, name: 'Bhosari depot', warnings: [] }),
    );
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<LocationForm location={created as Location} onSaved={onSaved} />);
    const name = screen.getByLabelText(/^name/i);
    expect(name).toHaveValue('Pune warehouse');
    expect(screen.getByLabelText(/^phone/i)).toHaveValue('9876543210');
    expect(screen.getByLabelText(/pin code/i)).toHaveValue('411026');
    await user.clear(name);
    await user.type(name, 'Bhosari depot');
    await user.click(screen.getByRole('button', { name: 'Save location' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.path).toBe(`/api/v1/locations/${created.id}`);
    expect(patch?.body).toMatchObject({
      name: 'Bhosari depot',
      address: { phone: '+919876543210', line2: null, state: 'Maharashtra' },
    });
    expect(within(document.body).queryByText(/India Post lists this PIN/)).not.toBeInTheDocument();
  });
});
