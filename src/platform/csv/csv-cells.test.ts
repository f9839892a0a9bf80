import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCellText,
  csvFormulaTriggers,
  neutraliseCsvText,
  restoreCsvText,
  type CsvCell,
} from './csv-cells.js';

/** Any text, with a strong bias towards what matters here: triggers and apostrophes first. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .tuple(
      fc.constantFrom(...csvFormulaTriggers, "'", "''", "'=", "''-", ' ', '\n'),
      fc.string({ unit: 'binary' }),
    )
    .map(([start, rest]) => start + rest),
);

const startsWithTrigger = (cell: string) => csvFormulaTriggers.includes(cell.charAt(0));

describe('CSV formula neutralisation (OWASP rule)', () => {
  it('no neutralised text starts with =, +, -, @, tab or carriage return', () => {
    fc.assert(fc.property(text, (value) => !startsWithTrigger(neutraliseCsvText(value))));
  });

  it('the import takes off exactly what the export added: every text round-trips', () => {
    fc.assert(fc.property(text, (value) => restoreCsvText(neutraliseCsvText(value)) === value));
  });

  it('leaves text alone that a spreadsheet would not evaluate', () => {
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(!startsWithTrigger(value) && !/^'+[=+\-@\t\r]/.test(value));
        return neutraliseCsvText(value) === value && restoreCsvText(value) === value;
      }),
    );
  });

  it('writes non-negative numbers as they are and neutralises every other value', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
        (n) => csvCellText(n) === String(n),
      ),
    );
    fc.assert(fc.property(fc.bigInt(), (n) => restoreCsvText(csvCellText(n)) === n.toString()));
    const other: fc.Arbitrary<CsvCell> = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.bigInt(),
      text,
      fc.boolean(),
      fc.constantFrom(null, undefined, Number.NaN, -Infinity, Infinity),
      fc.date({ noInvalidDate: true }),
    );
    fc.assert(fc.property(other, (value) => !startsWithTrigger(csvCellText(value))));
  });

  it('examples', () => {
    expect(csvCellText('=HYPERLINK("http://evil.example","x")')).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    );
    expect(csvCellText('-Gasket')).toBe("'-Gasket");
    expect(csvCellText('-5')).toBe("'-5"); // text, even if it looks like a number
    expect(csvCellText(-5)).toBe("'-5"); // no cell starts with a formula character (api-v1)
    expect(csvCellText(5)).toBe('5');
    expect(csvCellText(12.5)).toBe('12.5');
    expect(csvCellText('\tcmd')).toBe("'\tcmd");
    expect(csvCellText("'=1+1")).toBe("''=1+1");
    expect(csvCellText("'quoted'")).toBe("'quoted'");
    expect(csvCellText('')).toBe('');
    expect(csvCellText(null)).toBe('');
    expect(restoreCsvText("'-Gasket")).toBe('-Gasket');
    expect(restoreCsvText("''=1+1")).toBe("'=1+1");
    expect(restoreCsvText("'quoted'")).toBe("'quoted'");
    expect(restoreCsvText("'")).toBe("'");
  });
});
