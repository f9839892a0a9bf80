import { sql, type SQL } from 'drizzle-orm';
import type { Reader } from '../../platform/db/read-pool.js';
import type { CatalogScope } from './part-search.repository.js';
import {
  correctedWords,
  correctionsOf,
  fuzzyPieces,
  isCorrectable,
  maxCorrectedWords,
  queryWords,
  transpositions,
} from './part-search-query.js';
import { partSearchTermsRepository } from './part-search-terms.repository.js';

/** The brands whose dictionary corrects a query of `scope`: its brand, or every active brand. */
export function termBrands(scope: CatalogScope): SQL {
  return scope.brandId
    ? sql`brand_id = ${scope.brandId}`
    : sql`brand_id in (select o.id from organization_directory o where o.type = 'brand' and o.status = 'active')`;
}

/** The words of `text` typo correction checks (long enough, at most `maxCorrectedWords`). */
function checkedWords(text: string): string[] {
  return queryWords(text).filter(isCorrectable).slice(0, maxCorrectedWords);
}

/**
 * What correction looks up in the dictionary exactly: each checked word, its fuzzy pieces and
 * its transpositions (the search's first statement answers this lookup alongside the page).
 */
export function lookupWords(text: string): string[] {
  return [
    ...new Set(
      checkedWords(text).flatMap((word) => [word, ...fuzzyPieces(word), ...transpositions(word)]),
    ),
  ];
}

/** Whether every checked word of `text` is a term (`known`): correction would change nothing. */
export function allWordsKnown(text: string, known: ReadonlySet<string>): boolean {
  return checkedWords(text).every((word) => known.has(word));
}

/**
 * The tsquery of `text` with typos corrected — per word `(c1 | c2 | c3)` of its corrections, the
 * words ANDed — or `undefined` when every word is a term or has no correction. One lookup of the
 * words, their pieces and transpositions in the dictionary (skipped when `knownTerms` already
 * answers it), then one trigram lookup of the unknown all-letter pieces: only misspelt words cost
 * anything.
 */
export async function correctedQuery(
  reader: Reader,
  scope: CatalogScope,
  text: string,
  knownTerms?: ReadonlySet<string>,
): Promise<SQL | undefined> {
  const words = queryWords(text);
  const checked = checkedWords(text);
  const brands = termBrands(scope);
  const terms =
    knownTerms ?? (await partSearchTermsRepository.known(reader, brands, lookupWords(text)));
  const unknown = checked.filter((word) => !terms.has(word));
  if (unknown.length === 0) return undefined;
  const pieces = unknown.flatMap(fuzzyPieces).filter((piece) => !terms.has(piece));
  const similar = await partSearchTermsRepository.similar(reader, brands, [...new Set(pieces)]);
  const alternatives = correctedWords(
    words,
    new Map(unknown.map((word) => [word, correctionsOf(word, terms, similar)])),
  );
  if (!alternatives) return undefined;
  const query = sql.join(
    alternatives.map(
      (terms) =>
        sql`(${sql.join(
          terms.map((term) => sql`phraseto_tsquery('simple', ${term})`),
          sql` || `,
        )})`,
    ),
    sql` && `,
  );
  return sql`(${query})`;
}
