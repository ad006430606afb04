import type {Token} from './tokens.js'
import type {PartOfSpeech} from './types.js'

/**
 * Headlines and report titles capitalise every content word, so in them a capitalised run
 * says nothing about a name: "Council Opens New Centre For Addicts" is a sentence, not an
 * organisation. There a run counts as a name only when a word that heads organisations,
 * laws and events (a name cue) stands next to the match.
 */

/** Words a title leaves in lower case, or capitalises without meaning anything by it. */
export const functionWords = new Set(
  'a an the and or but nor of for to in on at by with from as into onto over under up off out via per vs than that this its is are was were be'.split(' ')
)

/**
 * Cues that end a name after the term: `Alcoholics Anonymous`, `Drug Abuse Treatment Act`,
 * `Addiction Services`, a place such as `Convict Lake`. `Centre`, `Home` and `Unit` are left
 * out: a headline's "New Centre For Addicts" uses them as common nouns, and an end-of-name
 * `Centre` is rare in the rules' terms.
 */
const trailingCues = new Set(
  'anonymous act acts administration association service services trust council department institute foundation agency group week day month programme program society commission committee network alliance coalition federation board authority bureau office partnership fund inc ltd lake creek island bay river'.split(
    ' '
  )
)

/**
 * Cues that head a name before the term, joined to it by a connector: `National Institute on
 * Drug Abuse`, `Society for the Study of Addiction`. Service, Group, Week and the like head
 * common phrases in headlines ("Services For Addicts Cut") and are not leading cues.
 */
const leadingCues = new Set(
  'institute department office commission council society association foundation trust agency administration alliance coalition federation bureau ministry committee board'.split(' ')
)

const connectors = new Set(['of', 'on', 'for', 'against', 'and', '&', 'the', 'in'])

/** Titles and ranks that come right before a person's name: `General Hooker`, `Councillor Nutter`. */
const honorifics = new Set('mr mrs ms miss dr sir dame lord lady general colonel captain major sergeant inspector councillor cllr senator governor professor prof rev reverend'.split(' '))

const capitalised = (text: string): boolean => /^\p{Lu}/u.test(text)

/** A word a title may hold: capitalised, a function word, or no word at all (a number). */
function titleWord(token: Token | undefined): boolean {
  return token !== undefined && (capitalised(token.text) || functionWords.has(token.key) || !/\p{L}/u.test(token.text))
}

/**
 * The first and last token index of the title-case line the token at `index` is on, or
 * undefined as soon as a lower-case content word shows it is not one.
 */
function titleLineAround(tokens: Token[], index: number): [number, number] | undefined {
  let first = index
  for (;;) {
    if (!titleWord(tokens[first])) return undefined
    if (first === 0 || tokens[first]?.lineBefore) break
    first--
  }
  let last = index
  while (last + 1 < tokens.length && !tokens[last + 1]?.lineBefore) {
    last++
    if (!titleWord(tokens[last])) return undefined
  }
  return [first, last]
}

/**
 * Whether the line holding a token is in title case: every content word capitalised, on four
 * words or more (a headline wrapped over lines counts as one). A sentence with a few names in
 * it ("John Lee Hooker recorded Boom Boom") keeps a lower-case word; a short line may be a
 * name alone, so it does not count.
 *
 * @param tokens - The sentence's tokens.
 * @param index - A capitalised token on the line.
 * @returns True for a headline or title line.
 */
export function inTitleLine(tokens: Token[], index: number): boolean {
  const line = titleLineAround(tokens, index)
  if (!line) return false
  let [first, last] = line
  // Join the neighbouring lines that are in title case too.
  for (let above = first > 0 ? titleLineAround(tokens, first - 1) : undefined; above; above = above[0] > 0 ? titleLineAround(tokens, above[0] - 1) : undefined) first = above[0]
  for (let below = last + 1 < tokens.length ? titleLineAround(tokens, last + 1) : undefined; below; below = below[1] + 1 < tokens.length ? titleLineAround(tokens, below[1] + 1) : undefined) last = below[1]
  return last - first >= 3
}

/**
 * Whether a line of two or three capitalised words is a short headline rather than a name:
 * it holds a verb (`Junkie Jailed`, `Crackhead Mum Spared Prison`), which a name
 * (`Junkie XL`, `Addicts Anonymous`) does not. The tagger reads capitalised verbs well
 * enough; the match's own tag is not asked, as it is the least sure.
 *
 * @param tokens - The sentence's tokens.
 * @param first - Index of the match's first token.
 * @param last - Index of the match's last token.
 * @param tagOf - The part of speech of a token.
 * @returns True for a short headline.
 */
export function inShortHeadline(tokens: Token[], first: number, last: number, tagOf: (index: number) => PartOfSpeech | undefined): boolean {
  const line = titleLineAround(tokens, first)
  if (!line) return false
  const [start, end] = line
  if (end - start < 1 || end - start > 2) return false
  for (let index = start; index <= end; index++) if ((index < first || index > last) && tagOf(index) === 'verb') return true
  return false
}

/**
 * Whether a capitalised match in a title line carries a name cue next to it: a trailing cue
 * within two capitalised words after it, a person's title before it, or a leading cue joined
 * to it by a connector.
 *
 * @param tokens - The sentence's tokens.
 * @param first - Index of the match's first token.
 * @param last - Index of the match's last token.
 * @returns True when the match reads as part of a name.
 */
export function hasNameCue(tokens: Token[], first: number, last: number): boolean {
  for (let index = last + 1; index <= last + 3 && index < tokens.length; index++) {
    const token = tokens[index]
    if (!token || token.gapBefore || !capitalised(token.text)) break
    if (trailingCues.has(token.key)) return true
    // A short acronym goes on with a name even in a headline: `Junkie XL Talks Synths`.
    if (index === last + 1 && /^\p{Lu}{2,4}$/u.test(token.text) && token.text !== 'OK') return true
  }
  // A person's title right before the name: `General Hooker`, `Councillor Nutter`.
  const title = tokens[first - 1]
  if (title && capitalised(title.text) && honorifics.has(title.key) && !tokens[first]?.gapBefore) return true
  // Back over connectors and at most two capitalised words to a leading cue that a connector follows.
  let words = 0
  for (let index = first - 1; index >= 0 && !tokens[index + 1]?.gapBefore; index--) {
    const token = tokens[index]
    if (!token) break
    const after = tokens[index + 1]
    if (leadingCues.has(token.key) && capitalised(token.text) && after && connectors.has(after.key) && index + 1 < first) return true
    if (connectors.has(token.key)) continue
    if (!capitalised(token.text) || ++words > 2) break
  }
  return false
}
