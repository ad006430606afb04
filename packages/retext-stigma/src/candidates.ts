import type {CompiledContext, CompiledRules, Terminal, TrieNode} from './compile.js'
import {droppableArticles} from './match.js'
import {isResolved, resolveOptions, ruleStateOf, type ResolvedOptions} from './resolve.js'
import type {StigmaOptions} from './types.js'

/**
 * A quick look at raw text, before any parse, for what could start or anchor a match.
 * Every compiled term needs all of its words in one sentence: a text can match only if, for
 * some term, each run of letters and digits of each of its words appears in the text as a
 * whole run. Terms are indexed by one such run (the rarest-looking: not a little word, then
 * the longest), so the scan is one pass over the text's words and a few set lookups.
 */
export interface CandidateScan {
  /**
   * Whether a text holds an anchor word of an enabled term: false means no rule can match in it.
   *
   * @param text - Raw text, markup and all.
   * @returns True when it is worth parsing.
   */
  mayMatch(text: string): boolean
  /**
   * Whether every rule's conditions stay within the paragraph, so that a paragraph with no
   * anchor can be left unparsed. False when some rule looks further (or in a way this scan
   * does not know).
   */
  paragraphLocal: boolean
  /**
   * Read a whole text's words once, to ask the same of many of its parts (blocks, sentences)
   * without reading each part again.
   *
   * @param text - Raw text, markup and all.
   * @returns Questions about ranges of it.
   */
  index(text: string): IndexedText
}

/** The candidate questions about ranges of one text; a range must not cut a word. */
export interface IndexedText {
  /** Whether the range holds an anchor word of an enabled term, with all its words. */
  mayMatch(start: number, end: number): boolean
  /**
   * Whether the range holds the words of a term whose conditions read its whole paragraph (a
   * `window: paragraph` context), so that the paragraph must be parsed whole rather than only
   * its sentences that may match.
   */
  readsParagraph(start: number, end: number): boolean
}

/** Words too common to stand for a term; a term made only of them still gets one. */
const littleWords = new Set(
  'a an the of to in on at for and or nor but is are was were be been being has have had do does did with as by from into onto up out off not no it its he she they them their his her we you who that this these those people person ex one'.split(' ')
)

