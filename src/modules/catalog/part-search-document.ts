/** The fields of a part that search looks at. */
export interface SearchableFields {
  partNumber: string;
  name: string;
  description?: string | null;
  category?: string | null;
  compatibleModels?: readonly string[] | null;
}

/**
 * The text a part is found by (`parts.search_document`): part number first, then name, models,
 * category and description. Every writer of `parts` (the API, the CSV import) stores exactly
 * this, so the trigram and full-text indexes see the same words however a part arrived.
 */
export function partSearchDocument(part: SearchableFields): string {
  return [
    part.partNumber,
    part.name,
    ...(part.compatibleModels ?? []),
    part.category ?? '',
    part.description ?? '',
  ]
    .map((value) => value.trim())
    .filter(Boolean)
    .join(' ');
}

/** Shortest word kept as a search term: shorter ones are too ambiguous to correct a typo towards. */
export const minTermLength = 3;

/**
 * The dictionary entries of a part (`part_search_terms`), which search corrects typos towards:
 * the lower-cased words of its search document (split on anything not `a-z0-9`, at least
 * `minTermLength` long) plus its whole part number and compatible model numbers lower-cased.
 * Sorted and distinct. The migration's backfill splits `lower(search_document)` with the same
 * pattern, so a part has the same terms however it arrived.
 */
export function searchTermsOf(part: SearchableFields): string[] {
  const words = partSearchDocument(part)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= minTermLength);
  const whole = [part.partNumber, ...(part.compatibleModels ?? [])]
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set([...words, ...whole])].sort();
}
