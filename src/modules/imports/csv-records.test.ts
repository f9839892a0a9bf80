import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFormulaTriggers } from '../../platform/csv/csv-cells.js';
import { csvStream } from '../../platform/csv/csv-writer.js';
import { csvRecords } from './csv-records.js';

const chunks = (text: string) =>
  Readable.from([Buffer.from(text.slice(0, 7)), Buffer.from(text.slice(7))]);

describe('CSV records', () => {
  const file = '\ufeffA, B \r\n1,"two\nlines"\n\n3,4,5\n6,7';

  it('numbers rows as a spreadsheet does and flags records of the wrong width', async () => {
    const headers: string[][] = [];
    const records = [];
    for await (const record of csvRecords(chunks(file), (header) => {
      headers.push(header);
      return header.map((name) => name.toLowerCase());
    }))
      records.push(record);
    // The header as written (trimmed); the cells keyed by what `onHeader` answered.
    expect(headers).toEqual([['A', 'B']]);
    expect(
      records.map((record) => [record.row, record.cells, Boolean(record.fieldCountError)]),
    ).toEqual([
      [2, { a: '1', b: 'two\nlines' }, false],
      [3, { a: '3', b: '4' }, true],
      [4, { a: '6', b: '7' }, false],
    ]);
  });

  it('reads what the CSV writer wrote, formula-like cells included, exactly as it was', async () => {
    // Cells as the import keeps them: trimmed, and not blank (blank rows are skipped).
    const cell = fc
      .tuple(
        fc.constantFrom('', ...csvFormulaTriggers, "'", "''=", "'x", '"', ','),
        fc.string({ unit: 'grapheme' }),
      )
      .map(([start, rest]) => (start + rest).trim())
      .filter((value) => value !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 })), async (rows) => {
        async function* written() {
          yield ['a', 'b', 'c'];
          yield* rows;
        }
        const read = [];
        for await (const record of csvRecords(csvStream(written()), () => undefined))
          read.push([record.cells.a, record.cells.b, record.cells.c]);
        expect(read).toEqual(rows);
      }),
    );
  });

  it('takes off only the apostrophe the export put before a formula character', async () => {
    const file = "a,b,c,d\n'=SUM(A1),'-Gasket,'plain,''@x\n";
    const records = [];
    for await (const record of csvRecords(Readable.from([file]), () => undefined))
      records.push(record.cells);
    expect(records).toEqual([{ a: '=SUM(A1)', b: '-Gasket', c: "'plain", d: "'@x" }]);
  });

  it('reports each cell holding a NUL character and shows NUL in header names as U+FFFD', async () => {
    const headers: string[][] = [];
    const records = [];
    const text = 'na\u0000me,code\nok,1\nbad\u0000,2\u0000\n';
    for await (const record of csvRecords(chunks(text), (header) => {
      headers.push(header);
    }))
      records.push(record);
    expect(headers).toEqual([['na\uFFFDme', 'code']]);
    expect(records.map((record) => record.cellErrors)).toEqual([
      [],
      [
        { row: 3, column: 'na\uFFFDme', message: 'must not contain NUL characters' },
        { row: 3, column: 'code', message: 'must not contain NUL characters' },
      ],
    ]);
  });
});
