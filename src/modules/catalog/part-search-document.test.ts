import { describe, expect, it } from 'vitest';
import { partSearchDocument, searchTermsOf } from './part-search-document.js';

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

describe('searchTermsOf', () => {
  it('lists the lower-cased words of 3+ characters, the part number and the models, sorted', () => {
    expect(
      searchTermsOf({
        partNumber: 'WM-DRV-BELT-01',
        name: 'Drive belt',
        description: 'Fits FL series (7 kg) front-loaders',
        category: 'Washing machine',
        compatibleModels: ['FL-7KG', ' fl-8kg '],
      }),
    ).toEqual([
      '7kg',
      '8kg',
      'belt',
      'drive',
      'drv',
      'fits',
      'fl-7kg',
      'fl-8kg',
      'front',
      'loaders',
      'machine',
      'series',
      'washing',
      'wm-drv-belt-01',
    ]);
  });

  it('splits on anything that is not a-z or 0-9, and repeats nothing', () => {
    expect(
      searchTermsOf({ partNumber: 'P1', name: 'Pump/pump_PUMP 230V', category: 'Pump' }),
    ).toEqual(['230v', 'p1', 'pump']);
  });
});
