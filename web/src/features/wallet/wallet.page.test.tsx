import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capabilitiesFor, fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { WalletPage } from './wallet.page';

const me = vi.hoisted(() => ({ role: 'owner' }));
vi.mock('../../session/session-context', () => ({
  useMe: () => ({
    user: { id: 'u1', name: 'Asha Rao', email: 'asha@example.in' },
    organization: { id: 'o1', type: 'brand', name: 'Acme' },
    role: me.role,
    memberships: [],
    capabilities: capabilitiesFor('brand', me.role),
  }),
}));

beforeEach(() => {
  me.role = 'owner';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const slow = { timeout: 10_000 };
const wallet = {
  balancePaise: 1_23_456_78,
  heldPaise: 30_000_00,
  availablePaise: 93_456_78,
  lowBalanceThresholdPaise: 50_000,
};
const line = (id: number, type: string, amountPaise: number, balanceAfterPaise: number) => ({
  id,
  type,
  amountPaise,
  balanceAfterPaise,
  reference: `${type}:${id}`,
  // Descriptions sort the other way round from time: the statement must follow time.
  description: type === 'topup' ? 'Added through Razorpay' : 'Charge for shipment:77',
  createdAt: type === 'topup' ? '2026-12-01T04:00:00.000Z' : '2026-12-01T04:30:00.000Z',
});

const party = { name: 'Acme', gstin: null, stateCode: '27', state: 'Maharashtra', address: null };
const voucher = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 'RV/26-27/000007',
  kind: 'receipt_voucher',
  financialYear: '2026-27',
  issuedAt: '2026-12-01T04:30:00.000Z',
  organizationId: 'o1',
  supplier: { ...party, name: 'SpareFlow', gstin: '29AAECS0000A1Z8', sandbox: true },
  recipient: party,
  placeOfSupply: { stateCode: '27', state: 'Maharashtra' },
  sac: '996812',
  description: 'Advance for courier services',
  source: { type: 'topup', id: 't1' },
  taxablePaise: 0,
  cgstPaise: 0,
  sgstPaise: 0,
  igstPaise: 0,
  totalPaise: 1_23_634_78,
  amountInWords: 'Rupees …',
  paymentReference: 'pay_X',
};

/** The fake API of the page; returns the statement queries and the bodies of PUTs it received. */
function serve() {
  const queries: URLSearchParams[] = [];
  const invoiceQueries: URLSearchParams[] = [];
  const puts: unknown[] = [];
  fakeServer((request) => {
    const url = new URL(request.path, 'http://localhost');
    if (url.pathname === '/api/v1/wallet') return jsonResponse(200, wallet);
    if (url.pathname === '/api/v1/wallet/transactions') {
      queries.push(url.searchParams);
      const items = url.searchParams.get('type')
        ? []
        : [line(2, 'charge', -17_700, 1_23_456_78), line(1, 'topup', 1_23_634_78, 1_23_634_78)];
      return jsonResponse(200, { items, nextCursor: null });
    }
    if (url.pathname === '/api/v1/invoices') {
      invoiceQueries.push(url.searchParams);
      return jsonResponse(200, { items: [voucher], nextCursor: null });
    }
    if (url.pathname === '/api/v1/wallet/low-balance-threshold' && request.method === 'PUT') {
      puts.push(request.body);
      return jsonResponse(200, { ...wallet, ...(request.body as object) });
    }
    return undefined;
  });
  return { queries, invoiceQueries, puts };
}

describe('WalletPage', () => {
  it('shows balance, held and available, and the statement with the balance after each line', async () => {
    serve();
    renderWithProviders(<WalletPage />);
    expect(await screen.findByTestId('wallet-Balance')).toHaveTextContent('₹1,23,456.78');
    expect(screen.getByTestId('wallet-Held')).toHaveTextContent('₹30,000.00');
    expect(screen.getByTestId('wallet-Available')).toHaveTextContent('₹93,456.78');
    const table = await screen.findByRole('table', { name: 'Wallet statement' }, slow);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Charge for shipment:77');
    expect(rows[1]).toHaveTextContent('Shipping charge');
    expect(rows[1]).toHaveTextContent('−₹177.00');
    expect(rows[1]).toHaveTextContent('₹1,23,456.78');
    expect(rows[2]).toHaveTextContent('+₹1,23,634.78');
    expect(document.title).toMatch(/^Wallet/);
  });

  it('filters by type and IST days, and says when nothing matches', async () => {
    const { queries } = serve();
    renderWithProviders(<WalletPage />);
    await screen.findByRole('table', { name: 'Wallet statement' }, slow);
    const typeInput = screen
      .getAllByLabelText('Type')
      .find((element) => element.tagName === 'INPUT');
    await userEvent.click(typeInput!);
    await userEvent.click(
      await screen.findByRole('option', { name: 'Refund', hidden: true }, slow),
    );
    await userEvent.type(screen.getByLabelText('From (IST)'), '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No lines match the filters', {}, slow)).toBeInTheDocument();
    const last = queries.at(-1);
    expect(last?.get('type')).toBe('refund');
    expect(last?.get('from')).toBe('2026-12-01T00:00:00.000+05:30');
  });

  it('owners set the low-balance alert in rupees; the API gets paise', async () => {
    const { puts } = serve();
    renderWithProviders(<WalletPage />);
    const field = await screen.findByLabelText(/Alert me when available money falls to/, {}, slow);
    expect(field).toHaveValue('500.00');
    await userEvent.clear(field);
    await userEvent.type(field, '₹1,250.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    await waitFor(() => expect(puts).toEqual([{ lowBalanceThresholdPaise: 1_250_50 }]));
    // The form remounts with the saved value.
    const saved = await screen.findByDisplayValue('1250.50', {}, slow);
    await userEvent.clear(saved);
    await userEvent.type(saved, 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    expect(await screen.findByText(/Enter an amount in rupees/)).toBeInTheDocument();
    expect(puts).toHaveLength(1);
  });

  it('a viewer reads the wallet but is not offered the alert setting', async () => {
    me.role = 'viewer';
    serve();
    renderWithProviders(<WalletPage />);
    await screen.findByRole('table', { name: 'Wallet statement' }, slow);
    expect(screen.queryByLabelText(/Alert me when/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });

  it('lists the receipt vouchers of top-ups under the statement', async () => {
    const { invoiceQueries } = serve();
    renderWithProviders(<WalletPage />);
    const vouchers = await screen.findByRole('table', { name: 'Receipt vouchers' }, slow);
    expect(within(vouchers).getByText('RV/26-27/000007')).toBeInTheDocument();
    expect(invoiceQueries.at(-1)?.get('kind')).toBe('receipt_voucher');
  });

  it('offers Top up to those who may top up, not to a viewer', async () => {
    serve();
    const { unmount } = renderWithProviders(<WalletPage />);
    expect(await screen.findByRole('button', { name: 'Top up' }, slow)).toBeInTheDocument();
    unmount();
    me.role = 'viewer';
    renderWithProviders(<WalletPage />);
    await screen.findByRole('table', { name: 'Wallet statement' }, slow);
    expect(screen.queryByRole('button', { name: 'Top up' })).not.toBeInTheDocument();
  });
});
