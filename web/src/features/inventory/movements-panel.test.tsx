import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MovementsPanel } from './movements-panel';

vi.mock('../../session/session-context', () => ({ useMe: () => meOf('brand', 'manager') }));

afterEach(() => {
  vi.unstubAllGlobals();
});

const part = {
  id: '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  partNumber: 'CMP-15',
  name: 'Compressor',
};
const location = { id: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f', name: 'Pune Central', city: 'Pune' };

const movement = (id: number, fields: Record<string, unknown>) => ({
  id,
  locationId: location.id,
  partId: part.id,
  part,
  location,
  kind: 'adjustment',
  onHandDelta: 0,
  reservedDelta: 0,
  inTransitDelta: 0,
  reason: null,
  note: null,
  referenceType: null,
  referenceId: null,
  unitCostPaise: null,
  createdAt: '2026-11-26T03:00:00.000Z',
  ...fields,
});

const actor = (kind: string, id: string | null, name: string | null) => ({
  kind,
  id,
  name,
  userId: kind === 'user' ? id : null,
  apiKeyId: kind === 'api_key' ? id : null,
});

describe('MovementsPanel', { timeout: 30_000 }, () => {
  it('reads like the business: names, part numbers, locations with city, kinds and reasons in words', async () => {
    fakeServer((request) => {
      if (request.path.startsWith('/api/v1/inventory/movements'))
        return jsonResponse(200, {
          items: [
            movement(4, {
              kind: 'adjustment',
              reason: 'receipt',
              onHandDelta: 10,
              unitCostPaise: 15_000,
              actor: actor('user', '11111111-2222-4333-8444-555555555555', 'Anita Rao'),
            }),
            movement(3, {
              kind: 'import',
              reason: 'count_correction',
              onHandDelta: -2,
              actor: actor('api_key', '21111111-2222-4333-8444-555555555555', 'ERP sync key'),
            }),
            movement(2, {
              kind: 'transfer_out',
              onHandDelta: -1,
              actor: actor('user', '31111111-2222-4333-8444-555555555555', null),
            }),
            movement(1, {
              kind: 'reservation',
              reservedDelta: 1,
              actor: actor('system', null, null),
            }),
          ],
          nextCursor: null,
        });
      if (request.path.startsWith('/api/v1/locations'))
        return jsonResponse(200, { items: [], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<MovementsPanel />);
    const table = await screen.findByRole('table', { name: 'Stock movements' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const [receipt, imported, transfer, reservation] = rows.map((row) => within(row));
    expect(receipt?.getByText('Adjustment')).toBeInTheDocument();
    expect(receipt?.getByText('Receipt')).toBeInTheDocument();
    expect(receipt?.getByText('CMP-15')).toBeInTheDocument();
    expect(receipt?.getByText('Compressor')).toBeInTheDocument();
    expect(receipt?.getByText('Pune Central')).toBeInTheDocument();
    expect(receipt?.getByText('Pune')).toBeInTheDocument();
    expect(receipt?.getByText('Anita Rao')).toBeInTheDocument();
    expect(receipt?.getByText('₹150.00 a unit')).toBeInTheDocument();
    expect(imported?.getByText('CSV import')).toBeInTheDocument();
    expect(imported?.getByText('Count correction')).toBeInTheDocument();
    expect(imported?.getByText('ERP sync key (API key)')).toBeInTheDocument();
    expect(transfer?.getByText('Transfer out')).toBeInTheDocument();
    expect(transfer?.getByText('Someone not in your team')).toBeInTheDocument();
    expect(reservation?.getByText('Reserved')).toBeInTheDocument();
    expect(reservation?.getByText('SpareFlow')).toBeInTheDocument();
    // No ids or codes reach the page.
    expect(table.textContent).not.toMatch(/Staff …|API key …|Part …|transfer_out|count_correction/);
  });
});
