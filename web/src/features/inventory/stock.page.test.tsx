import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { StockPage } from './stock.page';

vi.mock('../../session/session-context', () => ({ useMe: () => meOf('distributor', 'manager') }));

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const locationId = '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
const level = {
  locationId,
  partId: '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partNumber: 'CMP-15',
  partName: 'Compressor',
  onHand: 4,
  reserved: 1,
  available: 3,
  inTransit: 2,
  minQuantity: null,
  maxQuantity: null,
  reorderPoint: 5,
  averageCostPaise: 0,
};

// A busy CI machine renders slowly: generous timeouts, the assertions stay exact.
describe('StockPage', { timeout: 30_000 }, () => {
  it('opens on the first location’s stock with a low-stock badge; the low-stock view', async () => {
    const server = fakeServer((request) => {
      if (request.path.startsWith('/api/v1/locations'))
        return jsonResponse(200, {
          items: [{ id: locationId, name: 'Pune warehouse', address: {} }],
          nextCursor: null,
        });
      if (request.path.startsWith('/api/v1/inventory?'))
        return jsonResponse(200, { items: [level], nextCursor: null });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<StockPage />);
    // No location chosen yet: the page shows the first one's stock, not an empty prompt.
    const table = await screen.findByRole('table', { name: 'Stock at the location' }, slow);
    expect(within(table).getByText('Low stock')).toBeInTheDocument();
    expect(server.calls.map((call) => call.path)).toContain(
      `/api/v1/inventory?limit=100&locationId=${locationId}`,
    );

    await user.click(screen.getByRole('tab', { name: 'Low stock' }));
    await screen.findByRole('table', { name: 'Low stock' }, slow);
    expect(server.calls.map((call) => call.path)).toContain(
      '/api/v1/inventory?limit=100&lowStock=true',
    );
  });
});