/** A trie key the scan can look for: a word as the tokenizer writes it (lower case, letters and digits, inner apostrophes, dots or ampersands). */
const wordKey = /^[\p{L}\p{M}\p{N}]+(?:['.&_][\p{L}\p{M}\p{N}]+)*['.]?$/u
const runs = /[\p{L}\p{M}\p{N}]+/gu

/** The fields this scan knows; anything else in the compiled set is something it cannot judge. */
const trieFields = new Set(['next', 'ends'])
// Parts of speech read the sentence; `topic`, `offTopic` and `window: document` read the raw text (topic.ts),
// which blanking a paragraph leaves as it is, so none of them needs a skipped paragraph parsed.
const contextFields = new Set([
  'window', 'requires', 'forbids', 'topic', 'offTopic', 'precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy', 'standalone', 'noun',
  'head', 'precededByPos', 'notPrecededByPos', 'followedByPos', 'notFollowedByPos', 'needsTags'
])

// Built once per rule set and set of enabled rules: resolutions that differ only in what does
// not change the anchors (locale, quotes, another folder's identical config) share one scan.
const scans = new WeakMap<CompiledRules, Map<string, CandidateScan | null>>()

/**
 * The candidate scan for a set of options: anchors of the terms of every enabled rule, built
 * rules and custom rules alike, taken from the compiled trie itself. A linter has its own
 * (`linter.candidates`); this is for callers without one.
 *
 * @param options - Options, raw or resolved.
 * @returns The scan, or undefined when the compiled rules hold something it cannot anchor (then parse everything).
 * @throws {OptionsError} When raw options are invalid, as linting would.
 */
export function candidateScan(options?: StigmaOptions | ResolvedOptions): CandidateScan | undefined {
  const {compiled, severities} = ruleStateOf(isResolved(options) ? options : resolveOptions(options))
  const enabled = compiled.rules.filter((rule) => severities.get(rule.id) !== 'off').map((rule) => rule.id)
  const key = enabled.join(' ')
  let byEnabled = scans.get(compiled)
  if (!byEnabled) scans.set(compiled, (byEnabled = new Map()))
  let scan = byEnabled.get(key)
  if (scan === undefined) byEnabled.set(key, (scan = buildScan(compiled, new Set(enabled)) ?? null))
  return scan ?? undefined
}

function buildScan(compiled: CompiledRules, enabled: Set<string>): CandidateScan | undefined {
  // Anchor run → the runs each term indexed under it needs (the anchor among them); `wide`
  // holds the terms whose context reads the whole paragraph.
  const anchors: Anchors = new Map()
  const wide: Anchors = new Map()
  let anchorable = true
  // One path, pushed and popped on the way down: the trie has tens of thousands of paths.
  const path: string[] = []
  // The same few hundred words recur on every path: read each word's runs once.
  const keyRuns = new Map<string, string[]>()
  // Variants share their tails (compile.ts), so many paths reach one node: judge each node once.
  const judged = new Map<TrieNode, {ends: boolean; wide: boolean}>()
  const contexts: CompiledContext[] = [...compiled.contexts.values()]
  const readsParagraph = (terminal: Terminal): boolean => {
    const context = terminal.context ?? compiled.contexts.get(terminal.rule.id)
    return context?.window === 'paragraph' && Boolean(context.requires ?? context.forbids)
  }
  const judge = (node: TrieNode): {ends: boolean; wide: boolean} => {
    let verdict = judged.get(node)
    if (!verdict) {
      for (const field in node) if (!trieFields.has(field)) anchorable = false
      for (const terminal of node.ends) if (terminal.context) contexts.push(terminal.context)
      const ends = node.ends.filter((terminal) => enabled.has(terminal.rule.id))
      judged.set(node, (verdict = {ends: ends.length > 0, wide: ends.some(readsParagraph)}))
    }
    return verdict
  }
  const visit = (node: TrieNode): void => {
    const verdict = judge(node)
    if (verdict.ends) {
      // A headline may drop a term's first article (match.ts), so the scan does not require it.
      const needed = runsOf(droppableArticles.includes(path[0] ?? '') ? path.slice(1) : path, keyRuns)
      const anchor = anchorOf(needed)
      if (anchor === undefined) anchorable = false
      else {
        addAnchor(anchors, anchor, needed)
        if (verdict.wide) addAnchor(wide, anchor, needed)
      }
    }
    for (const [word, child] of node.next) {
      path.push(word)
      visit(child)
      path.pop()
    }
  }
  visit(compiled.trie)
  if (!anchorable) return undefined
  const paragraphLocal = contexts.every(
    (context) => Object.keys(context).every((field) => contextFields.has(field)) && (typeof context.window === 'number' || context.window === 'paragraph' || context.window === 'document')
  )
  return {
    paragraphLocal,
    mayMatch: (text) => indexText(anchors, wide, text).mayMatch(0, text.length),
    index: (text) => indexText(anchors, wide, text)
  }
}

/**
 * One pass over a text's runs of letters and digits, noting where anchors of either kind
 * stand, so a question about a range looks only at the runs in it, and not at all when no
 * anchor stands there.
 */
function indexText(anchors: Anchors, wide: Anchors, text: string): IndexedText {
  const lower = text.toLowerCase()
  // Lower-casing a few characters changes their length: then lower-case run by run.
  const sameLength = lower.length === text.length
  const starts: number[] = []
  const keys: string[] = []
  const anchored: number[] = []
  const wideAnchored: number[] = []
  for (const match of (sameLength ? lower : text).matchAll(runs)) {
    const key = sameLength ? match[0] : match[0].toLowerCase()
    if (anchors.has(key)) anchored.push(keys.length)
    if (wide.has(key)) wideAnchored.push(keys.length)
    starts.push(match.index)
    keys.push(key)
  }
  const holds = (list: Anchors, at: number[], start: number, end: number): boolean => {
    const from = firstAtLeast(starts, start)
    const to = firstAtLeast(starts, end)
    let next = firstAtLeast(at, from)
    if (next >= at.length || (at[next] as number) >= to) return false
    const words = new Set(keys.slice(from, to))
    for (; next < at.length && (at[next] as number) < to; next++) {
      if (list.get(keys[at[next] as number] as string)?.some((needed) => needed.every((run) => words.has(run)))) return true
    }
    return false
  }
  return {
    mayMatch: (start, end) => holds(anchors, anchored, start, end),
    readsParagraph: (start, end) => holds(wide, wideAnchored, start, end)
  }
}

/** The index of the first value in an ascending list that is at least `value` (the list's length if none). */
function firstAtLeast(list: number[], value: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((list[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Anchor run → the runs each term indexed under it needs (the anchor among them). */
type Anchors = Map<string, string[][]>

function addAnchor(anchors: Anchors, anchor: string, needed: string[]): void {
  const list = anchors.get(anchor)
  if (list) list.push(needed)
  else anchors.set(anchor, [needed])
}

/** The runs of letters and digits of the keys that are plain words (other kinds of key cannot be looked for in raw text). */
function runsOf(path: string[], keyRuns: Map<string, string[]>): string[] {
  const found = new Set<string>()
  for (const key of path) {
    let own = keyRuns.get(key)
    if (!own) keyRuns.set(key, (own = wordKey.test(key) && key === key.toLowerCase() ? Array.from(key.matchAll(runs), ([run]) => run) : []))
    for (const run of own) found.add(run)
  }
  return [...found]
}

/**
 * The run that indexes a term: not a little word if there is another, then the longest.
 * Undefined when the term has no plain word (a key made by some other kind of pattern).
 */
function anchorOf(needed: string[]): string | undefined {
  let best: string | undefined
  let bestScore = -1
  for (const run of needed) {
    const score = (littleWords.has(run) ? 0 : 1000) + run.length
    if (score > bestScore) {
      best = run
      bestScore = score
    }
  }
  return best
}
