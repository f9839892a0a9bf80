// No imports here: pure rules of CSV header names, shared by every CSV import.

/**
 * The name of a column without what people vary: case, white space, hyphens and underscores.
 * `part_number`, `partNumber`, `Part Number` and `PART-NUMBER` all give `partnumber`, so the
 * snake_case of our exports, the API's camelCase field names and spreadsheet labels name the
 * same column (api-v1, Conventions). Compatibility forms are folded first (NFKC: a full-width
 * letter or a non-breaking space counts as the plain one).
 */
export function csvHeaderKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * Which of `columns` (canonical names) each header cell names, by `csvHeaderKey`; `undefined`
 * for a cell that names none of them. Two cells may name the same column (the caller decides
 * what that means).
 */
export function matchCsvHeader<Column extends string>(
  header: readonly string[],
  columns: readonly Column[],
): Array<Column | undefined> {
  const byKey = new Map(columns.map((column) => [csvHeaderKey(column), column]));
  return header.map((name) => byKey.get(csvHeaderKey(name)));
}
