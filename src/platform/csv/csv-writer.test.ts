import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFormulaTriggers, restoreCsvText, type CsvCell } from './csv-cells.js';
import { csvRowsOf, csvStream } from './csv-writer.js';

async function textOf(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .tuple(fc.constantFrom(...csvFormulaTriggers, "'", ',', '"', '\n'), fc.string())
    .map(([start, rest]) => start + rest),
);

describe('csvStream', () => {
  it('writes valid CSV whose text cells never start with a trigger and read back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        async (rows) => {
          const written = await textOf(csvStream(fromArray(rows)));
          const read = parse(written, { relax_column_count: true }) as string[][];
          expect(read.flat().filter((cell) => csvFormulaTriggers.includes(cell.charAt(0)))).toEqual(
            [],
          );
          expect(read.map((row) => row.map(restoreCsvText))).toEqual(rows);
        },
      ),
    );
  });

  it('neutralises negative numbers too and writes records by their header', async () => {
    const records = fromArray<{ name?: CsvCell; delta?: CsvCell; note?: CsvCell }>([
      { name: '=HYPERLINK("http://evil.example","x")', delta: -5, note: '@SUM(A1)' },
      { name: 'Gasket', delta: 12.5 },
    ]);
    const written = await textOf(csvStream(csvRowsOf(['name', 'delta', 'note'], records)));
    expect(written).toBe(
      `name,delta,note\n"'=HYPERLINK(""http://evil.example"",""x"")",'-5,'@SUM(A1)\nGasket,12.5,\n`,
    );
  });

  it('ends the stream with the error of a failing source', async () => {
    async function* failing(): AsyncGenerator<CsvCell[]> {
      yield ['a'];
      throw new Error('database went away');
    }
    await expect(textOf(csvStream(failing()))).rejects.toThrow('database went away');
  });
});
