import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
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
function termBrands(scope: CatalogScope): SQL {
  return scope.brandId
    ? sql`brand_id = ${scope.brandId}`
    : sql`brand_id in (select o.id from organizations o where o.type = 'brand' and o.status = 'active')`;
}

/**
 * The tsquery of `text` with typos corrected — per word `(c1 | c2 | c3)` of its corrections, the
 * words ANDed — or `undefined` when every word is a term or has no correction. One lookup of the
 * words, their pieces and transpositions in the dictionary, then one trigram lookup per unknown
 * all-letter piece: only misspelt words cost anything.
 */
export async function correctedQuery(
  db: Pick<Db, 'execute'>,
  scope: CatalogScope,
  text: string,
): Promise<SQL | undefined> {
  const words = queryWords(text);
  const checked = words.filter(isCorrectable).slice(0, maxCorrectedWords);
  const brands = termBrands(scope);
  const terms = await partSearchTermsRepository.known(db, brands, [
    ...new Set(checked.flatMap((word) => [word, ...fuzzyPieces(word), ...transpositions(word)])),
  ]);
  const unknown = checked.filter((word) => !terms.has(word));
  if (unknown.length === 0) return undefined;
  const pieces = unknown.flatMap(fuzzyPieces).filter((piece) => !terms.has(piece));
  const similar = await partSearchTermsRepository.similar(db, brands, [...new Set(pieces)]);
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
