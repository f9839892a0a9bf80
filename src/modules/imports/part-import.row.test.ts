import { describe, expect, it } from 'vitest';
import {
  parsePartRow,
  partCsvColumns,
  partHeaderErrors,
  partToCsvRecord,
} from './part-import.row.js';

const good = {
  part_number: 'AC-100',
  name: 'Capacitor 35 µF',
  description: '',
  category: 'Electrical',
  hsn_code: '8532',
  gst_rate_percent: '0.25',
  unit_price_paise: '4500',
  mrp_paise: '',
  weight_grams: '80',
  length_cm: '6',
  width_cm: '4',
  height_cm: '4',
  compatible_models: ' AC-1T | | AC-1.5T ',
  status: '',
};

describe('parts CSV rows', () => {
  it('reads a row into a part (blank cells cleared, models split, status active)', () => {
    const parsed = parsePartRow(good, 2);
    expect(parsed).toEqual({
      ok: true,
      part: expect.objectContaining({
        description: null,
        mrpPaise: null,
        gstRateBasisPoints: 25,
        compatibleModels: ['AC-1T', 'AC-1.5T'],
        status: 'active',
      }),
    });
    if (parsed.ok) expect(parsePartRow(partToCsvRecord(parsed.part), 2)).toEqual(parsed);
  });

  it('reports every problem of a row with its row number and column', () => {
    const parsed = parsePartRow(
      { ...good, name: '', unit_price_paise: '1,000', gst_rate_percent: '1.8', mrp_paise: '10' },
      7,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => [error.row, error.column])).toEqual(
      expect.arrayContaining([
        [7, 'unit_price_paise'],
        [7, 'name'],
        [7, 'gst_rate_percent'],
      ]),
    );
  });

  it('checks the header: unknown, repeated and missing required columns', () => {
    expect(partHeaderErrors([...partCsvColumns])).toEqual([]);
    expect(partHeaderErrors(['part_number', 'name', 'name', 'colour'])).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'colour' }),
        expect.objectContaining({ row: 1, column: 'name', message: 'column appears twice' }),
        expect.objectContaining({ row: 1, column: 'weight_grams' }),
      ]),
    );
  });
});
