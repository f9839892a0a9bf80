import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PartDetailPage } from './part-detail.page';

const session = vi.hoisted(() => ({ type: 'brand' }));
vi.mock('../../session/session-context', () => ({
  useMe: () => meOf(session.type, 'manager'),
}));

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const id = '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
const newer = '4f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
const detail = {
  id,
  brandId: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partNumber: 'CMP-15',
  name: 'Compressor 1.5 ton',
  description: 'Rotary compressor',
  category: 'Compressors',
  hsnCode: '84143000',
  gstRatePercent: 28,
  unitPricePaise: 1234550,
  mrpPaise: 1500000,
  weightGrams: 9500,
  lengthCm: 30,
  widthCm: 25,
  heightCm: 40,
  compatibleModels: ['AC-183', 'AC-243'],
  status: 'discontinued',
  supersededByPartId: newer,
  createdAt: '2026-11-26T03:00:00.000Z',
  updatedAt: '2026-11-26T03:00:00.000Z',
  substitutes: [
    { id: '5f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f', partNumber: 'CMP-15R', name: 'Refurb' },
  ],
  supersededBy: { id: newer, partNumber: 'CMP-16', name: 'Compressor 1.6 ton' },
  supersessionChain: [{ id: newer, partNumber: 'CMP-16' }],
  images: [],
};

// A busy CI machine renders slowly: generous timeouts, the assertions stay exact.
describe('PartDetailPage', { timeout: 30_000 }, () => {
  it('shows prices in ₹, GST, HSN, weight, models, supersession and substitutes', async () => {
    session.type = 'brand';
    fakeServer((request) =>
      request.path === `/api/v1/parts/${id}` ? jsonResponse(200, detail) : undefined,
    );
    renderWithProviders(<PartDetailPage />, {
      path: `/catalog/parts/${id}`,
      route: '/catalog/parts/:id',
    });
    expect(
      await screen.findByRole('heading', { name: 'CMP-15', level: 1 }, slow),
    ).toBeInTheDocument();
    expect(screen.getByText('₹12,345.50')).toBeInTheDocument();
    expect(screen.getByText('₹15,000.00')).toBeInTheDocument();
    expect(screen.getByText('28%')).toBeInTheDocument();
    expect(screen.getByText('84143000')).toBeInTheDocument();
    expect(screen.getByText('9.5 kg')).toBeInTheDocument();
    expect(screen.getByText('AC-243')).toBeInTheDocument();
    expect(screen.getByText('Discontinued')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CMP-16' })).toHaveAttribute(
      'href',
      `/catalog/parts/${newer}`,
    );
    expect(screen.getByText(/Replaced by/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CMP-15R' })).toBeInTheDocument();
    for (const action of ['Edit part', 'Supersede', 'Substitutes', 'Upload image'])
      expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
  });

  it('offers no editing to partners', async () => {
    session.type = 'service_center';
    fakeServer(() => jsonResponse(200, detail));
    renderWithProviders(<PartDetailPage />, {
      path: `/catalog/parts/${id}`,
      route: '/catalog/parts/:id',
    });
    await screen.findByRole('heading', { name: 'CMP-15', level: 1 }, slow);
    expect(screen.queryByRole('button', { name: 'Edit part' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload image' })).not.toBeInTheDocument();
  });

  it('uploads the raw image with its type and explains a 413', async () => {
    session.type = 'brand';
    const server = fakeServer(() => jsonResponse(200, detail));
    // fakeServer reads bodies as JSON; image uploads are answered (and kept) here.
    const uploads: Request[] = [];
    vi.stubGlobal('fetch', async (input: Request) => {
      if (input.method !== 'POST') return server.fetch(input);
      uploads.push(input);
      return jsonResponse(413, { status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Too large' });
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<PartDetailPage />, {
      path: `/catalog/parts/${id}`,
      route: '/catalog/parts/:id',
    });
    await screen.findByRole('heading', { name: 'CMP-15', level: 1 }, slow);
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(input!, new File(['png'], 'big.png', { type: 'image/png' }));
    expect(
      await screen.findByText(
        'The image is larger than 5 MB. Choose a smaller file.',
        undefined,
        slow,
      ),
    ).toBeInTheDocument();
    expect(uploads[0]?.url).toBe(`${location.origin}/api/v1/parts/${id}/images`);
    expect(uploads[0]?.headers.get('content-type')).toBe('image/png');
  });
});
