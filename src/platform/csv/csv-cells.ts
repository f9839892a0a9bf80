// No imports here: the web app builds its CSV files with these rules too (web/src/lib/csv-file.ts).

/** What a CSV cell may hold; every value is written as its text, neutralised (`csvCellText`). */
export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, tab and carriage return.
 */
export const csvFormulaTriggers: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** Apostrophes (one or more) and then a trigger: text our export wrote with a leading `'`. */
const neutralised = /^'+[=+\-@\t\r]/;

/**
 * Text as the CSV cell we write: text that starts with a formula trigger gets a leading `'`, so
 * a spreadsheet shows it as text and never evaluates it. Text that already starts with
 * apostrophes and then a trigger gets one more, so `restoreCsvText` can undo exactly what this
 * did: `restoreCsvText(neutraliseCsvText(text)) === text` for every text.
 */
export function neutraliseCsvText(text: string): string {
  const first = text.charAt(0);
  return csvFormulaTriggers.includes(first) || neutralised.test(text) ? `'${text}` : text;
}

/**
 * A cell of an uploaded CSV as its text: the `'` that `neutraliseCsvText` put before a formula
 * trigger (or before apostrophes and a trigger) is taken off again, so an export imports back
 * unchanged. Any other apostrophe is the user's own and stays.
 */
export function restoreCsvText(cell: string): string {
  return neutralised.test(cell) ? cell.slice(1) : cell;
}

/**
 * A value as the text of its cell. Every cell follows the rule, numbers included: the contract
 * (api-v1, Conventions) promises that no exported cell starts with a formula character, so a
 * negative number is written `'-5` like any text (the imports read it back as `-5`). Nothing is
 * trusted to be harmless because of its type; the price is that a spreadsheet shows a negative
 * delta as text. `null`/`undefined` are empty; dates are ISO 8601.
 */
export function csvCellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return neutraliseCsvText(value.toISOString());
  return neutraliseCsvText(String(value));
}

/**
 * csv-stringify's `cast` option that sends every value through `csvCellText` (csv-stringify
 * then quotes what needs quoting). The one formatting rule of every CSV SpareFlow writes:
 * use it with `csv-stringify` on the server and `csv-stringify/browser/esm/sync` in the web app.
 */
export const csvCast = {
  string: (value: string) => csvCellText(value),
  number: (value: number) => csvCellText(value),
  bigint: (value: bigint) => csvCellText(value),
  boolean: (value: boolean) => csvCellText(value),
  date: (value: Date) => csvCellText(value),
  object: (value: object) => neutraliseCsvText(JSON.stringify(value)),
};
