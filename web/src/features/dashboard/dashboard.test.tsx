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
      if (request.path.startsWith('/api/v1/inventory?') && request.path.includes('lowStock=true'))
        return list([{ onHand: 2, averageCostPaise: 50_000 }]);
      if (request.path.startsWith('/api/v1/inventory?'))
        return list([
          { onHand: 10, averageCostPaise: 12_345 },
          { onHand: 2, averageCostPaise: 50_000 },
        ]);
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
    // 10 × ₹123.45 + 2 × ₹500.00, at moving-average cost.
    expect(await screen.findByTestId('stat-Stock value')).toHaveTextContent('₹2,234.50');
    expect(screen.getByText('12 units on hand')).toBeInTheDocument();
    expect(await screen.findByTestId('stat-Low-stock lines')).toHaveTextContent('1');
    // Capabilities that do not exist yet show no figure at all, not a zero.
    expect(screen.queryByText(/wallet balance|shipments in transit/i)).not.toBeInTheDocument();
  });

  it('says "Unavailable" instead of a number when a figure cannot be loaded', async () => {
    fakeServer((request) => {
      if (request.path === '/api/v1/me') return jsonResponse(200, meOf('customer'));
      if (request.path === '/api/v1/team/members') return list([{}]);
      if (request.path.startsWith('/api/v1/locations?'))
        return jsonResponse(503, { status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'down' });
      return undefined;
    });
    await session.loadMe();
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByTestId('stat-Team members')).toHaveTextContent('1');
    expect(await screen.findByText('Unavailable')).toBeInTheDocument();
  });
});
