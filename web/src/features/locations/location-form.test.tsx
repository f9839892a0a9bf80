import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LocationForm } from './location-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fill(overrides: { phone?: string; pincode?: string } = {}) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^name/i), 'Pune warehouse');
  await user.type(screen.getByLabelText(/contact name/i), 'Asha Rao');
  await user.type(screen.getByLabelText(/^phone/i), overrides.phone ?? '98765 43210');
  await user.type(screen.getByLabelText(/address line 1/i), 'Plot 12, MIDC Bhosari');
  await user.type(screen.getByLabelText(/^city/i), 'Pune');
  await user.selectOptions(screen.getByLabelText(/^state/i), 'Maharashtra');
  await user.type(screen.getByLabelText(/pin code/i), overrides.pincode ?? '411026');
  return user;
}

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
};

describe('LocationForm', () => {
  it('blocks a bad PIN and a bad phone before calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<LocationForm onSaved={vi.fn()} />);
    const user = await fill({ phone: '12345', pincode: '011026' });
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    expect(await screen.findByText('Enter the 6-digit PIN code')).toBeInTheDocument();
    expect(screen.getByText(/enter a 10-digit indian phone number/i)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the location with a +91 phone and calls onSaved', async () => {
    const fetch = vi.fn(async () => jsonResponse(201, created));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    renderWithProviders(<LocationForm onSaved={onSaved} />);
    const user = await fill({ phone: '+91-98765-43210' });
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [request] = fetch.mock.calls[0] as unknown as [Request];
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/locations');
    expect(await request.json()).toEqual({
      name: 'Pune warehouse',
      address: {
        contactName: 'Asha Rao',
        phone: '+919876543210',
        line1: 'Plot 12, MIDC Bhosari',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '411026',
      },
    });
  });

  it('puts the server’s field error on the PIN code input', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          status: 400,
          code: 'VALIDATION_FAILED',
          title: 'Invalid request',
          detail: 'The request body is invalid',
          errors: [{ path: 'body.address.pincode', message: 'this PIN is not served' }],
        }),
      ),
    );
    const onSaved = vi.fn();
    renderWithProviders(<LocationForm onSaved={onSaved} />);
    const user = await fill();
    await user.click(screen.getByRole('button', { name: 'Add location' }));

    const pin = screen.getByLabelText(/pin code/i);
    await waitFor(() => expect(pin).toHaveAttribute('aria-invalid', 'true'));
    expect(pin).toHaveAccessibleDescription(/this PIN is not served/);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
