/** Apostrophe-like characters treated as `'`. */
const apostrophes = /[\u2018\u2019\u02BC\u0060\u00B4]/g
const hasApostrophe = /[\u2018\u2019\u02BC\u0060\u00B4]/

/** Hyphen-like characters that join compound words. */
export const hyphens = /[-\u2010\u2011\u2012\u2013]/

/**
 * Normalise one word for matching: lower case, one apostrophe character.
 *
 * @param word - A word as written.
 * @returns The key used in the rule trie.
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase()
  return hasApostrophe.test(lower) ? lower.replace(apostrophes, "'") : lower
}

/**
 * Split a phrase as written in a rule (or an allow entry) into normalised word keys.
 * Hyphens separate words, as they do in the text, so `crack-head` and `crack head` agree.
 *
 * @param phrase - Words separated by spaces or hyphens.
 * @returns The normalised words.
 */
export function phraseKeys(phrase: string): string[] {
  return phrase
    .split(/[\s\-\u2010\u2011\u2012\u2013]+/)
    .filter((part) => part !== '')
    .map((part) => normaliseWord(part))
}
