import type {PartOfSpeech, Rule, RuleContext, RuleTerm, WordClasses} from './types.js'
import {expandTerm, forEachVariant, normaliseWord, phraseKeys} from '@destigma/rule-schema'

/** What a path through the trie finds: a rule and the form of the term. */
export interface Terminal {
  rule: Rule
  form: string
  /** For `match_case` terms: the words exactly as they must be written (undefined: any case, for a variant the compiler cannot spell). */
  exactWords?: Array<string | undefined>
  /** The term opens on an acronym (`AIDS test`): written in lower case, it may be another word (`the app aids testing`). */
  acronymFirst?: boolean
  /** The term's own context, in place of the rule's. */
  context?: CompiledContext
  /** For pattern terms: where each word class sits in the match, for the suggestions' `{class}` placeholders. */
  captures?: Record<string, [number, number]>
  /** For pattern terms with `<<` or `>>`: trie keys before the match proper, and the keys in it. */
  skip?: number
  span?: number
}

/** A node of the token trie. */
export interface TrieNode {
  next: Map<string, TrieNode>
  ends: Terminal[]
}

/** A compiled word list: exact words plus `prefix*` entries. */
export interface WordSet {
  exact: Set<string>
  prefixes: string[]
}

/** Context conditions with their word lists compiled. */
export interface CompiledContext {
  window: number | 'paragraph' | 'document'
  requires?: WordSet
  forbids?: WordSet
  topic?: WordSet
  offTopic?: WordSet
  precededBy?: WordSet
  notPrecededBy?: WordSet
  followedBy?: WordSet
  notFollowedBy?: WordSet
  standalone: boolean
  noun: boolean
  head: boolean
  precededByPos?: Set<PartOfSpeech>
  notPrecededByPos?: Set<PartOfSpeech>
  followedByPos?: Set<PartOfSpeech>
  notFollowedByPos?: Set<PartOfSpeech>
  /** Some condition needs the sentence's parts of speech. */
  needsTags: boolean
}

/** A node of the trie of fixed names. */
export interface NameNode {
  next: Map<string, NameNode>
  end: boolean
}

/** Every rule compiled into one lookup structure. */
export interface CompiledRules {
  rules: Rule[]
  byId: Map<string, Rule>
  trie: TrieNode
  /** Fixed names (organisations, laws, titles) that shield any match inside them. */
  exceptions: NameNode
  contexts: Map<string, CompiledContext>
}

// Patterns make tens of thousands of leaves and inner nodes: they share one empty map and one
// empty list until they get a child or a terminal.
const noChildren: Map<string, TrieNode> = new Map()
const noEnds: Terminal[] = []
const newNode = (): TrieNode => ({next: noChildren, ends: noEnds})

function insert(root: TrieNode, keys: string[], terminal: Terminal): void {
  let node = root
  for (const key of keys) {
    let child = node.next.get(key)
    if (!child) {
      child = newNode()
      if (node.next === noChildren) node.next = new Map()
      node.next.set(key, child)
    }
    node = child
  }
  if (node.ends === noEnds) node.ends = [terminal]
  else if (!node.ends.includes(terminal)) node.ends.push(terminal)
}

/**
 * Make nodes that lead to the same terminals by the same words one node, bottom up, so the
 * trie becomes a graph: inflection and word classes give thousands of variants the same tail
 * (every `{substance}` after every form of `<abuse>`), and each tail is then held once. A walk
 * from the root reads exactly the paths and terminals it read before.
 */
