import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { QuotePage } from './quote.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const card = {
  id: '00000000-0000-4000-8000-00000000ca01',
  number: 1,
  effectiveFrom: '2000-01-01T00:00:00.000Z',
  status: 'in_force',
  basedOnId: null,
  note: '',
  createdAt: '2026-12-01T00:00:00.000Z',
  volumetricDivisor: 5000,
  fuelSurchargeBps: 1000,
  cod: { flatPaise: 3600, percentBps: 250 },
  services: [
    {
      serviceType: 'standard',
      label: 'Standard express',
      firstSlabGrams: 500,
      additionalSlabGrams: 500,
      slabs: {},
    },
    {
      serviceType: 'ground',
      label: 'Ground express',
      firstSlabGrams: 3000,
      additionalSlabGrams: 1000,
      slabs: {},
    },
  ],
  metroCities: [],
  specialRegions: [],
};

// The worked example of docs/pricing.md, as the server answers it.
const quote = {
  totalPaise: 31477,
  chargeableWeightGrams: 1200,
  billedWeightGrams: 1500,
  zone: 'metro_to_metro',
  zoneDetail: {
    zone: 'metro_to_metro',
    originCity: 'Mumbai',
    destinationCity: 'Chennai',
    originMetro: 'Mumbai',
    destinationMetro: 'Chennai',
    specialRegion: null,
  },
  serviceType: 'standard',
  boxes: [{ actualGrams: 1200, volumetricGrams: 1200, chargeableGrams: 1200 }],
  breakdown: [
    {
      code: 'freight_first_slab',
      label: 'Freight, Standard express, metro to metro: first 500 g',
      amountPaise: 6300,
    },
    {
      code: 'freight_additional_slabs',
      label: 'Freight: 2 × additional 500 g at ₹56',
      amountPaise: 11200,
    },
    { code: 'fuel_surcharge', label: 'Fuel surcharge: 10% of ₹175 freight', amountPaise: 1750 },
    {
      code: 'cod_fee',
      label: 'COD fee: ₹36 or 2.5% of ₹2,000, whichever is higher',
      amountPaise: 5000,
    },
    {
      code: 'platform_fee',
      label: 'Platform fee: 10% of ₹242.50, at least ₹10',
      amountPaise: 2425,
    },
    { code: 'gst', label: 'GST 18% (SAC 996812) on ₹266.75', amountPaise: 4802 },
  ],
  split: { freightPaise: 24250, marginPaise: 2425, gstPaise: 4802 },
  taxablePaise: 26675,
  rateCardVersion: { id: card.id, number: 1, effectiveFrom: card.effectiveFrom },
};

function fakeServer(answer: () => Response) {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/rates/card') return jsonResponse(200, card);
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}

async function fillExample(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/From PIN code/), '400001');
  await user.type(screen.getByLabelText(/To PIN code/), '600001');
  await user.type(screen.getByLabelText(/Cash on delivery/), '2,000');
  await user.type(screen.getByLabelText('Weight of box 1 (g)'), '1200');
  await user.type(screen.getByLabelText('Length of box 1 (cm)'), '30');
  await user.type(screen.getByLabelText('Width of box 1 (cm)'), '20');
  await user.type(screen.getByLabelText('Height of box 1 (cm)'), '10');
}

describe('QuotePage', () => {
  it('sends the shipment as typed and shows the breakdown line by line with zone, weight and version', async () => {
    const bodies = fakeServer(() => jsonResponse(200, quote));
    const user = userEvent.setup();
    renderWithProviders(<QuotePage />);
    expect(document.title).toMatch(/Shipping quote/);
    await fillExample(user);
    await user.click(screen.getByRole('button', { name: 'Get quote' }));

    const table = await screen.findByRole(
      'table',
      { name: 'Price breakdown' },
      { timeout: 10_000 },
    );
    expect(bodies).toEqual([
      {
        originPincode: '400001',
        destinationPincode: '600001',
        codAmountPaise: 200000,
        shipmentKind: 'forward',
        boxes: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 }],
      },
    ]);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 6 + 1);
    expect(within(table).getByText('GST 18% (SAC 996812) on ₹266.75')).toBeInTheDocument();
    expect(within(table).getByText('₹48.02')).toBeInTheDocument();
    expect(within(rows.at(-1) as HTMLElement).getByText('₹314.77')).toBeInTheDocument();
    expect(screen.getByText('Metro to metro')).toBeInTheDocument();
    expect(screen.getByText('1.2 kg (billed 1.5 kg)')).toBeInTheDocument();
    expect(screen.getByText(/Version 1, from/)).toBeInTheDocument();
  });

  it('puts the server’s field errors on the field: an unknown PIN on “To PIN code”', async () => {
    fakeServer(() =>
      jsonResponse(400, {
        type: 'https://spareflow.in/problems/unknown-pincode',
        title: 'Unknown PIN code',
        status: 400,
        code: 'UNKNOWN_PINCODE',
        detail: 'India Post has no PIN code 999999',
        requestId: 'r1',
        errors: [{ path: 'body.destinationPincode', message: 'India Post has no PIN code 999999' }],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<QuotePage />);
    await fillExample(user);
    await user.clear(screen.getByLabelText(/To PIN code/));
    await user.type(screen.getByLabelText(/To PIN code/), '999999');
    await user.click(screen.getByRole('button', { name: 'Get quote' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/To PIN code/)).toHaveAccessibleDescription(
        'India Post has no PIN code 999999',
      ),
    );
    expect(screen.queryByRole('table', { name: 'Price breakdown' })).not.toBeInTheDocument();
  });

  it('asks for the return reason of a return and sends it', async () => {
    const bodies = fakeServer(() => jsonResponse(200, { ...quote, payer: 'brand' }));
    const user = userEvent.setup();
    renderWithProviders(<QuotePage />);
    await fillExample(user);
    await user.click(screen.getByText('Return'));
    const reason = screen
      .getAllByLabelText(/Return reason/)
      .find((element) => element.tagName === 'INPUT');
    await user.click(reason as HTMLElement);
    await user.click(
      await screen.findByRole('option', { name: 'Defective part (brand pays)', hidden: true }),
    );
    await user.click(screen.getByRole('button', { name: 'Get quote' }));
    expect(await screen.findByText('The brand pays')).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ shipmentKind: 'reverse', returnReason: 'defective' });
  });
});
