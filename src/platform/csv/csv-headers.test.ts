import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvHeaderKey, matchCsvHeader } from './csv-headers.js';

const columns = ['part_number', 'unit_price', 'unit_price_paise', 'gst_rate_percent'] as const;

/** The ways people and programs write a snake_case column name. */
const spellings = (column: string): string[] => {
  const words = column.split('_');
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return [
    column,
    column.toUpperCase(),
    words.join('-'),
    words.join(' '),
    words.map(capital).join(' '),
    words[0] + words.slice(1).map(capital).join(''),
    words.map(capital).join(''),
    ` ${words.join('  ')} `,
    words.join('\u00a0'),
  ];
};

describe('CSV header names', () => {
  it('snake_case, camelCase, labels and SHOUTING name the same column', () => {
    expect(
      matchCsvHeader(['part_number', 'partNumber', 'Part Number', 'PART-NUMBER'], columns),
    ).toEqual(['part_number', 'part_number', 'part_number', 'part_number']);
    expect(matchCsvHeader(['unitPricePaise', 'Unit Price', 'GST rate percent'], columns)).toEqual([
      'unit_price_paise',
      'unit_price',
      'gst_rate_percent',
    ]);
  });

  it('every spelling of every column finds it, and only it', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...columns)
          .chain((column) =>
            fc.constantFrom(...spellings(column)).map((name) => ({ column, name })),
          ),
        ({ column, name }) => {
          expect(matchCsvHeader([name], columns)).toEqual([column]);
        },
      ),
    );
  });

  it('other names match nothing; the key ignores only case, spaces, hyphens, underscores', () => {
    expect(matchCsvHeader(['colour', 'part no', 'unit_price_rupees', ''], columns)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(csvHeaderKey(' Unit-Price_PAISE ')).toBe('unitpricepaise');
    expect(csvHeaderKey('ＰＡＲＴ　ＮＵＭＢＥＲ')).toBe('partnumber');
  });
});
