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
