import {functionWords, inTitleLine} from './title-case.js'
import {documentNouns, namingVerbs, pressNouns, publishingVerbs, titleNouns} from './mention-words.js'
import type {MentionText} from './mention-text.js'

/**
 * Mention frames of titles without quotation marks: `a report titled Addicts in Our Midst`, `the
 * novel Junkie`.
 */

/**
 * A title without quotation marks, in capitals, right after a word that introduces one: `a
 * report titled Addicts in Our Midst`, `the documentary Junkie Nation`. The run of
 * capitalised words (and the little words a title keeps in lower case) must hold the match.
 */
export function inUnquotedTitle(s: MentionText, first: number, last: number): boolean {
  const {tokens} = s
  const capital = (index: number): boolean => /^\p{Lu}/u.test(tokens[index]?.text ?? '')
  const inRun = (index: number): boolean => capital(index) || functionWords.has(tokens[index]?.key ?? '')
  // In a headline every word is capitalised, so capitals there mark no title (`Documentary Follows Addicts`).
  if (!capital(first) || inTitleLine(tokens, first)) return false
  let start = first
  while (start > 0 && !tokens[start]?.gapBefore && inRun(start - 1) && !namingVerbs.has(tokens[start - 1]?.key ?? '') && !titleNouns.has(tokens[start - 1]?.key ?? '')) start--
  if (!capital(start)) return false
  if (start === 0) return titleNamedAfter(s, first, last)
  const cue = tokens[start - 1]?.key ?? ''
  // `Burroughs published Junkie under a pseudonym`: the work brought out, named by its title.
  if (publishingVerbs.has(cue) && !tokens[start]?.gapBefore) return true
  if (!namingVerbs.has(cue) && !titleNouns.has(cue)) return false
  let end = last
  while (end + 1 < tokens.length && !tokens[end + 1]?.gapBefore && inRun(end + 1)) end++
  // A comma may come between a naming verb and its title; between a title noun and its title
  // only as an apposition closed by another (`her first novel, Crack Baby, won`).
  const comma = /^\s*,\s*$/
  const apposition = titleNouns.has(cue) && comma.test(s.between(end, end + 1))
  if (tokens[start]?.gapBefore && !(/^\s*,?\s*$/.test(s.between(start - 1, start)) && (namingVerbs.has(cue) || apposition))) return false
  let content = 0
  for (let index = start; index <= end; index++) if (capital(index) && !functionWords.has(tokens[index]?.key ?? '')) content++
  // One capitalised word is a title after a title noun that has its determiner, perhaps with
  // a word or two between (`the novel Junkie was published in 1953`, `the band's first album,
  // Convicts, was…`, `Burroughs' novel Junkie`), as after a verb of naming.
  const determiner = (index: number): boolean => /^(?:the|a|an|his|her|their|its|our|my|your)$/.test(tokens[index]?.key ?? '') || /['’]s$|s['’]$/.test(tokens[index]?.text ?? '')
  const determined = [2, 3, 4].some((back) => start - back >= 0 && determiner(start - back) && !tokens.slice(start - back + 1, start).some((token) => token.gapBefore))
  return namingVerbs.has(cue) || determined ? content >= 1 : content >= 2
}

/**
 * A title that opens the sentence and an apposition after it names what it is: `Drug Misuse:
 * Prevention And Treatment, the 2003 government paper, is no longer current`.
 */
function titleNamedAfter(s: MentionText, first: number, last: number): boolean {
  const {tokens} = s
  const inRun = (index: number): boolean => /^\p{Lu}/u.test(tokens[index]?.text ?? '') || functionWords.has(tokens[index]?.key ?? '')
  let end = last
  while (end + 1 < tokens.length && inRun(end + 1) && !/,/.test(s.between(end, end + 1))) end++
  let content = 0
  for (let index = 0; index <= end; index++) if (/^\p{Lu}/u.test(tokens[index]?.text ?? '') && !functionWords.has(tokens[index]?.key ?? '')) content++
  if (content < 3 || first > end || !/^\s*,\s*$/.test(s.between(end, end + 1))) return false
  if (!/^(?:the|a|an)$/.test(tokens[end + 1]?.key ?? '')) return false
  for (let index = end + 2; index <= end + 5 && index < tokens.length; index++) if (titleNouns.has(tokens[index]?.key ?? '') || documentNouns.has(tokens[index]?.key ?? '')) return true
  return false
}

/**
 * A headline cited after a colon, in capitals: `One front page read: JUNKIE MUM LEFT KIDS
 * ALONE`, `The headline: Addicts Run Riot`. Before the colon, a press noun (or `front page`) and
 * at most a verb of printing after it; after it, every word capitalised.
 */
export function headlineAfterColon(s: MentionText, first: number): boolean {
  const {tokens} = s
  const start = s.clauseStart(first)
  if (start === 0) return false
  const key = (index: number): string => tokens[index]?.key ?? ''
  const noun = /^(?:read|reads|ran|runs|said|says|screamed|screams|declared|declares|proclaimed)$/.test(key(start - 1)) ? start - 2 : start - 1
  if (!pressNouns.has(key(noun)) && !(key(noun) === 'page' && key(noun - 1) === 'front')) return false
  for (let index = start; index < tokens.length && !/[.!?]/.test(s.between(index - 1, index)); index++) {
    const text = tokens[index]?.text ?? ''
    if (!/^[\p{Lu}\d]/u.test(text) && !functionWords.has(key(index))) return false
  }
  return true
}
