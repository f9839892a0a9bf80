import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capabilitiesFor } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LedgerPage } from './ledger.page';

vi.mock('../../session/session-context', () => ({
  useMe: () => ({
    user: { id: 'u1', name: 'Priya Admin', email: 'admin@example.in' },
    organization: { id: 'p1', type: 'platform', name: 'SpareFlow Platform' },
    role: 'owner',
    memberships: [],
    capabilities: capabilitiesFor('platform', 'owner'),
  }),
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const slow = { timeout: 10_000 };
const brand = {
  id: '3d6c1b2a-4e5f-4a7b-8c9d-0e1f2a3b4c5d',
  type: 'brand',
  name: 'Kaveri Home Appliances',
  status: 'active',
  createdAt: '2026-10-01T05:00:00.000Z',
};
const accounts = (drift: number) => ({
  accounts: [
    {
      kind: 'wallet_available',
      label: 'Wallets: available',
      normalBalance: 'credit',
      balancePaise: 1_00_000_00,
      entries: 12,
    },
    {
      kind: 'gateway_clearing',
      label: 'Gateway clearing (owed by Razorpay)',
      normalBalance: 'debit',
      balancePaise: 1_20_000_00,
      entries: 9,
    },
  ],
  wallets: 3,
  reconciliation: {
    checkedAccounts: 6,
    driftAccounts: drift,
    unbalancedPostings: 0,
    ledgerTotalPaise: 0,
    drift,
    checkedAt: '2026-12-07T05:00:00.000Z',
  },
});

function serve(drift = 0) {
  const posts: Array<{ path: string; key: string | null; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      if (input.method === 'POST') {
        const body = (await input.json()) as Record<string, unknown>;
        posts.push({ path: url.pathname, key: input.headers.get('idempotency-key'), body });
        return jsonResponse(201, {
          postingId: 7,
          organizationId: brand.id,
          direction: 'credit',
          amountPaise: 150_000,
          balancePaise: 1_01_500_00,
          availablePaise: 1_01_500_00,
          description: 'Manual credit by SpareFlow: Goodwill',
        });
      }
      if (url.pathname === '/api/v1/admin/ledger/accounts')
        return jsonResponse(200, accounts(drift));
      if (url.pathname === '/api/v1/admin/organizations')
        return jsonResponse(200, { items: [brand], nextCursor: null });
      return jsonResponse(404, { status: 404, code: 'NOT_FOUND' });
    }),
  );
  return posts;
}

describe('LedgerPage', () => {
  it('shows the accounts on their normal side and the reconciler’s verdict', async () => {
    serve();
    renderWithProviders(<LedgerPage />);
    const table = await screen.findByRole('table', { name: 'Ledger accounts' }, slow);
    expect(within(table).getByText('Gateway clearing (owed by Razorpay)')).toBeInTheDocument();
    expect(within(table).getByText('₹1,20,000.00')).toBeInTheDocument();
    expect(screen.getByText('No drift')).toBeInTheDocument();
    expect(document.title).toMatch(/^Ledger/);
  });

  it('says so loudly when the reconciler finds drift', async () => {
    serve(2);
    renderWithProviders(<LedgerPage />);
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(
      '2 wallet accounts differ from their entries',
    );
  });

  it('posts a manual credit with a reason, in paise, with the dialog’s Idempotency-Key; no reason, no post', async () => {
    const posts = serve();
    const user = userEvent.setup();
    renderWithProviders(<LedgerPage />);
    await user.click(await screen.findByRole('button', { name: 'Adjust a wallet' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Adjust a wallet' });
    const organization = within(dialog)
      .getAllByLabelText('Organization')
      .find((element) => element.tagName === 'INPUT');
    await user.click(organization!);
    await user.click(await screen.findByRole('option', { name: brand.name, hidden: true }, slow));
    await user.type(within(dialog).getByLabelText('Amount (₹)'), '1,500');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));
    expect(await within(dialog).findByText(/Say why/)).toBeInTheDocument();
    expect(posts).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Reason'), 'Goodwill');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/v1/admin/wallets/${brand.id}/adjustments`,
      key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      body: { direction: 'credit', amountPaise: 150_000, reason: 'Goodwill' },
    });
  });
});
