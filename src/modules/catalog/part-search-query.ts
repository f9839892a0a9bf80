import { minTermLength } from './part-search-document.js';

/** At most this many words of one query are corrected (each costs dictionary lookups). */
export const maxCorrectedWords = 4;

/** At most this many corrections stand in for one word. */
export const maxCorrections = 3;

/**
 * The words of a search query as the typo correction sees them: lower-cased, split on whitespace,
 * without the punctuation around them (quotes, commas, a leading `-`), in order, each once.
 */
export function queryWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  return [...new Set(words)];
}

/** Whether a word is long enough to be corrected (shorter words are not terms either). */
export function isCorrectable(word: string): boolean {
  return word.length >= minTermLength;
}

/**
 * The word with two neighbouring characters swapped, each way ("drvie" → "rdvie", "dvrie",
 * "drive", "drvei"). Trigram similarity rates such a swap poorly in a short word ("drive" and
 * "drvie" share 2 of 10 trigrams), so these variants are looked up exactly as well.
 */
export function transpositions(word: string): string[] {
  const variants = new Set<string>();
  for (let i = 0; i + 1 < word.length; i += 1) {
    const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    if (swapped !== word) variants.add(swapped);
  }
  return [...variants];
}

/**
 * The pieces of a word that trigram similarity may correct: the word itself when it is all
 * letters, else its all-letter parts of 3+ characters ("frostfee-350l" → "frostfee"). Digits are
 * left to `transpositions`: a number with one digit wrong is another valid number, and digit
 * trigrams are shared by so many part and model numbers that the lookup would cost as much as the
 * scan it replaces.
 */
export function fuzzyPieces(word: string): string[] {
  if (/^[a-z]+$/.test(word)) return [word];
  const pieces = word.split(/[^a-z0-9]+/).filter((piece) => /^[a-z]+$/.test(piece));
  return [...new Set(pieces.filter(isCorrectable))];
}

/**
 * The corrections of one misspelt word, best first, at most `maxCorrections`: its transpositions
 * that are terms (`terms`), then the word with a fuzzy piece replaced by each of that piece's
 * nearest terms (`similar`, by piece).
 */
export function correctionsOf(
  word: string,
  terms: ReadonlySet<string>,
  similar: ReadonlyMap<string, readonly string[]>,
): string[] {
  const found = transpositions(word).filter((swapped) => terms.has(swapped));
  for (const piece of fuzzyPieces(word)) {
    for (const term of similar.get(piece) ?? []) {
      found.push(
        word
          .split(/([^a-z0-9]+)/)
          .map((part) => (part === piece ? term : part))
          .join(''),
      );
    }
  }
  return [...new Set(found)].slice(0, maxCorrections);
}

/**
 * What full-text search looks for once typos are corrected: per query word, the words any of
 * which may stand in its place (its corrections when it has any, else the word itself), or
 * `undefined` when no word was corrected (the first full-text search already asked that).
 */
export function correctedWords(
  words: readonly string[],
  corrections: ReadonlyMap<string, readonly string[]>,
): string[][] | undefined {
  let changed = false;
  const alternatives = words.map((word) => {
    const found = corrections.get(word) ?? [];
    if (found.length === 0) return [word];
    changed = true;
    return [...found];
  });
  return changed ? alternatives : undefined;
}

/** The values of a `COLLATE "C"` column that start with a prefix: `from` ≤ value < `to`. */
export interface PrefixRange {
  from: string;
  /** `undefined` when nothing sorts after every extension of the prefix (no upper bound). */
  to: string | undefined;
}

/** The code point after `codePoint`, skipping the surrogates (not characters in UTF-8 text). */
function nextCodePoint(codePoint: number): number | undefined {
  if (codePoint === 0xd7ff) return 0xe000;
  return codePoint < 0x10ffff ? codePoint + 1 : undefined;
}

/**
 * The range of strings starting with `prefix` in `COLLATE "C"` order (UTF-8 bytes, that is code
 * point order): from the prefix itself to the prefix with its last character incremented. A
 * last character that cannot be incremented is dropped and the one before it incremented.
 */
export function prefixRange(prefix: string): PrefixRange {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const next = nextCodePoint(codePoints.pop() as number);
    if (next !== undefined) return { from: prefix, to: String.fromCodePoint(...codePoints, next) };
  }
  return { from: prefix, to: undefined };
}
