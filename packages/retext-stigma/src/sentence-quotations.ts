import {entityMarks} from './quotes.js'
import type {Token} from './tokens.js'

/** Quotations within one sentence, read from the marks between its tokens, for mentions.ts. */

const opening = new Set(['\u201C', '\u201E', '\u00AB', '\u2018'])
const closing = new Set(['\u201D', '\u00BB', '\u2019'])
/** A quotation mark as written (not as an entity). */
export const quoteMark = /["'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019]/
export const quoteMarks = new RegExp(quoteMark.source, 'g')
/** Any quotation mark, written or as an HTML entity. */
const anyQuote = /["'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019]|&(?:[lr][sd]quo|[lr]aquo|quot|apos|#(?:34|39|82(?:16|17|20|21)|x201[89cd]));/i

const entities = /&(?:[a-z]+|#\d+|#x[\da-f]+);/gi

/**
 * The punctuation between two words as a reader sees it: the offsets point into the source,
 * where HTML writes quotation marks as entities and Markdown and HTML add emphasis marks.
 */
export function cleanGap(raw: string): string {
  if (!/[&<*_~[]/.test(raw)) return raw
  return raw
    .replace(entities, (entity) => entityMarks[entity.toLowerCase()] ?? entity)
    .replace(/<[^>]*>/g, '')
    .replace(/[*_~[]/g, '')
}

/** A quotation within one sentence, by token index (inclusive). */
export interface Quotation {
  first: number
  last: number
  /** Ends like a sentence (`“Junkies!”`) or follows a colon: speech, not scare quotes. */
  speech: boolean
}

/** The marks attached before the first word or after the last: no white space between. */
function attached(text: string, from: number, step: 1 | -1): string {
  let at = from
  for (let count = 0; count < 16; count++) {
    const char = text[step === 1 ? at : at - 1]
    if (char === undefined || /\s/.test(char)) break
    at += step
  }
  return step === 1 ? text.slice(from, at) : text.slice(at, from)
}

/**
 * Find a sentence's quotations from the marks between its tokens. Curly marks open and
 * close; a straight double mark toggles; a straight single mark opens only after a space
 * and before a word, since it is also an apostrophe.
 *
 * @param tokens - The sentence's tokens.
 * @param text - The source.
 * @returns Closed quotations, by token index.
 */
export function readQuotations(tokens: Token[], text: string): Quotation[] {
  const found: Quotation[] = []
  const head = tokens[0]
  const tail = tokens.at(-1)
  // Most sentences quote nothing: one native search saves reading every gap.
  if (!head || !tail || !anyQuote.test(text.slice(Math.max(0, head.start - 16), tail.end + 16))) return found
  const openAt = {double: -1, single: -1}
  const colonBefore = {double: false, single: false}
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index]
    const previous = tokens[index - 1]
    if (!token && !previous) break
    // A single space, the commonest gap, holds no mark.
    if (token && previous && token.start - previous.end === 1 && text.charCodeAt(previous.end) === 32) continue
    const raw = !previous ? attached(text, token?.start ?? 0, -1) : !token ? attached(text, previous.end, 1) : text.slice(previous.end, token.start)
    const gap = cleanGap(raw)
    for (let at = 0; at < gap.length; at++) {
      const char = gap[at] ?? ''
      if (!quoteMark.test(char)) continue
      const before = at > 0 ? (gap[at - 1] ?? '') : previous ? 'x' : ' '
      const after = at + 1 < gap.length ? (gap[at + 1] ?? '') : token ? 'x' : ' '
      const kind = char === '"' || char === '\u201C' || char === '\u201D' || char === '\u201E' || char === '\u00AB' || char === '\u00BB' ? 'double' : 'single'
      let opens: boolean
      if (opening.has(char)) opens = true
      else if (closing.has(char)) opens = false
      else if (char === '"') opens = openAt.double < 0
      else if (openAt.single >= 0 && !/\s/.test(before)) opens = false
      else if (/[\s([{\u2014\u2013-]/.test(before) && !/\s/.test(after)) opens = true
      else continue
      if (opens) {
        openAt[kind] = index
        colonBefore[kind] = gap.slice(0, at).includes(':')
        continue
      }
      const first = openAt[kind]
      if (first < 0 || first > index - 1) continue
      const inside = gap.slice(0, at)
      // After a colon, a quotation of several words is speech (`He said: “Junkies are back”`);
      // one word is held up as a word (`Words matter: ‘addict’ defines a person`).
      const colonSpeech = colonBefore[kind] && index - 1 > first
      // A full stop inside the marks ends a quoted sentence, which opens with a capital (`“The
      // junkies are back.”`); American style puts it inside a quoted phrase too (`avoid “full-blown AIDS.”`).
      const opener = tokens[first]?.text ?? ''
      const sentence = /\./.test(inside) && /^\p{Lu}/u.test(opener) && opener !== opener.toUpperCase()
      found.push({first, last: index - 1, speech: colonSpeech || /[!?]/.test(inside) || sentence || (first === 0 && inside.includes(','))})
      openAt[kind] = -1
    }
  }
  return found.sort((a, b) => a.first - b.first)
}
