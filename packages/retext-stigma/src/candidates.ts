import type {CompiledContext, CompiledRules, Terminal, TrieNode} from './compile.js'
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
   * Whether a text holds the words of a term whose conditions read its whole paragraph (a
   * `window: paragraph` context), so that the paragraph must be parsed whole rather than
   * only its sentences that may match.
   *
   * @param text - Raw text, one paragraph.
   * @returns True when a sentence of it without an anchor may still decide a match.
   */
  readsParagraph(text: string): boolean
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
// Parts of speech read the sentence; `topic` and `window: document` read the raw text (topic.ts),
// which blanking a paragraph leaves as it is, so none of them needs a skipped paragraph parsed.
const contextFields = new Set([
  'window', 'requires', 'forbids', 'topic', 'precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy', 'standalone',
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
  // One path, pushed and popped on the way down: the trie has tens of thousands of nodes.
  const path: string[] = []
  const visit = (node: TrieNode): void => {
    for (const field in node) if (!trieFields.has(field)) anchorable = false
    const ends = node.ends.filter((terminal) => enabled.has(terminal.rule.id))
    if (ends.length > 0) {
      const needed = runsOf(path)
      const anchor = anchorOf(needed)
      if (anchor === undefined) anchorable = false
      else {
        addAnchor(anchors, anchor, needed)
        const readsParagraph = (terminal: Terminal): boolean => {
          const context = terminal.context ?? compiled.contexts.get(terminal.rule.id)
          return context?.window === 'paragraph' && Boolean(context.requires ?? context.forbids)
        }
        if (ends.some(readsParagraph)) addAnchor(wide, anchor, needed)
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
  const contexts: CompiledContext[] = [...compiled.contexts.values()]
  const collect = (node: TrieNode): void => {
    for (const terminal of node.ends) if (terminal.context) contexts.push(terminal.context)
    for (const child of node.next.values()) collect(child)
  }
  collect(compiled.trie)
  const paragraphLocal = contexts.every(
    (context) => Object.keys(context).every((field) => contextFields.has(field)) && (typeof context.window === 'number' || context.window === 'paragraph' || context.window === 'document')
  )
  return {
    paragraphLocal,
    mayMatch: (text) => holdsAnyTerm(anchors, text),
    readsParagraph: (text) => holdsAnyTerm(wide, text)
  }
}

/** Anchor run → the runs each term indexed under it needs (the anchor among them). */
type Anchors = Map<string, string[][]>

function addAnchor(anchors: Anchors, anchor: string, needed: string[]): void {
  const list = anchors.get(anchor)
  if (list) list.push(needed)
  else anchors.set(anchor, [needed])
}

/** Whether a text holds every run of some term indexed in `anchors`. */
function holdsAnyTerm(anchors: Anchors, text: string): boolean {
  if (anchors.size === 0) return false
  const lower = text.toLowerCase()
  // Most texts hold no anchor at all: find one before collecting every run.
  let found: string[][] | undefined
  for (const [run] of lower.matchAll(runs)) if ((found = anchors.get(run))) break
  if (!found) return false
  const words = new Set<string>()
  for (const [run] of lower.matchAll(runs)) words.add(run)
  for (const word of words) if (anchors.get(word)?.some((needed) => needed.every((run) => words.has(run)))) return true
  return false
}

/** The runs of letters and digits of the keys that are plain words (other kinds of key cannot be looked for in raw text). */
function runsOf(path: string[]): string[] {
  const found = new Set<string>()
  for (const key of path) if (wordKey.test(key) && key === key.toLowerCase()) for (const [run] of key.matchAll(runs)) found.add(run)
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
