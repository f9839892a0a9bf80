import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { locationLabel } from '../locations/location-label';
import { LocationSelect } from './location-select';

afterEach(() => {
  vi.unstubAllGlobals();
});

const at = (id: string, city: string, state: string) => ({
  id,
  name: 'Main warehouse',
  address: { city, state },
  archivedAt: null,
});

describe('LocationSelect', () => {
  it('tells two locations of the same name apart by city and state', async () => {
    const { calls } = fakeServer((request) =>
      request.path.startsWith('/api/v1/locations')
        ? jsonResponse(200, {
            items: [at('a', 'Pune', 'Maharashtra'), at('b', 'Guwahati', 'Assam')],
            nextCursor: null,
          })
        : undefined,
    );
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<LocationSelect value={null} onChange={onChange} />);
    const input = screen
      .getAllByLabelText(/^Location/)
      .find((element) => element.tagName === 'INPUT');
    await user.click(input as HTMLElement);
    expect(
      await screen.findByRole('option', {
        name: 'Main warehouse — Pune, Maharashtra',
        hidden: true,
      }),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('option', { name: 'Main warehouse — Guwahati, Assam', hidden: true }),
    );
    expect(onChange).toHaveBeenCalledWith('b', expect.anything());
    // Pickers ask for active locations only (archived ones take no stock).
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/locations?limit=200']);
  });
});

describe('locationLabel', () => {
  it('reads name, city and state; marks an archived one; copes with no address', () => {
    expect(locationLabel(at('a', 'Pune', 'Maharashtra'))).toBe(
      'Main warehouse — Pune, Maharashtra',
    );
    expect(
      locationLabel({ ...at('a', 'Leh', 'Ladakh'), archivedAt: '2026-11-27T03:00:00.000Z' }),
    ).toBe('Main warehouse — Leh, Ladakh (archived)');
    expect(locationLabel({ name: 'Depot' })).toBe('Depot');
  });
});