function shareSuffixes(root: TrieNode): void {
  const terminalIds = new Map<Terminal, number>()
  const nodeIds = new Map<TrieNode, number>()
  const bySignature = new Map<string, TrieNode>()
  const idOf = <T>(ids: Map<T, number>, value: T): number => {
    let id = ids.get(value)
    if (id === undefined) ids.set(value, (id = ids.size))
    return id
  }
  // The one node kept for `node`'s terminals and children (each child made canonical first).
  const canonical = (node: TrieNode): TrieNode => {
    for (const [key, child] of node.next) node.next.set(key, canonical(child))
    const children = [...node.next.keys()].sort().map((key) => `${key} ${idOf(nodeIds, node.next.get(key) as TrieNode)}`)
    const signature = node.ends.map((terminal) => idOf(terminalIds, terminal)).join(' ') + '\n' + children.join('\n')
    let kept = bySignature.get(signature)
    if (!kept) bySignature.set(signature, (kept = node))
    return kept
  }
  canonical(root)
}

function insertName(root: NameNode, keys: string[]): void {
  let node = root
  for (const key of keys) {
    let child = node.next.get(key)
    if (!child) {
      child = {next: new Map(), end: false}
      node.next.set(key, child)
    }
    node = child
  }
  node.end = true
}

/**
 * Compile a word list from a rule's context.
 *
 * @param words - Words, each optionally ending in `*` for a prefix.
 * @returns The compiled set, or undefined for an absent list.
 */
export function compileWordSet(words: string[] | undefined): WordSet | undefined {
  if (!words || words.length === 0) return undefined
  const set: WordSet = {exact: new Set(), prefixes: []}
  for (const word of words) {
    const key = normaliseWord(word)
    if (key.endsWith('*')) set.prefixes.push(key.slice(0, -1))
    else set.exact.add(key)
  }
  return set
}

/**
 * Whether a normalised word is in a compiled word list.
 *
 * @param set - The compiled list.
 * @param key - A normalised word.
 * @returns True when it matches an exact word or a prefix.
 */
export function inWordSet(set: WordSet, key: string): boolean {
  return set.exact.has(key) || set.prefixes.some((prefix) => key.startsWith(prefix))
}

/**
 * Compile rules into one token trie, so matching costs the same whatever the number of rules.
 *
 * @param rules - Rules in the rule-file shape.
 * @param classes - Named word classes for pattern terms.
 * @returns The compiled rule set.
 */
export function compileRules(rules: Rule[], classes: WordClasses = {}): CompiledRules {
  const trie = newNode()
  for (const rule of rules) {
    for (const [index, term] of rule.terms.entries()) {
      const termContext = term.context ? compileContext(term.context) : undefined
      if (termContext) termOfContext.set(termContext, index)
      if (term.kind === 'pattern') {
        insertPattern(trie, rule, term, termContext, classes)
        continue
      }
      const acronymKeys = writtenAcronyms(term)
      for (const variant of expandTerm(term)) {
        const terminal: Terminal = {rule, form: variant.form}
        if (termContext) terminal.context = termContext
        if (term.match_case) terminal.exactWords = variant.keys.map((key, index) => casedWord(term.phrase, key, index))
        if (!term.match_case && acronymKeys.has(variant.keys[0] ?? '')) terminal.acronymFirst = true
        insert(trie, variant.keys, terminal)
      }
    }
  }
  shareSuffixes(trie)
  return {rules, trie, ...ruleLookups(rules)}
}

/** What a compiled rule set holds besides the trie: rules by id, the listed names, each rule's context. */
function ruleLookups(rules: Rule[]): Pick<CompiledRules, 'byId' | 'exceptions' | 'contexts'> {
  const byId = new Map<string, Rule>()
  const exceptions: NameNode = {next: new Map(), end: false}
  const contexts = new Map<string, CompiledContext>()
  for (const rule of rules) {
    byId.set(rule.id, rule)
    for (const name of rule.exceptions ?? []) insertName(exceptions, phraseKeys(name))
    contexts.set(rule.id, compileContext(rule.context ?? {}))
  }
  return {byId, exceptions, contexts}
}

/** Which term of its rule a term's compiled context came from, so a serialized trie can name it. */
const termOfContext = new WeakMap<CompiledContext, number>()

