import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AdjustmentDialog } from './adjustment-dialog';

vi.mock('../../session/session-context', () => ({ useMe: () => meOf('brand', 'manager') }));

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const locationId = '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
const partId = '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';

function server(adjustment: () => Response) {
  return fakeServer((request) => {
    if (request.path.startsWith('/api/v1/locations'))
      return jsonResponse(200, {
        items: [{ id: locationId, name: 'Pune warehouse', address: {} }],
        nextCursor: null,
      });
    if (request.path.startsWith('/api/v1/parts'))
      return jsonResponse(200, {
        items: [{ id: partId, partNumber: 'CMP-15', name: 'Compressor' }],
        nextCursor: null,
      });
    if (request.path === '/api/v1/inventory/adjustments') return adjustment();
    return undefined;
  });
}

/** The text input of a Mantine Select (its listbox shares the label). */
function selectInput(dialog: HTMLElement, label: string): HTMLElement {
  const input = within(dialog)
    .getAllByLabelText(new RegExp(`^${label}`))
    .find((element) => element.tagName === 'INPUT');
  if (!input) throw new Error(`No input labelled ${label}`);
  return input;
}

async function fill(user: ReturnType<typeof userEvent.setup>, quantity: string) {
  const dialog = await screen.findByRole('dialog', { name: 'Adjust stock' }, slow);
  await user.click(selectInput(dialog, 'Location'));
  await user.click(
    await screen.findByRole('option', { name: 'Pune warehouse', hidden: true }, slow),
  );
  await user.click(selectInput(dialog, 'Part'));
  await user.click(
    await screen.findByRole('option', { name: 'CMP-15 — Compressor', hidden: true }, slow),
  );
  await user.type(within(dialog).getByLabelText(/^Quantity change/), quantity);
  await user.click(selectInput(dialog, 'Reason'));
  await user.click(
    await screen.findByRole(
      'option',
      { name: quantity.startsWith('-') ? 'Damage' : 'Receipt', hidden: true },
      slow,
    ),
  );
  return dialog;
}

// A busy CI machine types slowly: generous timeouts, the assertions stay exact.
describe('AdjustmentDialog', { timeout: 30_000 }, () => {
  it('sends the adjustment with one Idempotency-Key per opening and the cost in paise', async () => {
    const fake = server(() =>
      jsonResponse(201, { movementId: 7, level: { onHand: 12, reserved: 0, available: 12 } }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AdjustmentDialog />);
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    const dialog = await fill(user, '12');
    await user.type(within(dialog).getByLabelText(/^Unit cost/), '450.35');
    await user.type(within(dialog).getByLabelText(/^Note/), 'GRN 4411');
    await user.click(within(dialog).getByRole('button', { name: 'Apply adjustment' }));

    expect(
      await screen.findByText('CMP-15 adjusted: 12 on hand, 12 available.', undefined, slow),
    ).toBeInTheDocument();
    const sent = fake.calls.filter((call) => call.path === '/api/v1/inventory/adjustments');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/inventory/adjustments',
        body: {
          locationId,
          partId,
          quantityDelta: 12,
          reason: 'receipt',
          note: 'GRN 4411',
          unitCostPaise: 45035,
        },
      },
    ]);
    const request = fake.fetch.mock.calls
      .map(([input]) => input as Request)
      .find((input) => input.url.endsWith('/api/v1/inventory/adjustments'));
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the key on a retry and shows INSUFFICIENT_STOCK on the quantity', async () => {
    const fake = server(() =>
      jsonResponse(409, {
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        detail: 'Not enough stock for every line; nothing was applied.',
        // The prose is not for parsing: the dialog reads the figures from `lines`.
        errors: [{ path: 'lines.0', message: 'prose the web app must not depend on' }],
        lines: [
          {
            line: 0,
            locationId,
            partId,
            counter: 'available',
            onHand: 3,
            reserved: 1,
            inTransit: 0,
            available: 2,
            requested: 5,
          },
        ],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AdjustmentDialog />);
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    const dialog = await fill(user, '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Apply adjustment' }));
    expect(
      await within(dialog).findByText(
        'Not enough stock: 2 available (on hand 3, reserved 1), 5 asked.',
        undefined,
        slow,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Quantity change/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply adjustment' }));
    await screen.findAllByText(/Not enough stock: 2 available/, undefined, slow);
    const keys = fake.fetch.mock.calls
      .map(([input]) => input as Request)
      .filter((input) => input.url.endsWith('/api/v1/inventory/adjustments'))
      .map((input) => input.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(fake.calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      quantityDelta: -5,
      reason: 'damage',
    });
  });

  it('opens blank every time: fill, close, open again shows no previous entry', async () => {
    server(() => jsonResponse(500, {}));
    const user = userEvent.setup();
    renderWithProviders(<AdjustmentDialog />);
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    let dialog = await fill(user, '7');
    await user.type(within(dialog).getByLabelText(/^Note/), 'Shelf B-4');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), slow);

    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    dialog = await screen.findByRole('dialog', { name: 'Adjust stock' }, slow);
    expect(selectInput(dialog, 'Location')).toHaveValue('');
    expect(selectInput(dialog, 'Part')).toHaveValue('');
    expect(selectInput(dialog, 'Reason')).toHaveValue('');
    expect(within(dialog).getByLabelText(/^Quantity change/)).toHaveValue('');
    expect(within(dialog).getByLabelText(/^Note/)).toHaveValue('');
    // Typing searches afresh (nothing mixed into an old label) and choosing keeps the choice.
    await user.type(selectInput(dialog, 'Part'), 'CMP');
    await user.click(
      await screen.findByRole('option', { name: 'CMP-15 — Compressor', hidden: true }, slow),
    );
    expect(selectInput(dialog, 'Part')).toHaveValue('CMP-15 — Compressor');
  });

  it('prefills the context it was opened from, names its × and focuses the first field', async () => {
    server(() => jsonResponse(500, {}));
    const user = userEvent.setup();
    renderWithProviders(
      <AdjustmentDialog
        locationId={locationId}
        part={{ id: partId, partNumber: 'CMP-15', name: 'Compressor' }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Adjust stock' }, slow);
    await waitFor(
      () => expect(selectInput(dialog, 'Location')).toHaveValue('Pune warehouse'),
      slow,
    );
    expect(selectInput(dialog, 'Part')).toHaveValue('CMP-15 — Compressor');
    expect(within(dialog).getByRole('button', { name: 'Close dialog' })).toBeInTheDocument();
    await waitFor(() => expect(selectInput(dialog, 'Location')).toHaveFocus(), slow);
  });

  it('sends a new Idempotency-Key for each opening', async () => {
    const fake = server(() =>
      jsonResponse(201, { movementId: 7, level: { onHand: 12, reserved: 0, available: 12 } }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AdjustmentDialog />);
    for (const quantity of ['12', '3']) {
      await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
      const dialog = await fill(user, quantity);
      await user.click(within(dialog).getByRole('button', { name: 'Apply adjustment' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), slow);
    }
    const keys = fake.fetch.mock.calls
      .map(([input]) => input as Request)
      .filter((input) => input.url.endsWith('/api/v1/inventory/adjustments'))
      .map((input) => input.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
