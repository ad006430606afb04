import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {categories, lint, listRules, type StigmaOptions} from 'retext-stigma'
import {loadRules} from '../../packages/rules-compiler/src/load.js'
import {root} from '../helpers.js'
import {formatMisses, formatScore, loadCorpus, precision, recall, scoreCorpus, type Expectation} from './corpus.js'
import {expectsUnder} from './holdout.js'

// The corpus test of issue 4: realistic paragraphs written for the project, every sentence
// annotated with the findings a careful press officer would want. See docs/accuracy.md.
const minimumPrecision = 0.95
const minimumRecall = 0.9

const documents = loadCorpus(join(root, 'test/corpus'))
const sentences = documents.flatMap((document) => document.paragraphs.flat())
const rules = new Map(listRules().map((rule) => [rule.id, rule]))
const confidenceOf = (ruleId: string): 'clear-cut' | 'contested' => rules.get(ruleId)?.confidence ?? 'clear-cut'

describe('the corpus itself', () => {
  it('has at least 300 sentences, at least half of them traps, in every category', () => {
    const traps = sentences.filter((sentence) => sentence.trap !== undefined)
    expect(sentences.length).toBeGreaterThanOrEqual(300)
    expect(traps.length * 2).toBeGreaterThanOrEqual(sentences.length)
    const perCategory = new Map<string, number>()
    for (const document of documents) perCategory.set(document.category, (perCategory.get(document.category) ?? 0) + document.paragraphs.flat().length)
    for (const category of categories) expect(perCategory.get(category) ?? 0, `sentences about ${category}`).toBeGreaterThanOrEqual(30)
  })

  it('names existing rules, and every annotated phrase is in its sentence', () => {
    const problems: string[] = []
    for (const sentence of sentences) {
      if (sentence.trap !== undefined && !sentence.text.toLowerCase().includes(sentence.trap.toLowerCase()))
        problems.push(`${sentence.place}: trap "${sentence.trap}" is not in the sentence`)
      for (const expectation of sentence.expected) {
        if (!rules.has(expectation.ruleId)) problems.push(`${sentence.place}: no rule "${expectation.ruleId}"`)
        if (!sentence.text.includes(expectation.actual)) problems.push(`${sentence.place}: "${expectation.actual}" is not in the sentence`)
      }
    }
    expect(problems).toEqual([])
  })

  it('tests generalisation: no sentence repeats a rule file example', () => {
    // Sentences were written without the examples. When a corpus sentence exposes a rule's
    // mistake, it goes into that rule as an example whose note starts with "corpus:".
    const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()
    const examples = loadRules(join(root, 'rules')).rules.flatMap(({rule}) =>
      [...(rule.examples?.invalid ?? []), ...(rule.examples?.valid ?? [])]
        .filter((example) => !example.note?.startsWith('corpus:'))
        .map((example) => ({id: rule.id, text: normalise(example.text)}))
    )
    const copies: string[] = []
    for (const sentence of sentences) {
      const text = normalise(sentence.text)
      for (const example of examples) if (text.includes(example.text) || example.text.includes(text)) copies.push(`${sentence.place}: same as an example of ${example.id}`)
    }
    expect(copies).toEqual([])
  })
})

// Recommended is measured against the annotations of clear-cut rules only; strict against all.
// A mention is expected only when mentions are reported; the same rule as the accuracy bench's.
const runs: Array<{label: string; options: StigmaOptions; expects: (expectation: Expectation) => boolean}> = [
  {label: 'preset recommended', options: {preset: 'recommended'}, expects: expectsUnder('recommended', confidenceOf)},
  {label: 'preset strict', options: {preset: 'strict'}, expects: expectsUnder('strict', confidenceOf)},
  {label: 'preset strict, mentions reported', options: {preset: 'strict', mentions: 'report'}, expects: () => true}
]

describe.each(runs)('accuracy, $label', ({label, options, expects}) => {
  const score = scoreCorpus(documents, (text) => lint(text, options), expects)
  const misses = formatMisses(score)
  // The misses are printed on every run, not only on failure: they are the next person's to-do list.
  console.log(`${formatScore(label, score)}\n${misses}\n`)

  it(`has precision of at least ${minimumPrecision}`, () => {
    expect(precision(score.total), `precision ${precision(score.total).toFixed(3)}\n${misses}`).toBeGreaterThanOrEqual(minimumPrecision)
  })

  it(`has recall of at least ${minimumRecall}`, () => {
    expect(recall(score.total), `recall ${recall(score.total).toFixed(3)}\n${misses}`).toBeGreaterThanOrEqual(minimumRecall)
  })

  it('reports quoted matches as quoted and nothing else as quoted', () => {
    expect(score.quoteMismatches.map((miss) => `${miss.place}: ${miss.key}`)).toEqual([])
  })
})

describe('quotes: ignore', () => {
  it('drops every quoted match and keeps every other finding', () => {
    const quoted = sentences.flatMap((sentence) => sentence.expected.filter((expectation) => expectation.quoted))
    expect(quoted.length, 'the corpus needs quoted examples').toBeGreaterThanOrEqual(10)
    const paragraphs = documents.flatMap((document) => document.paragraphs.map((paragraph) => paragraph.map((sentence) => sentence.text).join(' ')))
    const stillQuoted = paragraphs.flatMap((text) => lint(text, {preset: 'strict', quotes: 'ignore'}).filter((finding) => finding.inQuotation))
    expect(stillQuoted.map((finding) => finding.actual)).toEqual([])
    const keys = (misses: Array<{place: string; key: string}>): string[] => misses.map((miss) => `${miss.place}: ${miss.key}`)
    const withQuotes = scoreCorpus(documents, (text) => lint(text, {preset: 'strict'}), () => true)
    const ignoring = scoreCorpus(documents, (text) => lint(text, {preset: 'strict', quotes: 'ignore'}), (expectation) => !expectation.quoted)
    // Outside quotation marks nothing changes: no new misses, no new false alarms.
    expect(keys(ignoring.falseNegatives).filter((key) => !keys(withQuotes.falseNegatives).includes(key))).toEqual([])
    expect(keys(ignoring.falsePositives).filter((key) => !keys(withQuotes.falsePositives).includes(key))).toEqual([])
    expect(ignoring.total.truePositives).toBeGreaterThan(0)
  })
})
