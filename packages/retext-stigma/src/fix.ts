import type {RuleSuggestion} from './types.js'
import type {Token} from './tokens.js'

/**
 * The suggestion's wording for a form of the term, if it has one.
 * Plain text answers the singular, `plural` the plural; tagged forms need their own entry.
 *
 * @param suggestion - A suggestion from the rule.
 * @param form - The form of the matched variant.
 * @returns The wording, or undefined when the suggestion cannot stand in for that form.
 */
export function wordingFor(suggestion: RuleSuggestion, form: string): string | undefined {
  const tagged = suggestion.forms?.[form]
  if (tagged !== undefined) return tagged
  if (form === 'singular') return suggestion.text
  if (form === 'plural') return suggestion.plural ?? suggestion.text
  return undefined
}

/**
 * Give a replacement the casing of the text it replaces: ALL CAPS stays all caps,
 * a capital first letter stays capital.
 *
 * @param actual - The text as written.
 * @param replacement - The text to put in its place.
 * @param acronym - The text is an acronym term (`IDU`): its capitals say nothing about the sentence.
 * @returns The replacement, cased.
 */
export function matchCasing(actual: string, replacement: string, acronym = false): string {
  if (acronym) return replacement
  if (!/^\p{Lu}/u.test(actual)) return replacement
  // All capitals (a headline) only when there are two letters or more and none is lower case.
  if (!/\p{Ll}/u.test(actual) && /\p{L}.*\p{L}/su.test(actual)) return replacement.toUpperCase()
  return replacement.charAt(0).toUpperCase() + replacement.slice(1)
}

/**
 * The indefinite article for a phrase, by the sound of its first word.
 *
 * @param phrase - The phrase that follows the article.
 * @returns `a` or `an`.
 */
export function articleFor(phrase: string): 'a' | 'an' {
  const word = phrase.toLowerCase()
  if (/^(?:hour|honest|honou?r|heir)/.test(word)) return 'an'
  if (/^(?:uni|use|usu|ur[ae]|eu|one\b|once)/.test(word)) return 'a'
  return /^[aeiou]/.test(word) ? 'an' : 'a'
}

/** A replacement of part of the text. */
export interface Edit {
  range: [number, number]
  text: string
}

/**
 * Build the edit that puts a suggestion in place of a match, mending the
 * article in front (`an addict` → `a person with addiction`).
 *
 * @param text - The whole source.
 * @param tokens - The sentence's tokens.
 * @param first - Index of the match's first token.
 * @param end - Offset where the match ends.
 * @param wording - The suggestion's wording for the matched form.
 * @param acronym - The match is an acronym term, whose capitals are not carried over.
 * @returns The edit.
 */
export function buildEdit(text: string, tokens: Token[], first: number, end: number, wording: string, acronym = false): Edit {
  const head = tokens[first]
  const start = head?.start ?? 0
  // An acronym at the start of a sentence still needs a capital replacement.
  const sentenceStart = acronym && first === 0
  const replacement = sentenceStart ? matchCasing('X', wording) : matchCasing(text.slice(start, end), wording, acronym)
  const before = head && !head.gapBefore ? tokens[first - 1] : undefined
  if (before && (before.key === 'a' || before.key === 'an')) {
    const article = articleFor(replacement)
    if (article !== before.key) {
      const cased = matchCasing(before.text, article)
      return {range: [before.start, end], text: cased + text.slice(before.end, start) + replacement}
    }
  }
  return {range: [start, end], text: replacement}
}
