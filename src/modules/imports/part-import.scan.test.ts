import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { repeatedPartNumberError, scanPartFile } from './part-import.scan.js';

const header = 'Part Number,name,unit_price,weight_grams,length_cm,width_cm,height_cm';

describe('the first read of a parts file', () => {
  it('counts the rows and finds part numbers given twice, case ignored', async () => {
    const file = [
      header,
      'WM-1,Pump,650,1,1,1,1',
      'wm-2,Belt,650,1,1,1,1',
      '',
      'wm-1,Pump again,650,1,1,1,1',
      ' WM-2 ,Belt,650,1,1,1,1',
      ',No number,650,1,1,1,1',
      ',No number,650,1,1,1,1',
      'WM-3,Hose,650,1,1,1,1',
    ].join('\n');
    const scan = await scanPartFile(Readable.from([file]));
    expect(scan.total).toBe(7);
    expect(scan.repeated).toEqual(
      new Map([
        ['wm-1', [2, 4]],
        ['wm-2', [3, 5]],
      ]),
    );
  });

  it('finds nothing to repeat in a file whose header is unusable', async () => {
    const scan = await scanPartFile(Readable.from(['colour\nWM-1\nWM-1\n']));
    expect(scan).toEqual({ total: 2, repeated: new Map() });
  });

  it('names the other rows of a repeated part number, at most five', () => {
    expect(repeatedPartNumberError(4, 'wm-1', [2, 4]).message).toBe(
      'part number wm-1 is also on row 2; each part may appear once per file (case is ignored), so none of these rows is imported',
    );
    const many = Array.from({ length: 9 }, (_, index) => index + 2);
    expect(repeatedPartNumberError(2, 'X', many).message).toContain(
      'also on rows 3, 4, 5, 6, 7, …;',
    );
  });
});