/**
 * A compiled trie as plain data: the build writes the built-in rules' trie with it, so a
 * process reads it back ({@link restoreRules}) instead of expanding every pattern again.
 */
export interface SerializedTrie {
  /** Each terminal: its rule's id, its form, the index of the term whose context it carries, and a pattern's fields. */
  terminals: Array<{rule: string; form: string; term?: number; exactWords?: Array<string | null>; acronymFirst?: boolean; captures?: Record<string, [number, number]>; skip?: number; span?: number}>
  /** Each node: the indexes of its terminals, and its children as `[word, node index]`; node 0 is the root. */
  nodes: Array<[number[], Array<[string, number]>]>
}

/**
 * Write a compiled rule set's trie as plain data, each shared node and terminal once.
 *
 * @param compiled - Rules compiled by {@link compileRules}.
 * @returns The trie as JSON-ready data.
 */
export function serializeTrie(compiled: CompiledRules): SerializedTrie {
  const data: SerializedTrie = {terminals: [], nodes: []}
  const terminalIds = new Map<Terminal, number>()
  const nodeIds = new Map<TrieNode, number>()
  const terminalId = (terminal: Terminal): number => {
    let id = terminalIds.get(terminal)
    if (id !== undefined) return id
    terminalIds.set(terminal, (id = data.terminals.length))
    const {rule, form, context, exactWords, acronymFirst, captures, skip, span} = terminal
    const term = context && termOfContext.get(context)
    if (context && term === undefined) throw new Error(`retext-stigma: a terminal of ${rule.id} has a context that no term of it compiled`)
    data.terminals.push({rule: rule.id, form, term, exactWords: exactWords?.map((word) => word ?? null), acronymFirst, captures, skip, span})
    return id
  }
  const nodeId = (node: TrieNode): number => {
    let id = nodeIds.get(node)
    if (id !== undefined) return id
    nodeIds.set(node, (id = data.nodes.length))
    const entry: [number[], Array<[string, number]>] = [node.ends.map(terminalId), []]
    data.nodes.push(entry)
    for (const [word, child] of node.next) entry[1].push([word, nodeId(child)])
    return id
  }
  nodeId(compiled.trie)
  return data
}

/**
 * Read back a trie that {@link serializeTrie} wrote for these rules: the same paths and
 * terminals as compiling them, without expanding a pattern.
 *
 * @param rules - The rules the trie was compiled from.
 * @param data - The serialized trie.
 * @returns The compiled rule set.
 * @throws {Error} When the trie names a rule or a term that the rules do not hold.
 */
export function restoreRules(rules: Rule[], data: SerializedTrie): CompiledRules {
  const lookups = ruleLookups(rules)
  const termContexts = new Map<string, CompiledContext>()
  const terminals = data.terminals.map(({rule: id, form, term, exactWords, acronymFirst, captures, skip, span}): Terminal => {
    const rule = lookups.byId.get(id)
    if (!rule) throw new Error(`retext-stigma: the compiled trie names a rule it was not given, ${id}`)
    const terminal: Terminal = {rule, form}
    if (term !== undefined) {
      const key = `${id} ${term}`
      let context = termContexts.get(key)
      const written = rule.terms[term]?.context
      if (!written) throw new Error(`retext-stigma: the compiled trie names a term of ${id} with no context`)
      if (!context) {
        termContexts.set(key, (context = compileContext(written)))
        termOfContext.set(context, term)
      }
      terminal.context = context
    }
    if (exactWords) terminal.exactWords = exactWords.map((word) => word ?? undefined)
    if (acronymFirst) terminal.acronymFirst = true
    if (captures) terminal.captures = captures
    if (skip !== undefined && span !== undefined) Object.assign(terminal, {skip, span})
    return terminal
  })
  const nodes = data.nodes.map(newNode)
  for (const [index, [ends, children]] of data.nodes.entries()) {
    const node = nodes[index] as TrieNode
    if (ends.length > 0) node.ends = ends.map((id) => terminals[id] as Terminal)
    if (children.length > 0) node.next = new Map(children.map(([word, id]) => [word, nodes[id] as TrieNode]))
  }
  return {rules, trie: nodes[0] ?? newNode(), ...lookups}
}

