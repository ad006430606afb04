import {describe, expect, it} from 'vitest'
import type {Rule} from 'retext-stigma'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {compileRules, restoreRules, serializeTrie, type SerializedTrie, type TrieNode} from '../../packages/retext-stigma/src/compile.js'
import {root} from '../helpers.js'
import {ruleSet} from '../../packages/retext-stigma/src/rule-set.js'

// Private rules with invented words, so these tests do not depend on the shipped rule set.
const base: Omit<Rule, 'id' | 'terms'> = {category: 'drugs', severity: 'error', confidence: 'clear-cut', suggestions: {default: [{text: 'handle'}]}, explanation: 'A test rule.'}
const mangle: Rule = {...base, id: 'test-mangle', terms: [{phrase: '<mangle> >> [the] {thing}', kind: 'pattern'}]}
const gadget: Rule = {...base, id: 'test-gadget', terms: [{phrase: '(blue gadget | red gizmo)', kind: 'pattern'}]}
const widget: Rule = {...base, id: 'test-widget', terms: [{phrase: 'green gadget', kind: 'fixed'}]}
const classes = {thing: ['widget', 'blue widget', 'gadget']}

/** The node a sequence of words leads to from the root. */
function walk(trie: TrieNode, words: string[]): TrieNode | undefined {
  let node: TrieNode | undefined = trie
  for (const word of words) node = node?.next.get(word)
  return node
}

const ruleIds = (node: TrieNode | undefined) => node?.ends.map((terminal) => `${terminal.rule.id}/${terminal.form}`)

describe('the compiled trie', () => {
  it('holds a tail that many variants share once', () => {
    const {trie} = compileRules([mangle], classes)
    // `mangled [the] {thing}`: with or without `the`, the same words lead to the same terminals.
    expect(walk(trie, ['mangled', 'blue'])).toBe(walk(trie, ['mangled', 'the', 'blue']))
    expect(walk(trie, ['mangled', 'blue', 'widget'])).toBe(walk(trie, ['mangled', 'the', 'blue', 'widget']))
    expect(ruleIds(walk(trie, ['mangled', 'the', 'blue', 'widget']))).toEqual(['test-mangle/past'])
  })

  it('keeps apart tails that lead to other terminals or other words', () => {
    const {trie} = compileRules([mangle, gadget, widget], classes)
    // Same words, another verb form: another terminal.
    expect(ruleIds(walk(trie, ['mangles', 'gadget']))).toEqual(['test-mangle/third'])
    expect(ruleIds(walk(trie, ['mangled', 'gadget']))).toEqual(['test-mangle/past'])
    // Same word after, another rule.
    expect(ruleIds(walk(trie, ['blue', 'gadget']))).toEqual(['test-gadget/singular'])
    expect(ruleIds(walk(trie, ['green', 'gadget']))).toEqual(['test-widget/singular'])
    // `red` leads on to `gizmo`, `blue` does not, though both words end the same terminals.
    expect(ruleIds(walk(trie, ['red', 'gizmo']))).toEqual(['test-gadget/singular'])
    expect(walk(trie, ['blue', 'gizmo'])).toBeUndefined()
    expect(walk(trie, ['green', 'gizmo'])).toBeUndefined()
    // A word that ends no term has no terminals of its own.
    expect(walk(trie, ['mangled'])?.ends).toEqual([])
  })

  it('holds the shipped rules in a small part of the nodes their variants spell', () => {
    const {trie} = compileRules(ruleSet.rules, ruleSet.classes)
    const nodes = new Set<TrieNode>()
    let paths = 0
    const visit = (node: TrieNode): void => {
      paths++
      nodes.add(node)
      for (const child of node.next.values()) visit(child)
    }
    visit(trie)
    expect(nodes.size).toBeLessThan(paths / 5)
  })
})

describe('the trie compiled at build time', () => {
  // Term contexts, cased words, captures and a match proper shorter than its words: every field a terminal carries.
  const rich: Rule[] = [
    {...mangle, context: {forbids: ['gentle']}},
    {...base, id: 'test-cased', terms: [{phrase: 'GiZ', match_case: true}, {phrase: 'gizmo kit', context: {window: 2, requires: ['shop']}}]},
    {...base, id: 'test-lead', terms: [{phrase: 'big << {thing}', kind: 'pattern', context: {not_followed_by: ['box']}}]}
  ]

  it('reads back the same paths, terminals and contexts as compiling', () => {
    const compiled = compileRules(rich, classes)
    const restored = restoreRules(rich, JSON.parse(JSON.stringify(serializeTrie(compiled))) as SerializedTrie)
    expect(serializeTrie(restored)).toEqual(serializeTrie(compiled))
    const terminal = walk(restored.trie, ['big', 'blue', 'widget'])?.ends[0]
    expect(terminal && [terminal.rule.id, terminal.skip, terminal.span, terminal.captures, [...(terminal.context?.notFollowedBy?.exact ?? [])]]).toEqual(['test-lead', 1, 2, {thing: [0, 2]}, ['box']])
    expect(walk(restored.trie, ['giz'])?.ends[0]?.exactWords).toEqual(['GiZ'])
    expect(restored.contexts.get('test-mangle')?.forbids?.exact).toEqual(new Set(['gentle']))
    // Terminals shared by many variants stay one object.
    expect(walk(restored.trie, ['mangled', 'gadget'])?.ends[0]).toBe(walk(restored.trie, ['mangled', 'the', 'gadget'])?.ends[0])
  })

  it('is the trie the shipped rules compile to now (rebuild when a rule or the compiler changes)', () => {
    expect(JSON.parse(readFileSync(join(root, 'packages/retext-stigma/generated/trie.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(serializeTrie(compileRules(ruleSet.rules, ruleSet.classes)))))
  })

  it('refuses a trie that names a rule it was not given', () => {
    expect(() => restoreRules([gadget], serializeTrie(compileRules([mangle], classes)))).toThrow(/test-mangle/)
  })
})
