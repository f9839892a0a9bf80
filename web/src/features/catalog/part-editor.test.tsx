import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PartEditorDialog } from './part-editor-dialog';

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const saved = {
  id: '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  brandId: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partNumber: 'CMP-1.5T',
  name: 'Compressor 1.5 ton',
  description: null,
  category: null,
  hsnCode: '84143000',
  gstRatePercent: null,
  unitPricePaise: 149929,
  mrpPaise: 150000,
  weightGrams: 9500,
  lengthCm: 30,
  widthCm: 25,
  heightCm: 40,
  compatibleModels: ['AC-183'],
  status: 'active',
  supersededByPartId: null,
  createdAt: '2026-11-26T03:00:00.000Z',
  updatedAt: '2026-11-26T03:00:00.000Z',
};

async function fillForm(dialog: HTMLElement, user: ReturnType<typeof userEvent.setup>) {
  const field = (label: RegExp) => within(dialog).getByLabelText(label);
  await user.type(field(/^Part number/), 'CMP-1.5T');
  await user.type(field(/^Name/), 'Compressor 1.5 ton');
  await user.type(field(/^HSN code/), '841430');
  await user.type(field(/^Unit price/), '1499.29');
  await user.type(field(/^MRP/), '1,500');
  await user.type(field(/^Weight/), '9500');
  await user.type(field(/^Length/), '30');
  await user.type(field(/^Width/), '25');
  await user.type(field(/^Height/), '40');
  await user.type(field(/^Compatible models/), 'AC-183{enter}');
}

// A busy CI machine types slowly: generous timeouts, the assertions stay exact.
describe('PartEditorDialog', { timeout: 30_000 }, () => {
  it('validates like the server and sends rupees as exact paise', async () => {
    const server = fakeServer((request) =>
      request.method === 'POST' ? jsonResponse(201, saved) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<PartEditorDialog />);
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add part' }, slow);

    await user.type(within(dialog).getByLabelText(/^HSN code/), '12345');
    await user.type(within(dialog).getByLabelText(/^Unit price/), '10.999');
    await user.click(within(dialog).getByRole('button', { name: 'Add part' }));
    expect(within(dialog).getByText('Enter the part number')).toBeInTheDocument();
    expect(within(dialog).getByText('An HSN code has 4, 6 or 8 digits')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Enter rupees with at most 2 decimals, like 1499.50'),
    ).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText(/^HSN code/));
    await user.clear(within(dialog).getByLabelText(/^Unit price/));
    await fillForm(dialog, user);
    await user.click(within(dialog).getByRole('button', { name: 'Add part' }));

    expect(await screen.findByText('CMP-1.5T was added.', undefined, slow)).toBeInTheDocument();
    expect(server.calls).toEqual([
      {
        method: 'POST',
        path: '/api/v1/parts',
        body: {
          partNumber: 'CMP-1.5T',
          name: 'Compressor 1.5 ton',
          hsnCode: '841430',
          unitPricePaise: 149929,
          mrpPaise: 150000,
          weightGrams: 9500,
          lengthCm: 30,
          widthCm: 25,
          heightCm: 40,
          compatibleModels: ['AC-183'],
          status: 'active',
        },
      },
    ]);
  });

  it('takes the GST rate as it is offered, "18%", and sends the slab 18', async () => {
    const server = fakeServer((request) =>
      request.method === 'POST' ? jsonResponse(201, { ...saved, gstRatePercent: 18 }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<PartEditorDialog />);
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add part' }, slow);
    await fillForm(dialog, user);
    // Typed as people write it: the list narrows to the one slab, which is then chosen.
    await user.type(within(dialog).getByLabelText(/^GST rate/), '18%');
    const eighteen = await screen.findByRole('option', { name: '18%', hidden: true }, slow);
    for (const other of ['0%', '5%', '28%'])
      expect(screen.queryByRole('option', { name: other, hidden: true })).toBeNull();
    await user.click(eighteen);
    await user.click(within(dialog).getByRole('button', { name: 'Add part' }));

    expect(await screen.findByText('CMP-1.5T was added.', undefined, slow)).toBeInTheDocument();
    expect(server.calls[0]?.body).toMatchObject({ gstRatePercent: 18, unitPricePaise: 149929 });
  });

  it('refuses an MRP below the unit price', async () => {
    fakeServer(() => undefined);
    const user = userEvent.setup();
    renderWithProviders(<PartEditorDialog />);
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add part' }, slow);
    await user.type(within(dialog).getByLabelText(/^Unit price/), '200');
    await user.type(within(dialog).getByLabelText(/^MRP/), '199.99');
    await user.click(within(dialog).getByRole('button', { name: 'Add part' }));
    expect(within(dialog).getByText('MRP cannot be below the unit price')).toBeInTheDocument();
  });

  it('shows 409 DUPLICATE_PART_NUMBER on the part number field', async () => {
    fakeServer(() =>
      jsonResponse(409, {
        status: 409,
        code: 'DUPLICATE_PART_NUMBER',
        detail: 'Part number CMP-1.5T already exists in your catalog.',
        errors: [{ path: 'body.partNumber', message: 'already exists in your catalog' }],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<PartEditorDialog />);
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add part' }, slow);
    await fillForm(dialog, user);
    await user.click(within(dialog).getByRole('button', { name: 'Add part' }));

    const partNumber = within(dialog).getByLabelText(/^Part number/);
    expect(
      await within(dialog).findByText('already exists in your catalog', undefined, slow),
    ).toBeInTheDocument();
    expect(partNumber).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits: sends only the changed fields, prices in paise', async () => {
    const server = fakeServer((request) =>
      request.method === 'PATCH'
        ? jsonResponse(200, { ...saved, unitPricePaise: 120000 })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<PartEditorDialog part={saved as never} />);
    await user.click(screen.getByRole('button', { name: 'Edit part' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit CMP-1.5T' }, slow);
    expect(within(dialog).getByLabelText(/^Unit price/)).toHaveValue('1499.29');
    await user.clear(within(dialog).getByLabelText(/^Unit price/));
    await user.type(within(dialog).getByLabelText(/^Unit price/), '1200');
    await user.clear(within(dialog).getByLabelText(/^MRP/));
    await user.click(within(dialog).getByRole('button', { name: 'Save part' }));
    expect(await screen.findByText('CMP-1.5T was saved.', undefined, slow)).toBeInTheDocument();
    expect(server.calls[0]).toEqual({
      method: 'PATCH',
      path: `/api/v1/parts/${saved.id}`,
      body: { unitPricePaise: 120000, mrpPaise: null },
    });
  });
});