/**
 * Insert every variant of a pattern term. Variants mostly differ only in their words, so
 * they share terminals, and a variant already at its node is not added again.
 */
function insertPattern(trie: TrieNode, rule: Rule, term: RuleTerm, context: CompiledContext | undefined, classes: WordClasses): void {
  const shared = new Map<string, Terminal>()
  forEachVariant(term, classes, (variant) => {
    // Only classes inside the match proper can fill a suggestion.
    const captures = Object.entries(variant.captures).filter(([, [from, to]]) => from >= 0 && to <= variant.span)
    const id = `${variant.form} ${variant.skip} ${variant.span} ${captures.map(([name, [from, to]]) => `${name}:${from}-${to}`).join(' ')}`
    let terminal = shared.get(id)
    if (!terminal) {
      terminal = {rule, form: variant.form}
      if (context) terminal.context = context
      if (captures.length > 0) terminal.captures = Object.fromEntries(captures)
      if (variant.span !== variant.keys.length) Object.assign(terminal, {skip: variant.skip, span: variant.span})
      shared.set(id, terminal)
    }
    insert(trie, variant.keys, terminal)
  })
}

const posSet = (list: PartOfSpeech[] | undefined): Set<PartOfSpeech> | undefined => (list && list.length > 0 ? new Set(list) : undefined)

/** Compile a rule's (or a term's) context conditions. */
function compileContext(context: RuleContext): CompiledContext {
  const head = context.head ?? false
  const precededByPos = posSet(context.preceded_by_pos)
  const notPrecededByPos = posSet(context.not_preceded_by_pos)
  const followedByPos = posSet(context.followed_by_pos)
  const notFollowedByPos = posSet(context.not_followed_by_pos)
  return {
    head,
    precededByPos,
    notPrecededByPos,
    followedByPos,
    notFollowedByPos,
    needsTags: head || Boolean(precededByPos ?? notPrecededByPos ?? followedByPos ?? notFollowedByPos),
    window: context.window ?? 4,
    requires: compileWordSet(context.requires),
    topic: compileWordSet(context.topic),
    offTopic: compileWordSet(context.off_topic),
    forbids: compileWordSet(context.forbids),
    precededBy: compileWordSet(context.preceded_by),
    notPrecededBy: compileWordSet(context.not_preceded_by),
    followedBy: compileWordSet(context.followed_by),
    notFollowedBy: compileWordSet(context.not_followed_by),
    standalone: context.standalone ?? false,
    noun: context.noun ?? false
  }
}

/** The keys of the words a fixed term and its forms write in capitals (`AIDS`, `HIV`). */
function writtenAcronyms(term: RuleTerm): Set<string> {
  const written = [term.phrase, ...(term.forms ?? []).map((extra) => extra.phrase)].flatMap((phrase) => phrase.split(/[\s-]+/))
  const keys = new Set<string>()
  for (const word of written) {
    const acronym = /^(\p{Lu}{2,})(?:['\u2019]?s)?$/u.exec(word)?.[1]
    if (acronym) keys.add(acronym.toLowerCase())
  }
  return keys
}

/**
 * For a case-sensitive term, word `index` of a variant as it must be written: a word
 * written in lower case must stay lower case (`babies`); one with capitals keeps them
 * and takes the variant's ending (`IDU` + `s`).
 */
function casedWord(phrase: string, key: string, index: number): string | undefined {
  const written = phrase.split(/\s+/)[index]
  if (written === undefined) return undefined
  if (written === written.toLowerCase()) return key
  return key.startsWith(written.toLowerCase()) ? written + key.slice(written.length) : undefined
}
