import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { saveBlob } from '../imports/authorised-http';
import type * as AuthorisedHttp from '../imports/authorised-http';
import { InvoiceList } from './invoice-list';
import { InvoicesPage } from './invoices.page';

// The PDF download is checked by what it saves, not by a browser's download.
vi.mock('../imports/authorised-http', async (original) => ({
  ...(await original<typeof AuthorisedHttp>()),
  saveBlob: vi.fn(),
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const party = { name: 'x', gstin: null, stateCode: '29', state: 'Karnataka', address: null };
function invoice(
  id: string,
  number: string,
  kind: 'tax_invoice' | 'receipt_voucher',
  issuedAt: string,
  totalPaise: number,
) {
  return {
    id,
    number,
    kind,
    financialYear: '2026-27',
    issuedAt,
    organizationId: '0b6d1a3e-2f4c-4d5e-8f90-a1b2c3d4e5f6',
    supplier: { ...party, gstin: '29AAECS0000A1Z8', address: 'Bengaluru', sandbox: true },
    recipient: party,
    placeOfSupply: { stateCode: '29', state: 'Karnataka' },
    sac: '996812',
    description: 'Courier services',
    source: { type: kind === 'tax_invoice' ? 'shipment' : 'topup', id: 's1' },
    taxablePaise: 0,
    cgstPaise: 0,
    sgstPaise: 0,
    igstPaise: 0,
    totalPaise,
    amountInWords: 'Rupees …',
    paymentReference: null,
  };
}

const voucher = invoice(
  '11111111-1111-4111-8111-111111111111',
  'RV/26-27/000001',
  'receipt_voucher',
  '2026-12-01T04:30:00.000Z',
  10_00_000_00,
);
const taxInvoice = invoice(
  '22222222-2222-4222-8222-222222222222',
  'SF/26-27/000002',
  'tax_invoice',
  '2026-12-05T04:30:00.000Z',
  1_457_969,
);

function server() {
  return fakeServer((request) => {
    if (request.path.endsWith('/pdf'))
      return new Response('%PDF-1.3 test', { headers: { 'content-type': 'application/pdf' } });
    if (!request.path.startsWith('/api/v1/invoices')) return undefined;
    const kind = new URL(request.path, location.origin).searchParams.get('kind');
    const items = [taxInvoice, voucher].filter((item) => !kind || item.kind === kind);
    return jsonResponse(200, { items, nextCursor: null });
  });
}

describe('InvoicesPage', () => {
  it('lists number, date, type and amount, newest first, and filters by type on the server', async () => {
    const { calls } = server();
    const user = userEvent.setup();
    renderWithProviders(<InvoicesPage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Invoices' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toMatch(/^Invoices/));
    const table = await screen.findByRole('table', { name: 'Invoices' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/SF\/26-27\/000002.*05 Dec 2026.*Tax invoice.*₹14,579\.69/),
      expect.stringMatching(/RV\/26-27\/000001.*01 Dec 2026.*Receipt voucher.*₹10,00,000\.00/),
    ]);
    expect(within(table).getAllByText('Sandbox')).toHaveLength(2);

    await user.click(screen.getByRole('radio', { name: 'Receipt vouchers' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Invoices' })).getAllByRole('row'),
      ).toHaveLength(2),
    );
    expect(calls.map((call) => call.path)).toContain(
      '/api/v1/invoices?kind=receipt_voucher&limit=200',
    );
  });

  it('downloads the PDF of an invoice under its number', async () => {
    const { calls } = server();
    const saved = vi.mocked(saveBlob);
    saved.mockClear();
    const user = userEvent.setup();
    renderWithProviders(<InvoiceList />);

    await user.click(
      await screen.findByRole('button', { name: 'Download PDF of SF/26-27/000002' }),
    );
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(saved.mock.calls[0]?.[1]).toBe('SF-26-27-000002.pdf');
    expect(calls.at(-1)?.path).toBe(`/api/v1/invoices/${taxInvoice.id}/pdf`);
  });

  it('says what will appear when there is nothing yet', async () => {
    fakeServer(() => jsonResponse(200, { items: [], nextCursor: null }));
    renderWithProviders(<InvoiceList filters={{ kind: 'receipt_voucher' }} />);
    expect(await screen.findByText('No invoices yet')).toBeInTheDocument();
  });
});
