import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {categories} from 'retext-stigma'
import {loadRules} from '../../packages/rules-compiler/src/load.js'
import {root} from '../helpers.js'
import {families, loadCorpus} from './corpus.js'
import {digestFiles, frozenDigestsFile, holdoutFolder, parseDigests, pendingRules} from './holdout.js'

// The hold-out corpus of issue 11 measures the engine on sentences nobody tuned it on. That is
// only true while it stays exactly as it was committed, so this test guards it.
const folder = join(root, holdoutFolder)
/** The commit that wrote and froze the hold-out. */
const frozenAt = 'a27c27a'
const documents = loadCorpus(folder)
const sentences = documents.flatMap((document) => document.paragraphs.flat())

describe('the hold-out corpus is frozen', () => {
  it('matches the digests recorded when it was written', () => {
    const recorded = parseDigests(readFileSync(join(folder, frozenDigestsFile), 'utf8'))
    const actual = digestFiles(folder)
    const changed = [...new Set([...recorded.keys(), ...actual.keys()])]
      .sort()
      .filter((name) => recorded.get(name) !== actual.get(name))
      .map((name) => `${holdoutFolder}/${name} ${!actual.has(name) ? 'was removed' : !recorded.has(name) ? 'was added' : 'was edited'}`)
    expect(
      changed,
      `The hold-out corpus is frozen (issue 11): it must not be edited, and rules must not be tuned on its misses.\n` +
        `Restore it with \`git checkout ${frozenAt} -- ${holdoutFolder}\` (the commit that froze it), and put new sentences in the tuning corpus (test/corpus/*.md) instead.\n` +
        `If the hold-out itself is wrong, replace it as a whole by a new, separately written set, with new digests, in a commit that says so.`
    ).toEqual([])
  })
})

describe('the hold-out corpus itself', () => {
  const rules = new Map(loadRules(join(root, 'rules')).rules.map(({rule}) => [rule.id, rule]))

  it('has at least 440 sentences, half of them traps, in every category and every family', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(440)
    expect(sentences.filter((sentence) => sentence.trap !== undefined).length * 2).toBeGreaterThanOrEqual(sentences.length)
    for (const category of categories) expect(documents.filter((document) => document.category === category).length, `documents about ${category}`).toBeGreaterThan(0)
    for (const family of families) expect(sentences.filter((sentence) => sentence.family === family).length, `sentences of the family ${family}`).toBeGreaterThanOrEqual(25)
  })

  it('names only rules that exist or are agreed for issue 11, and every annotated phrase is in its sentence', () => {
    const problems: string[] = []
    for (const sentence of sentences) {
      if (sentence.trap !== undefined && !sentence.text.toLowerCase().includes(sentence.trap.toLowerCase())) problems.push(`${sentence.place}: trap "${sentence.trap}" is not in the sentence`)
      for (const expectation of sentence.expected) {
        if (!rules.has(expectation.ruleId) && !pendingRules.has(expectation.ruleId)) problems.push(`${sentence.place}: no rule "${expectation.ruleId}" in rules/, and it is not one of the ids agreed for issue 11`)
        if (!sentence.text.includes(expectation.actual)) problems.push(`${sentence.place}: "${expectation.actual}" is not in the sentence`)
      }
    }
    expect(problems).toEqual([])
  })

  it('gives every sentence of mentions only a trap line, so traps are counted honestly', () => {
    const untrapped = sentences.filter((sentence) => sentence.expected.length > 0 && sentence.expected.every((expectation) => expectation.mention) && sentence.trap === undefined)
    expect(untrapped.map((sentence) => sentence.place)).toEqual([])
  })

  it('keeps the agreed confidence and category of an issue-11 rule once it lands', () => {
    // The bench decides a pending id's preset by the agreement; a rule that lands otherwise would
    // silently move its annotations between presets.
    const drift = [...pendingRules]
      .filter(([id]) => rules.has(id))
      .filter(([id, agreed]) => rules.get(id)?.confidence !== agreed.confidence || rules.get(id)?.category !== agreed.category)
      .map(([id, agreed]) => `${id}: agreed ${agreed.confidence} in ${agreed.category}, found ${rules.get(id)?.confidence} in ${rules.get(id)?.category}`)
    expect(drift).toEqual([])
  })

  it('repeats no rule file example and no tuning corpus sentence', () => {
    const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()
    const examples = [...rules.values()].flatMap((rule) =>
      [...(rule.examples?.invalid ?? []), ...(rule.examples?.valid ?? [])].map((example) => ({id: rule.id, text: normalise(example.text)}))
    )
    const tuning = new Set(loadCorpus(join(root, 'test/corpus')).flatMap((document) => document.paragraphs.flat().map((sentence) => normalise(sentence.text))))
    const copies: string[] = []
    for (const sentence of sentences) {
      const text = normalise(sentence.text)
      for (const example of examples) if (text.includes(example.text) || example.text.includes(text)) copies.push(`${sentence.place}: same as an example of ${example.id}`)
      if (tuning.has(text)) copies.push(`${sentence.place}: same as a tuning corpus sentence`)
    }
    expect(copies).toEqual([])
  })
})
