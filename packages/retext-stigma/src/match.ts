import type {CompiledContext, CompiledRules, Terminal} from './compile.js'
import {inWordSet} from './compile.js'
import {shieldedTokens} from './names.js'
import {hasNameCue, inTitleLine} from './title-case.js'
import type {Token} from './tokens.js'

/** A term found in a sentence, before options (severity, quotes, allow) apply. */
export interface Match {
  terminal: Terminal
  /** Index of the first and last token of the match. */
  first: number
  last: number
  start: number
  end: number
}

/** Words after which a collective `the + adjective` stands alone as a noun. */
const standaloneFollowers = new Set(
  'are were is was have has had will would can could should may might must do does did who that which whose and or but nor in on at of for from with without to by into across as than like remain remained remains need needs needed deserve deserves face faced often also still now too living sleeping since until before after because when while'.split(
    ' '
  )
)

/** Little words allowed inside a proper name (`National Institute on Drug Abuse`). */
const nameConnectors = new Set(['of', 'on', 'for', 'and', 'the', '&', 'in', 'against'])

const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)

/**
 * Find every rule match in one sentence: walk the trie from each token,
 * drop matches that fail their context or sit in a proper name, and keep the
 * longest where matches overlap.
 *
 * @param tokens - The sentence's tokens.
 * @param compiled - The compiled rules.
 * @param enabled - Whether a rule is switched on.
 * @param paragraph - Every sentence of the paragraph, for rules whose context is the whole paragraph.
 * @returns Non-overlapping matches in order of position.
 */
export function matchSentence(tokens: Token[], compiled: CompiledRules, enabled: (ruleId: string) => boolean, paragraph: Token[][] = [tokens]): Match[] {
  // Most sentences have no match at all: find shielded names only once one turns up.
  let shielded: boolean[] | undefined
  const isShielded = (index: number): boolean => (shielded ??= shieldedTokens(tokens, compiled.exceptions))[index] === true
  const candidates: Match[] = []

  for (let first = 0; first < tokens.length; first++) {
    let node = compiled.trie.next.get(tokens[first]?.key ?? '')
    let last = first
    while (node) {
      for (const terminal of node.ends) {
        const match = {terminal, first, last, start: tokens[first]?.start ?? 0, end: tokens[last]?.end ?? 0}
        if (accept(match, tokens, compiled, isShielded, enabled, paragraph)) candidates.push(match)
      }
      const following = tokens[last + 1]
      if (!following || following.gapBefore) break
      node = node.next.get(following.key)
      last++
    }
  }

  // Longest first; then keep what does not overlap anything already kept.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Match[] = []
  const taken: boolean[] = []
  for (const candidate of candidates) {
    let free = true
    for (let index = candidate.first; index <= candidate.last && free; index++) if (taken[index]) free = false
    if (!free) continue
    for (let index = candidate.first; index <= candidate.last; index++) taken[index] = true
    kept.push(candidate)
  }
  return kept.sort((a, b) => a.start - b.start)
}

function accept(match: Match, tokens: Token[], compiled: CompiledRules, isShielded: (index: number) => boolean, enabled: (ruleId: string) => boolean, paragraph: Token[][]): boolean {
  const {rule, exactWords} = match.terminal
  if (!enabled(rule.id)) return false
  if (exactWords && exactWords.some((word, index) => word !== undefined && !sameCase(word, tokens, match.first + index))) return false
  for (let index = match.first; index <= match.last; index++) if (isShielded(index)) return false
  // Acronym terms are written in capitals anyway, so capitals say nothing about a name; in a
  // headline neither do capitals, unless a name cue (`Anonymous`, `Act`) stands beside the match.
  if (!exactWords && inProperName(tokens, match.first, match.last) && (!inTitleLine(tokens, match.first) || hasNameCue(tokens, match.first, match.last))) return false
  const context = match.terminal.context ?? compiled.contexts.get(rule.id)
  return context ? contextHolds(context, tokens, match.first, match.last, paragraph) : true
}

/** A case-sensitive word as written; a headline may capitalise one the rule writes in lower case (`Ex-Cons`). */
function sameCase(word: string, tokens: Token[], index: number): boolean {
  const text = tokens[index]?.text
  if (text === word) return true
  return text !== undefined && word === word.toLowerCase() && text === word.charAt(0).toUpperCase() + word.slice(1) && inTitleLine(tokens, index)
}

/** The token right before the match, if only white space separates them. */
function previousWord(tokens: Token[], first: number): Token | undefined {
  return tokens[first]?.gapBefore ? undefined : tokens[first - 1]
}

/** The token right after the match, if only white space separates them. */
function nextWord(tokens: Token[], last: number): Token | undefined {
  const next = tokens[last + 1]
  return next && !next.gapBefore ? next : undefined
}

function contextHolds(context: CompiledContext, tokens: Token[], first: number, last: number, paragraph: Token[][]): boolean {
  const previous = previousWord(tokens, first)
  const next = nextWord(tokens, last)
  if (context.precededBy && !(previous && inWordSet(context.precededBy, previous.key))) return false
  if (context.notPrecededBy && previous && inWordSet(context.notPrecededBy, previous.key)) return false
  if (context.followedBy && !(next && inWordSet(context.followedBy, next.key))) return false
  if (context.notFollowedBy && next && inWordSet(context.notFollowedBy, next.key)) return false
  if (context.standalone && next && !standaloneFollowers.has(next.key)) return false
  if (context.requires || context.forbids) {
    const {requires, forbids, window} = context
    const own = tokens.slice(first, last + 1)
    const around =
      window === 'paragraph'
        ? paragraph.flatMap((sentence) => (sentence === tokens ? [...tokens.slice(0, first), ...tokens.slice(last + 1)] : sentence))
        : [...tokens.slice(Math.max(0, first - window), first), ...tokens.slice(last + 1, last + 1 + window)]
    // The match's own words count as nearby for `requires` (`substance abuse` carries its context).
    if (requires && ![...around, ...own].some((token) => inWordSet(requires, token.key))) return false
    if (forbids && around.some((token) => inWordSet(forbids, token.key))) return false
  }
  return true
}

/**
 * Whether a capitalised match is part of a longer capitalised name, such as
 * an organisation or a programme not listed in any rule's exceptions.
 */
function inProperName(tokens: Token[], first: number, last: number): boolean {
  const head = tokens[first]
  if (!head || !isCapitalised(head.text)) return false
  const after = nextWord(tokens, last)
  if (after && isCapitalised(after.text)) return true
  for (let index = first; index > 0; index--) {
    if (tokens[index]?.gapBefore) return false
    const word = tokens[index - 1]
    if (!word) return false
    if (isCapitalised(word.text)) return index - 1 > 0 || !nameConnectors.has(tokens[index]?.key ?? '')
    if (!nameConnectors.has(word.key)) return false
  }
  return false
}
