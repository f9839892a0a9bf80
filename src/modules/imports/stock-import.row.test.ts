import { describe, expect, it } from 'vitest';
import { stockCsvExample } from './stock-csv-columns.js';
import { parseStockRow, resolveStockHeader } from './stock-import.row.js';

const locationId = '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';

describe('stock CSV rows', () => {
  it('reads the template’s example row, its cost in rupees', () => {
    expect(parseStockRow(stockCsvExample, 2, 'adjust')).toEqual({
      ok: true,
      value: {
        row: 2,
        locationId: null,
        locationName: 'Pune warehouse',
        partNumber: 'WM-DP-450',
        quantity: 25,
        unitCostPaise: 98_000,
        reason: 'receipt',
      },
    });
  });

  it('takes the unit cost in rupees or in paise, refusing the two disagreeing', () => {
    const row = { location_id: locationId, part_number: 'FR-1', quantity: '3' };
    const cost = (cells: Record<string, string>) => {
      const parsed = parseStockRow({ ...row, ...cells }, 2, 'adjust');
      return parsed.ok ? parsed.value.unitCostPaise : parsed.errors;
    };
    expect(cost({ unit_cost: '₹1,250.50' })).toBe(125_050);
    expect(cost({ unit_cost_paise: '125050' })).toBe(125_050);
    expect(cost({ unit_cost: '1250.50', unit_cost_paise: '125050' })).toBe(125_050);
    expect(cost({})).toBeNull();
    expect(cost({ unit_cost: '12.5', unit_cost_paise: '125' })).toEqual([
      expect.objectContaining({
        column: 'unit_cost',
        message: expect.stringContaining('disagree'),
      }),
    ]);
    expect(cost({ unit_cost_paise: '-5' })).toEqual([
      expect.objectContaining({ column: 'unit_cost_paise' }),
    ]);
    expect(cost({ unit_cost: '9.999' })).toEqual([
      expect.objectContaining({
        column: 'unit_cost',
        message: expect.stringContaining('decimals'),
      }),
    ]);
  });
});

describe('stock CSV header', () => {
  it('matches headers without regard to case, spaces, hyphens or underscores', () => {
    const resolved = resolveStockHeader(['Location Name', 'partNumber', 'QUANTITY', 'Unit-Cost']);
    expect(resolved.errors).toEqual([]);
    expect(resolved.keys).toEqual(['location_name', 'part_number', 'quantity', 'unit_cost']);
  });

  it('lists the expected columns for an unknown one and asks for a location column', () => {
    expect(resolveStockHeader(['part_number', 'qty']).errors).toEqual([
      {
        row: 1,
        column: 'qty',
        message:
          'unknown column "qty" (expected: location_id, location_name, part_number, quantity, unit_cost, unit_cost_paise, reason)',
      },
      { row: 1, column: 'quantity', message: 'required column is missing' },
      {
        row: 1,
        column: 'location_id',
        message: 'required column is missing (location_id, or location_name)',
      },
    ]);
  });
});
