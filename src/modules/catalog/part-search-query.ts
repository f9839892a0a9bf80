import { minTermLength } from './part-search-document.js';

/** At most this many words of one query are corrected (each costs one dictionary lookup). */
export const maxCorrectedWords = 4;

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
