import type {CompiledContext, CompiledRules, TrieNode} from './compile.js'
import {compiledFor, ruleSeverity} from './engine.js'
import {assertOptions} from './plugin.js'
import {withDefaults} from './options.js'
import type {StigmaOptions} from './types.js'

/**
 * A quick look at raw text, before any parse, for what could start or anchor a match.
 * Every compiled term needs all of its words in one sentence, so each term is represented by
 * one of its words (the rarest-looking: not a little word, then the longest); a text that
 * has none of those words, written as a whole run of letters and digits, cannot match.
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
const contextFields = new Set(['window', 'requires', 'forbids', 'precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy', 'standalone'])

const cache = new WeakMap<CompiledRules, Map<string, CandidateScan | undefined>>()

/**
 * The candidate scan for a set of options: anchors of the terms of every enabled rule, built
 * rules and custom rules alike, taken from the compiled trie itself.
 *
 * @param options - Options, as linting takes them.
 * @returns The scan, or undefined when the compiled rules hold something it cannot anchor (then parse everything).
 * @throws {OptionsError} When the options are invalid, as linting would.
 */
export function candidateScan(options?: StigmaOptions): CandidateScan | undefined {
  assertOptions(options)
  const settings = withDefaults(options)
  const compiled = compiledFor(settings)
  const enabled = compiled.rules.filter((rule) => ruleSeverity(rule, settings) !== 'off').map((rule) => rule.id)
  const key = enabled.join(' ')
  let scans = cache.get(compiled)
  if (!scans) cache.set(compiled, (scans = new Map()))
  if (!scans.has(key)) scans.set(key, buildScan(compiled, new Set(enabled)))
  return scans.get(key)
}

function buildScan(compiled: CompiledRules, enabled: Set<string>): CandidateScan | undefined {
  const anchors = new Set<string>()
  let anchorable = true
  const visit = (node: TrieNode, path: string[]): void => {
    if (Object.keys(node).some((field) => !trieFields.has(field))) anchorable = false
    if (node.ends.some((terminal) => enabled.has(terminal.rule.id))) {
      const anchor = anchorOf(path)
      if (anchor === undefined) anchorable = false
      else anchors.add(anchor)
    }
    for (const [word, child] of node.next) visit(child, [...path, word])
  }
  visit(compiled.trie, [])
  if (!anchorable) return undefined
  const contexts: CompiledContext[] = [...compiled.contexts.values()]
  const collect = (node: TrieNode): void => {
    for (const terminal of node.ends) if (terminal.context) contexts.push(terminal.context)
    for (const child of node.next.values()) collect(child)
  }
  collect(compiled.trie)
  const paragraphLocal = contexts.every(
    (context) => Object.keys(context).every((field) => contextFields.has(field)) && (typeof context.window === 'number' || context.window === 'paragraph')
  )
  return {
    paragraphLocal,
    mayMatch(text) {
      if (anchors.size === 0) return false
      for (const [run] of text.toLowerCase().matchAll(runs)) if (anchors.has(run)) return true
      return false
    }
  }
}

/**
 * The run of letters and digits that stands for a path of trie keys: from a key that is a
 * plain word, not a little word if there is another, the longest. Undefined when no key is a
 * plain word (a key made by some other kind of pattern).
 */
function anchorOf(path: string[]): string | undefined {
  let best: string | undefined
  let bestScore = -1
  for (const key of path) {
    if (!wordKey.test(key) || key !== key.toLowerCase()) continue
    for (const [run] of key.matchAll(runs)) {
      const score = (littleWords.has(run) ? 0 : 1000) + run.length
      if (score > bestScore) {
        best = run
        bestScore = score
      }
    }
  }
  return best
}
