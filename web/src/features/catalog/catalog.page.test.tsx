import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CatalogPage } from './catalog.page';

const session = vi.hoisted(() => ({ type: 'brand', role: 'manager' }));
vi.mock('../../session/session-context', () => ({
  useMe: () => meOf(session.type, session.role),
}));

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const part = (partNumber: string, name: string) => ({
  id: `3f1c7b3e-1d2a-4c5b-9e8f-${partNumber.padStart(12, '0')}`,
  brandId: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partNumber,
  name,
  description: null,
  category: 'Compressors',
  hsnCode: null,
  gstRatePercent: 18,
  unitPricePaise: 1234550,
  mrpPaise: null,
  weightGrams: 9500,
  lengthCm: 30,
  widthCm: 25,
  heightCm: 40,
  compatibleModels: [],
  status: 'active',
  supersededByPartId: null,
  createdAt: '2026-11-26T03:00:00.000Z',
  updatedAt: '2026-11-26T03:00:00.000Z',
});

// A busy CI machine types slowly: generous timeouts, the assertions stay exact.
describe('CatalogPage', { timeout: 30_000 }, () => {
  it('searches on the server with q and shows the ranked results in order', async () => {
    session.type = 'brand';
    const server = fakeServer((request) => {
      if (!request.path.startsWith('/api/v1/parts')) return undefined;
      const q = new URL(request.path, location.origin).searchParams.get('q');
      const items = q
        ? [part('200', 'Compressor relay'), part('100', 'Compressor 1.5 ton')]
        : [part('100', 'Compressor 1.5 ton')];
      return jsonResponse(200, { items, nextCursor: null });
    });
    const user = userEvent.setup();
    renderWithProviders(<CatalogPage />);
    const table = await screen.findByRole('table', { name: 'Parts' }, slow);
    expect(within(table).getByText('₹12,345.50')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add part' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search parts'), 'compresor');
    await waitFor(
      () =>
        expect(server.calls.map((call) => call.path)).toContain(
          '/api/v1/parts?limit=50&q=compresor',
        ),
      slow,
    );
    // Debounced: one search request for the whole word, not one per key.
    expect(server.calls.filter((call) => call.path.includes('q='))).toHaveLength(1);
    expect(await screen.findByText('Best matches first.', undefined, slow)).toBeInTheDocument();
    const links = within(screen.getByRole('table', { name: 'Parts' })).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['200', '100']);
  });

  it('asks a partner to choose a brand and browses its catalog with brandId', async () => {
    session.type = 'service_center';
    const brandId = '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
    const server = fakeServer((request) => {
      if (request.path.startsWith('/api/v1/network/partners'))
        return jsonResponse(200, {
          items: [
            { brandId, name: 'Voltas Cool', status: 'active', since: '2026-11-01T00:00:00Z' },
          ],
          nextCursor: null,
        });
      if (request.path.startsWith('/api/v1/parts'))
        return jsonResponse(200, { items: [], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<CatalogPage />);
    expect(await screen.findByText('No parts yet', undefined, slow)).toBeInTheDocument();
    expect(screen.getByDisplayValue('Voltas Cool')).toBeInTheDocument();
    expect(server.calls.map((call) => call.path)).toContain(
      `/api/v1/parts?limit=50&brandId=${brandId}`,
    );
    expect(screen.queryByRole('button', { name: 'Add part' })).not.toBeInTheDocument();
  });

  it('tells a partner without active brands where to find one', async () => {
    session.type = 'distributor';
    const server = fakeServer(() => jsonResponse(200, { items: [], nextCursor: null }));
    renderWithProviders(<CatalogPage />);
    expect(await screen.findByText('No brand catalogs yet', undefined, slow)).toBeInTheDocument();
    expect(server.calls.some((call) => call.path.startsWith('/api/v1/parts'))).toBe(false);
  });
});
