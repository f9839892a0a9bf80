import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { session } from '../../session/session-context';
import { DashboardPage } from './dashboard.page';

const list = (items: unknown[]) => jsonResponse(200, { items, nextCursor: null });
const partner = (status: string, index: number) => ({
  partnerId: `0b9f4a6e-0000-4000-8000-00000000000${index}`,
  name: `Partner ${index}`,
  type: 'service_center',
  status,
  since: '2026-11-01T05:30:00.000Z',
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DashboardPage', () => {
  it('shows a brand the figures its APIs return, and no figure it has no API for', async () => {
    const { calls } = fakeServer((request) => {
      if (request.path === '/api/v1/me') return jsonResponse(200, meOf('brand'));
      if (request.path.startsWith('/api/v1/locations?')) return list([{ id: 'l1' }, { id: 'l2' }]);
      if (request.path === '/api/v1/team/members') return list([{}, {}, {}]);
      if (request.path.startsWith('/api/v1/network/partners?'))
        return list([partner('active', 1), partner('active', 2), partner('pending', 3)]);
      if (request.path.startsWith('/api/v1/network/access-requests?')) return list([{ id: 'r1' }]);
      if (request.path === '/api/v1/wallet')
        return jsonResponse(200, {
          balancePaise: 1_50_000_00,
          heldPaise: 20_000_00,
          availablePaise: 1_30_000_00,
          lowBalanceThresholdPaise: 50_000,
        });
      if (request.path === '/api/v1/inventory/summary')
        return jsonResponse(200, {
          valuePaise: 223_450,
          costedValuePaise: 223_450,
          uncostedUnits: 0,
          uncostedValuePaise: 0,
          onHandUnits: 12,
          levels: 2,
          lowStockLines: 1,
        });
      return undefined;
    });
    await session.loadMe();
    renderWithProviders(<DashboardPage />);

    expect(await screen.findByTestId('stat-Active partners')).toHaveTextContent('2');
    expect(screen.getByText('1 pending')).toBeInTheDocument();
    expect(await screen.findByTestId('stat-Locations')).toHaveTextContent('2');
    expect(await screen.findByTestId('stat-Team members')).toHaveTextContent('3');
    expect(await screen.findByTestId('stat-Access requests to decide')).toHaveTextContent('1');
    expect(calls.some((call) => call.path.includes('status=pending'))).toBe(true);
    // The server's figure, as it sends it: no client-side sum over a first page of levels.
    expect(await screen.findByTestId('stat-Stock value')).toHaveTextContent('₹2,235');
    expect(screen.getByText('12 units on hand')).toBeInTheDocument();
    expect(calls.some((call) => call.path.startsWith('/api/v1/inventory?'))).toBe(false);
    expect(await screen.findByTestId('stat-Low-stock lines')).toHaveTextContent('1');
    // The wallet's figures as the API sends them.
    expect(await screen.findByTestId('stat-Wallet available')).toHaveTextContent('₹1,30,000');
    expect(screen.getByTestId('stat-Wallet held')).toHaveTextContent('₹20,000');
    // Capabilities that do not exist yet show no figure at all, not a zero.
    expect(screen.queryByText(/shipments in transit/i)).not.toBeInTheDocument();
  });

  it('says how many units are valued at list price because no receipt cost was recorded', async () => {
    fakeServer((request) => {
      if (request.path === '/api/v1/me') return jsonResponse(200, meOf('distributor', 'viewer'));
      if (request.path === '/api/v1/inventory/summary')
        return jsonResponse(200, {
          valuePaise: 1_23_45_600,
          costedValuePaise: 45_600,
          uncostedUnits: 1240,
          uncostedValuePaise: 1_23_00_000,
          onHandUnits: 1250,
          levels: 7,
          lowStockLines: 0,
        });
      return list([]);
    });
    await session.loadMe();
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByTestId('stat-Stock value')).toHaveTextContent('₹1,23,456');
    expect(
      screen.getByText('incl. 1,240 units at list price — no receipt cost recorded'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('stat-Low-stock lines')).toHaveTextContent('0');
    expect(screen.getByText(/count at the part’s list price/)).toBeInTheDocument();
  });

  it('says "Unavailable" instead of a number when a figure cannot be loaded', async () => {
    fakeServer((request) => {
      if (request.path === '/api/v1/me') return jsonResponse(200, meOf('customer'));
      if (request.path === '/api/v1/team/members') return list([{}]);
      if (request.path === '/api/v1/wallet')
        return jsonResponse(200, {
          balancePaise: 0,
          heldPaise: 0,
          availablePaise: 0,
          lowBalanceThresholdPaise: 50_000,
        });
      if (request.path.startsWith('/api/v1/locations?'))
        return jsonResponse(503, { status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'down' });
      return undefined;
    });
    await session.loadMe();
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByTestId('stat-Team members')).toHaveTextContent('1');
    expect(await screen.findByText('Unavailable')).toBeInTheDocument();
    // An empty wallet at or below its alert says so.
    expect(await screen.findByTestId('stat-Wallet available')).toHaveTextContent('₹0');
    expect(screen.getByText('Low: top up soon')).toBeInTheDocument();
  });
});
