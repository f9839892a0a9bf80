import { matchCsvHeader } from '../../platform/csv/csv-headers.js';
import type { ImportRowError } from './import-job.tables.js';

/** A header row read against the columns an import knows. */
export interface ResolvedHeader<Column extends string> {
  /** What to key each cell by: its canonical column, or the header's own text if unknown. */
  keys: string[];
  /** The canonical columns the file has. */
  present: Set<Column>;
  /** Unknown, unnamed and repeated columns (row 1), all at once; empty when usable. */
  errors: ImportRowError[];
}

/**
 * Matches a header row to `columns` without regard to case, spaces, hyphens or underscores
 * (`Part Number`, `partNumber` and `part_number` are one column; api-v1, Conventions). Every
 * problem is an error on row 1 whose message lists `expected`, so the person fixing the file
 * sees the columns they may use; the caller adds its own required-column rules to `errors`.
 */
export function resolveCsvHeader<Column extends string>(
  header: readonly string[],
  columns: readonly Column[],
  expected: readonly string[],
): ResolvedHeader<Column> {
  const matched = matchCsvHeader(header, columns);
  const expectedText = `expected: ${expected.join(', ')}`;
  const errors: ImportRowError[] = [];
  const present = new Set<Column>();
  const nameOf = new Map<Column, string>();
  const keys = header.map((name, index) => {
    const column = matched[index];
    if (column === undefined) {
      errors.push(
        name === ''
          ? { row: 1, message: `column ${index + 1} has no name (${expectedText})` }
          : { row: 1, column: name, message: `unknown column "${name}" (${expectedText})` },
      );
      return name;
    }
    if (present.has(column))
      errors.push({
        row: 1,
        column,
        message: `"${nameOf.get(column)}" and "${name}" are the same column; give it once`,
      });
    present.add(column);
    nameOf.set(column, name);
    return column;
  });
  return { keys, present, errors };
}

/** The row-1 error of a required column the header lacks. */
export function missingColumn(column: string, alternative?: string): ImportRowError {
  return {
    row: 1,
    column,
    message: alternative
      ? `required column is missing (${column}, or ${alternative})`
      : 'required column is missing',
  };
}
