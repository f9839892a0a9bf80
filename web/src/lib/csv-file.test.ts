import { describe, expect, it } from 'vitest';
import { csvFileText } from './csv-file';

describe('csvFileText', () => {
  it('writes CRLF lines with every formula cell neutralised, negative numbers included', () => {
    expect(
      csvFileText([
        ['part_number', 'name', 'quantity'],
        ['-Gasket', '=HYPERLINK("http://evil.example","x")', -5],
      ]),
    ).toBe(
      `part_number,name,quantity\r\n'-Gasket,"'=HYPERLINK(""http://evil.example"",""x"")",'-5\r\n`,
    );
  });
});
