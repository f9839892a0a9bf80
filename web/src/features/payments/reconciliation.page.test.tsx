import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ReconciliationPage } from './reconciliation.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const serve = (body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse(200, body)),
  );

describe('ReconciliationPage', () => {
  it('lists each mismatch of the last run with its kind and Razorpay id', async () => {
    serve({
      runAt: '2026-12-07T02:30:00.000Z',
      mismatches: [
        {
          kind: 'credited_but_not_paid',
          topupId: '7b0c2f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
          refundId: null,
          gatewayId: 'pay_AbCdEfGhIjKlMn',
          detail: 'credited, but Razorpay shows no captured payment of this amount on the order',
        },
      ],
    });
    renderWithProviders(<ReconciliationPage />);
    expect(
      await screen.findByRole('table', { name: 'Mismatches with Razorpay' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Payments reconciliation' })).toBeInTheDocument();
    expect(screen.getByText('Credited but not paid')).toBeInTheDocument();
    expect(screen.getByText('pay_AbCdEfGhIjKlMn')).toBeInTheDocument();
    expect(screen.getByText(/Last run: /)).toBeInTheDocument();
  });

  it('says so when everything matches, and when it never ran', async () => {
    serve({ runAt: '2026-12-07T02:30:00.000Z', mismatches: [] });
    const first = renderWithProviders(<ReconciliationPage />);
    expect(await screen.findByText('Everything matches')).toBeInTheDocument();
    first.unmount();
    serve({ runAt: null, mismatches: [] });
    renderWithProviders(<ReconciliationPage />);
    expect(await screen.findByText('Not run yet')).toBeInTheDocument();
  });
});
