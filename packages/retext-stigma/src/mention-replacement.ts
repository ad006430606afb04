import type {Rule} from '@destigma/rule-schema'
import type {Token} from './tokens.js'

/**
 * A term set against its own replacement is a correction, not a use: `The clinic offers an HIV
 * test, not an AIDS test`, `say person who uses drugs rather than addict`. The replacement is
 * one of the rule's suggestions, in any locale and form, so the frame needs no word list.
 */

/** Words that set what follows against what comes before. */
const contrasts = [['not'], ['never'], ['rather', 'than'], ['instead', 'of'], ['as', 'opposed', 'to'], ['and', 'not'], ['but', 'not']]
const article = /^(?:a|an|the)$/

const replacementsByRule = new WeakMap<Rule, string[][]>()

/** A rule's suggestions as sequences of word keys (lower case, hyphens as spaces), read once per rule. */
function replacementsOf(rule: Rule): string[][] {
  let found = replacementsByRule.get(rule)
  if (!found) {
    const texts = new Set<string>()
    for (const suggestions of Object.values(rule.suggestions)) {
      for (const suggestion of suggestions ?? []) {
        for (const text of [suggestion.text, suggestion.plural, ...Object.values(suggestion.forms ?? {})]) if (text) texts.add(text)
      }
    }
    found = [...texts].map((text) => text.toLowerCase().replace(/[’]/g, "'").split(/[\s-]+/).filter((word) => word !== '' && !article.test(word)))
    replacementsByRule.set(rule, found)
  }
  return found
}

/**
 * Whether the match at `first` follows one of its rule's suggestions and a word of contrast
 * (`an HIV test, not an AIDS test`).
 *
 * @param tokens - The sentence's tokens.
 * @param first - The match's first token (an article in the match is passed over).
 * @param rule - The rule that matched.
 * @returns True for a term set against its replacement.
 */
export function setAgainstReplacement(tokens: Token[], first: number, rule: Rule): boolean {
  const key = (index: number): string => tokens[index]?.key ?? ''
  let at = first - 1
  if (article.test(key(at))) at--
  for (const words of contrasts) {
    const start = at - words.length + 1
    if (!words.every((word, offset) => key(start + offset) === word)) continue
    let end = start - 1
    if (article.test(key(end))) end--
    return replacementsOf(rule).some((replacement) => replacement.length > 0 && replacement.every((word, offset) => key(end - replacement.length + 1 + offset) === word))
  }
  return false
}
