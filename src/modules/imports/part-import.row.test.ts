import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paiseToRupeesText } from '../../platform/validation/rupees.js';
import { partCsvExample } from './part-csv-columns.js';
import {
  parsePartRow,
  partCsvColumns,
  partToCsvRecord,
  resolvePartHeader,
} from './part-import.row.js';

const good = {
  part_number: 'AC-100',
  name: 'Capacitor 35 µF',
  description: '',
  category: 'Electrical',
  hsn_code: '8532',
  gst_rate_percent: '0.25',
  unit_price: '45',
  mrp: '',
  weight_grams: '80',
  length_cm: '6',
  width_cm: '4',
  height_cm: '4',
  compatible_models: ' AC-1T | | AC-1.5T ',
  status: '',
};

const errorsOf = (cells: Record<string, string>, row = 7) => {
  const parsed = parsePartRow(cells, row);
  return parsed.ok ? [] : parsed.errors;
};

describe('parts CSV rows', () => {
  it('reads a row into a part (blank cells cleared, models split, status active)', () => {
    const parsed = parsePartRow(good, 2);
    expect(parsed).toEqual({
      ok: true,
      part: expect.objectContaining({
        description: null,
        unitPricePaise: 4500,
        mrpPaise: null,
        gstRateBasisPoints: 25,
        compatibleModels: ['AC-1T', 'AC-1.5T'],
        status: 'active',
      }),
    });
    if (parsed.ok) expect(parsePartRow(partToCsvRecord(parsed.part), 2)).toEqual(parsed);
  });

  it('reads the template’s example row', () => {
    expect(parsePartRow(partCsvExample, 2)).toEqual({
      ok: true,
      part: expect.objectContaining({
        unitPricePaise: 125_000,
        mrpPaise: 149_900,
        gstRateBasisPoints: 1800,
      }),
    });
  });

  it.each([
    ['650', 65_000],
    ['1,250.50', 125_050],
    ['₹1,250', 125_000],
    ['Rs. 1,250', 125_000],
    ['1,25,000', 12_500_000],
  ])('reads the rupee price %j as %i paise', (unitPrice, paise) => {
    const parsed = parsePartRow({ ...good, unit_price: unitPrice }, 2);
    expect(parsed.ok && parsed.part.unitPricePaise).toBe(paise);
  });

  it.each(['18', '18%', '18.0', '18 %'])('reads the GST rate %j as the 18 per cent slab', (gst) => {
    const parsed = parsePartRow({ ...good, gst_rate_percent: gst }, 2);
    expect(parsed.ok && parsed.part.gstRateBasisPoints).toBe(1800);
  });

  it('takes prices in paise from integrators, alone or agreeing with the rupees', () => {
    const paiseOnly = { ...good, unit_price: '', unit_price_paise: '4500', mrp_paise: '5000' };
    expect(parsePartRow(paiseOnly, 2)).toMatchObject({
      ok: true,
      part: { unitPricePaise: 4500, mrpPaise: 5000 },
    });
    expect(parsePartRow({ ...good, unit_price_paise: '4500' }, 2).ok).toBe(true);
  });

  it('refuses rupees and paise that disagree, more than 2 decimals, misplaced commas', () => {
    expect(errorsOf({ ...good, unit_price: '45', unit_price_paise: '45' })).toEqual([
      {
        row: 7,
        column: 'unit_price',
        message: 'unit_price 45 (4500 paise) and unit_price_paise 45 disagree; give one of them',
      },
    ]);
    expect(errorsOf({ ...good, unit_price: '1,250.505' })).toEqual([
      expect.objectContaining({
        column: 'unit_price',
        message: expect.stringContaining('2 decimals'),
      }),
    ]);
    expect(errorsOf({ ...good, mrp: '1,50' })).toEqual([
      expect.objectContaining({ column: 'mrp', message: expect.stringContaining('commas') }),
    ]);
    expect(errorsOf({ ...good, mrp: '40' })).toEqual([
      { row: 7, column: 'mrp', message: 'the MRP must be at least the unit price' },
    ]);
  });

  it('names the price column the file has when the price is missing', () => {
    expect(errorsOf({ ...good, unit_price: '' })).toEqual([
      { row: 7, column: 'unit_price', message: 'is required' },
    ]);
    const { unit_price: _dropped, ...paiseFile } = good;
    expect(errorsOf({ ...paiseFile, unit_price_paise: '' })).toEqual([
      { row: 7, column: 'unit_price_paise', message: 'is required' },
    ]);
  });

  it('reports every problem of a row with its row number and column', () => {
    const errors = errorsOf({
      ...good,
      name: '',
      unit_price: 'abc',
      gst_rate_percent: '1.8',
      weight_grams: '1e3',
    });
    expect(errors.map((error) => [error.row, error.column])).toEqual(
      expect.arrayContaining([
        [7, 'unit_price'],
        [7, 'name'],
        [7, 'gst_rate_percent'],
        [7, 'weight_grams'],
      ]),
    );
    expect(errorsOf({ ...good, gst_rate_percent: 'eighteen' })).toEqual([
      { row: 7, column: 'gst_rate_percent', message: 'must be a GST rate such as 18, 18% or 0.25' },
    ]);
  });

  it('export → import keeps every price exact', () => {
    const parsed = parsePartRow(good, 2);
    if (!parsed.ok) throw new Error('the base row must parse');
    fc.assert(
      fc.property(
        // The schema's ceiling is 1e13 paise for the MRP too.
        fc.integer({ min: 0, max: 1e13 - 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (unitPricePaise, margin) => {
          const part = { ...parsed.part, unitPricePaise, mrpPaise: unitPricePaise + margin };
          const record = partToCsvRecord(part);
          expect(record.unit_price).toBe(paiseToRupeesText(unitPricePaise));
          expect(parsePartRow(record, 2)).toEqual({ ok: true, part });
        },
      ),
    );
  });
});

describe('parts CSV header', () => {
  it('accepts the export’s columns, camelCase field names and labels alike', () => {
    expect(resolvePartHeader([...partCsvColumns]).errors).toEqual([]);
    const labels = resolvePartHeader([
      'Part Number',
      'NAME',
      'unitPricePaise',
      'Weight-Grams',
      'lengthCm',
      'width cm',
      'HEIGHT_CM',
      'gstRatePercent',
    ]);
    expect(labels.errors).toEqual([]);
    expect(labels.keys).toEqual([
      'part_number',
      'name',
      'unit_price_paise',
      'weight_grams',
      'length_cm',
      'width_cm',
      'height_cm',
      'gst_rate_percent',
    ]);
  });

  it('reports unknown, repeated and missing columns on row 1, listing the expected ones', () => {
    const { errors } = resolvePartHeader(['part_number', 'name', 'Name', 'colour', '']);
    expect(errors).toEqual([
      { row: 1, column: 'name', message: '"name" and "Name" are the same column; give it once' },
      {
        row: 1,
        column: 'colour',
        message: expect.stringMatching(
          /^unknown column "colour" \(expected: part_number, name, .*, status, unit_price_paise, mrp_paise\)$/,
        ),
      },
      { row: 1, message: expect.stringContaining('column 5 has no name (expected: part_number') },
      { row: 1, column: 'weight_grams', message: 'required column is missing' },
      { row: 1, column: 'length_cm', message: 'required column is missing' },
      { row: 1, column: 'width_cm', message: 'required column is missing' },
      { row: 1, column: 'height_cm', message: 'required column is missing' },
      {
        row: 1,
        column: 'unit_price',
        message: 'required column is missing (unit_price, or unit_price_paise in paise)',
      },
    ]);
  });
});
