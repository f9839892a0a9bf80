import { describe, expect, it } from 'vitest';
import { partSearchDocument } from './part-search-document.js';

describe('partSearchDocument', () => {
  it('puts the part number, name, models, category and description in one line', () => {
    expect(
      partSearchDocument({
        partNumber: 'WM-DRV-BELT-01',
        name: 'Drive belt',
        description: ' Fits front loaders ',
        category: 'Washing machine',
        compatibleModels: ['FL-7KG', 'FL-8KG'],
      }),
    ).toBe('WM-DRV-BELT-01 Drive belt FL-7KG FL-8KG Washing machine Fits front loaders');
  });

  it('skips what is missing', () => {
    expect(partSearchDocument({ partNumber: 'P1', name: 'Knob', description: null })).toBe(
      'P1 Knob',
    );
  });
});
