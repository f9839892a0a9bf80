import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { bpsToPercentInput, percentInputToBps } from './rate-card-form';
import { RateCardsPage } from './rate-cards.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const slow = { timeout: 10_000 };
const zones = ['within_city', 'within_state', 'metro_to_metro', 'rest_of_india', 'special'];
const v1 = {
  id: '00000000-0000-4000-8000-00000000ca01',
  number: 1,
  effectiveFrom: '2000-01-01T00:00:00.000Z',
  status: 'in_force',
  basedOnId: null,
  note: 'Default card',
  createdAt: '2026-12-01T00:00:00.000Z',
};
const card = {
  ...v1,
  volumetricDivisor: 5000,
  fuelSurchargeBps: 1000,
  cod: { flatPaise: 3600, percentBps: 250 },
  services: [
    {
      serviceType: 'standard',
      label: 'Standard express',
      firstSlabGrams: 500,
      additionalSlabGrams: 500,
      slabs: Object.fromEntries(
        zones.map((zone, i) => [
          zone,
          { firstSlabPaise: 3800 + i * 1000, additionalSlabPaise: 3400 + i * 1000 },
        ]),
      ),
    },
  ],
  markupRules: [
    { brandId: null, partyType: null, percentBps: 1000, minimumPaise: 1000, brandName: null },
  ],
  metroCities: [
    { city: 'Mumbai', metro: 'Mumbai' },
    { city: 'Thane', metro: 'Mumbai' },
  ],
  specialRegions: [{ state: 'Assam', region: 'North-East' }],
};

function fakeServer(answerPost: () => Response) {
  const posts: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (request.method === 'POST') {
        posts.push((await request.json()) as Record<string, unknown>);
        return answerPost();
      }
      if (url.pathname === '/api/v1/admin/rate-cards')
        return jsonResponse(200, { items: [v1], nextCursor: null });
      return jsonResponse(200, card);
    }),
  );
  return posts;
}

describe('RateCardsPage', () => {
  it('shows the versions and the card in force: slabs, markup rules, metro list and special regions', async () => {
    fakeServer(() => jsonResponse(500, {}));
    renderWithProviders(<RateCardsPage />);
    expect(document.title).toMatch(/Rate cards/);
    const slabs = await screen.findByRole('table', { name: /Standard express/ }, slow);
    expect(within(slabs).getByRole('row', { name: /Metro to metro/ })).toHaveTextContent('₹58.00');
    expect(screen.getByRole('table', { name: /markup rules/ })).toHaveTextContent('Every brand');
    expect(screen.getByText('Mumbai:')).toBeInTheDocument();
    expect(screen.getByText('Thane')).toBeInTheDocument();
    expect(screen.getByText('North-East:')).toBeInTheDocument();
    const versions = screen.getByRole('table', { name: 'Versions, newest first' });
    expect(within(versions).getByRole('row', { name: /In force/ })).toHaveTextContent(
      'Default card',
    );
  });

  it('saves an edited copy as a new version based on the one shown', async () => {
    const posts = fakeServer(() =>
      jsonResponse(201, { ...card, id: crypto.randomUUID(), number: 2 }),
    );
    const user = userEvent.setup();
    renderWithProviders(<RateCardsPage />);
    await user.click(
      await screen.findByRole('button', { name: 'New version from version 1' }, slow),
    );
    const dialog = await screen.findByRole('dialog');
    const special = within(dialog).getByLabelText('Standard express, Special region, first slab');
    await user.clear(special);
    await user.type(special, '99.50');
    await user.clear(within(dialog).getByLabelText('Fuel surcharge (%)'));
    await user.type(within(dialog).getByLabelText('Fuel surcharge (%)'), '12.5');
    await user.type(within(dialog).getByLabelText('Note'), 'Fuel revised');
    await user.click(within(dialog).getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    const body = posts[0] as {
      services: Array<{ slabs: Record<string, { firstSlabPaise: number }> }>;
      [key: string]: unknown;
    };
    expect(body).toMatchObject({
      basedOnId: v1.id,
      note: 'Fuel revised',
      fuelSurchargeBps: 1250,
      cod: { flatPaise: 3600, percentBps: 250 },
      metroCities: card.metroCities,
      specialRegions: card.specialRegions,
    });
    expect(body.services[0]?.slabs.special?.firstSlabPaise).toBe(9950);
    expect(body).not.toHaveProperty('effectiveFrom');
  });

  it('shows the server’s refusal field by field and keeps the dialog open', async () => {
    fakeServer(() =>
      jsonResponse(400, {
        type: 'https://spareflow.in/problems/rate-card-invalid',
        title: 'Rate card invalid',
        status: 400,
        code: 'RATE_CARD_INVALID',
        requestId: 'r1',
        errors: [
          {
            path: 'body.services.0.slabs.special.firstSlabPaise',
            message:
              "Must not be less than rest_of_india's (6800 paise): a farther zone never costs less.",
          },
        ],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<RateCardsPage />);
    await user.click(
      await screen.findByRole('button', { name: 'New version from version 1' }, slow),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save as new version' }));
    const field = within(dialog).getByLabelText('Standard express, Special region, first slab');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/a farther zone never costs less/),
    );
    expect(within(dialog).getByText('Not saved: fix these first')).toBeInTheDocument();
  });
});

describe('percentages typed in the editor', () => {
  it('convert exactly to basis points and back', () => {
    expect(percentInputToBps('12.5')).toBe(1250);
    expect(percentInputToBps('18')).toBe(1800);
    expect(percentInputToBps('0.05')).toBe(5);
    expect(percentInputToBps('2.5%')).toBe(250);
    expect(percentInputToBps('1.234')).toBeNull();
    expect(percentInputToBps('ten')).toBeNull();
    for (const bps of [0, 5, 250, 1000, 1250, 1800, 10000])
      expect(percentInputToBps(bpsToPercentInput(bps))).toBe(bps);
  });
});
