import {labelNouns, languageNouns, ofTheTime, rhetoricNouns, titleNouns, trailingNamingVerbs, wordNouns} from './mention-words.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames in brackets and asides next to the term: `(to use the language of the time)`,
 * `in the parlance of the 1980s,`, `the addict label`.
 */

/**
 * `junkies (to use the language of the time)`, `lunatics, as they were then called`,
 * `the street homeless, as earlier strategies called them`, `a successful suicide, in the
 * language of one textbook`: a parenthesis right after the term says whose word it is.
 */
export function trailingFrame(s: MentionText, first: number, last: number): boolean {
  const at = (offset: number): string => s.tokens[last + offset]?.key ?? ''
  // `to use the language of the time`, with one word before the noun at most (`to use the Victorian term`).
  if (at(1) === 'to' && at(2) === 'use' && /^(?:the|a|an)$/.test(at(3)) && (languageNouns.has(at(4)) || (languageNouns.has(at(5)) && !s.tokens[last + 5]?.gapBefore))) return true
  // `common prostitutes (the term used at the time)`, `convicts (then the usual term)`: a
  // bracket right after the term that names it a word. (`The addicts (the term the paper
  // used) were moved on` still speaks of people, as an apposition would.)
  if (/^\s*[(\u2014\u2013]\s*$/.test(s.between(last, last + 1)) && !s.determined(first)) {
    for (let offset = 1; offset <= 4 && last + offset < s.tokens.length; offset++) {
      if (offset > 1 && s.tokens[last + offset]?.gapBefore) break
      if (languageNouns.has(at(offset)) || wordNouns.has(at(offset))) return true
    }
  }
  if (at(1) === 'in' && /^(?:the|their|his|her|its|our|my)$/.test(at(2)) && languageNouns.has(at(3)) && at(4) === 'of') return true
  // `A crackhead, in slang, is…`, `Junkie (novel)`: whose word it is, or what the title names.
  if (at(1) === 'in' && /^(?:slang|jargon|parlance)$/.test(at(2)) && /,/.test(s.between(last, last + 1))) return true
  if (/^\s*\($/.test(s.between(last, last + 1)) && titleNouns.has(at(1)) && s.text.charAt(s.tokens[last + 1]?.end ?? 0) === ')') return true
  if (at(1) === 'as' && /^(?:they|it|he|she|we|these|such)$/.test(at(2)) && /^(?:was|were|is|are)$/.test(at(3))) {
    const verb = /^(?:then|once|often|commonly|still|sometimes|usually)$/.test(at(4)) ? at(5) : at(4)
    return verb === 'called' || verb === 'known' || verb === 'labelled' || verb === 'labeled'
  }
  if (at(1) !== 'as' || !s.tokens[last + 1]?.gapBefore) return false
  // `, as <a subject of up to four words> [then] called (them)`: the naming verb ends the clause.
  for (let offset = 2; offset <= 7; offset++) {
    const word = at(offset)
    if (trailingNamingVerbs.has(word)) return offset > 2
    if (word === 'put' && at(offset + 1) === 'it') return offset > 2
    if (word === '' || s.tokens[last + offset]?.gapBefore) return false
  }
  return false
}

/** `housed, to use the language of the time, lunatics`, `to use the Victorian term, lunatics`. */
export function leadingParenthetical(s: MentionText, first: number): boolean {
  let index = first - 1
  if (/^(?:a|an|the)$/.test(s.tokens[index]?.key ?? '')) index--
  while (index >= 0 && ofTheTime.has(s.tokens[index]?.key ?? '')) index--
  const key = (offset: number): string => s.tokens[index - offset]?.key ?? ''
  if (!languageNouns.has(key(0))) return false
  // One word may qualify the noun: `to use the Victorian term,`.
  const the = key(1) === 'the' ? 1 : key(2) === 'the' && !s.tokens[index]?.gapBefore ? 2 : 0
  return the > 0 && key(the + 1) === 'use' && key(the + 2) === 'to'
}

/**
 * `In the parlance of the 1980s, she was an AIDS victim`: the sentence opens on whose words
 * follow, closed by a comma before the term.
 */
export function leadingLanguage(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  if (key(0) !== 'in' || !/^(?:the|their|its|his|her|our)$/.test(key(1)) || !languageNouns.has(key(2)) || key(3) !== 'of') return false
  for (let index = 4; index < first && index < 12; index++) if (/,/.test(s.between(index - 1, index))) return true
  return false
}

/**
 * `the label of HIV carrier`: a label noun and `of` right before the term. (`the name of
 * the addict` names a person, so `name` is not a label noun here.)
 */
export function labelBefore(s: MentionText, first: number): boolean {
  const key = (index: number): string => s.tokens[index]?.key ?? ''
  const at = /^(?:a|an|the)$/.test(key(first - 1)) ? first - 2 : first - 1
  return key(at) === 'of' && labelNouns.has(key(at - 1)) && !s.tokens[first]?.gapBefore
}

/**
 * `the addict label`, `the “junkie” tag`: the term qualifies a noun that names it as a label. A
 * quoted term may qualify a noun of talk about it too: `“AIDS orphan” imagery`, `“crack baby”
 * rhetoric`.
 */
export function labelAfter(s: MentionText, after: number): boolean {
  const next = s.tokens[after]
  if (!next) return false
  const gap = s.between(after - 1, after)
  return (labelNouns.has(next.key) && /^[\s"'\u201D\u2019]*$/.test(gap)) || (rhetoricNouns.has(next.key) && /^\s*["'\u201D\u2019]\s*$/.test(gap))
}
