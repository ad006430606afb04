import {describe, expect, it} from 'vitest'
import type {Finding} from 'retext-stigma'
import {fakeFinding as finding} from './fake-finding.js'
import {CorpusFormatError, parseCorpus, scoreCorpus} from './corpus.js'
import {expectsUnder, parseDigests, scoreByFamily} from './holdout.js'

// The hold-out's format additions and its scoring by family, on inputs small enough to check
// by hand, so that the accuracy bench cannot break silently.
const source = `## news report: A tiny hold-out

- The word “junkie” is hurtful, she said.
  - junkie: junkie (quoted) (mention)
  - trap: The word
  - family: mentions
- Addicts Left Waiting
  - addict: Addicts
  - family: titles
- The Substance Abuse and Mental\\nHealth Services Administration’s grants were cut.
  - trap: Substance Abuse and Mental\\nHealth Services Administration’s
  - family: names

- She was mentally ill, her mother said.
  - mentally-ill: mentally ill
  - family: new-rules
- It rained.
`

describe('parseCorpus, hold-out additions', () => {
  const [document] = parseCorpus(source, 'drugs', 'tiny.md')
  const [mention, title, name] = document?.paragraphs[0] ?? []

  it('reads (mention), with or without (quoted) before it', () => {
    expect(mention?.expected).toEqual([{ruleId: 'junkie', actual: 'junkie', quoted: true, mention: true}])
    expect(title?.expected).toEqual([{ruleId: 'addict', actual: 'Addicts', quoted: false}])
    expect(parseCorpus('## x: y\n\n- So-called addicts.\n  - addict: addicts (mention)\n', 'drugs', 'm.md')[0]?.paragraphs[0]?.[0]?.expected).toEqual([
      {ruleId: 'addict', actual: 'addicts', quoted: false, mention: true}
    ])
  })

  it('reads family tags and \\n as a line break', () => {
    expect([mention?.family, title?.family, name?.family, document?.paragraphs[1]?.[1]?.family]).toEqual(['mentions', 'titles', 'names', undefined])
    expect(name?.text).toBe('The Substance Abuse and Mental\nHealth Services Administration’s grants were cut.')
    expect(name?.trap).toBe('Substance Abuse and Mental\nHealth Services Administration’s')
  })

  it('rejects an unknown family and a second family, naming the line', () => {
    expect(() => parseCorpus('## x: y\n\n- A.\n  - family: grammar\n', 'drugs', 'bad.md')).toThrow(
      new CorpusFormatError('bad.md:4', 'unknown family "grammar"; use one of mentions, titles, names, pos, patterns, idioms, new-rules')
    )
    expect(() => parseCorpus('## x: y\n\n- A.\n  - family: pos\n  - family: names\n', 'drugs', 'bad.md')).toThrow(/bad\.md:5: a sentence has at most one family/)
  })
})

describe('scoring the hold-out', () => {
  const documents = parseCorpus(source, 'drugs', 'tiny.md')
  const confidence = (ruleId: string): 'clear-cut' | 'contested' => (ruleId === 'mentally-ill' ? 'contested' : 'clear-cut')
  // Offsets in the joined paragraphs: "Addicts" at 40, the name's "Substance Abuse" at 65, "mentally ill" at 8.
  const first = 'The word “junkie” is hurtful, she said. Addicts Left Waiting The Substance Abuse and Mental\nHealth Services Administration’s grants were cut.'
  const lint = (text: string): Finding[] =>
    text === first ? [finding('junkie', 'junkie', 10), finding('addict', 'Addicts', 40), finding('substance-abuse', 'Substance Abuse', 65)] : [finding('mentally-ill', 'mentally ill', 8)]

  it('never expects a mention, so finding one is a false alarm; contested annotations only under strict', () => {
    expect(first.indexOf('Addicts')).toBe(40)
    expect(first.indexOf('Substance Abuse')).toBe(65)
    const recommended = scoreCorpus(documents, lint, expectsUnder('recommended', confidence))
    expect(recommended.total).toEqual({sentences: 5, traps: 2, truePositives: 1, falsePositives: 3, falseNegatives: 0})
    expect(recommended.falsePositives.map((miss) => miss.key)).toEqual(['junkie: junkie', 'substance-abuse: Substance Abuse', 'mentally-ill: mentally ill'])
    const strict = scoreCorpus(documents, lint, expectsUnder('strict', confidence))
    expect(strict.total).toMatchObject({truePositives: 2, falsePositives: 2, falseNegatives: 0})
  })

  it('counts a pending rule that finds nothing as a miss only under the preset of its confidence', () => {
    const silent = (text: string): Finding[] => lint(text).filter((found) => found.ruleId !== 'mentally-ill')
    expect(scoreCorpus(documents, silent, expectsUnder('recommended', confidence)).total.falseNegatives).toBe(0)
    expect(scoreCorpus(documents, silent, expectsUnder('strict', confidence)).falseNegatives.map((miss) => miss.key)).toEqual(['mentally-ill: mentally ill'])
  })

  it('splits the tallies by family, summing to the whole, linting each paragraph once', () => {
    const texts: string[] = []
    const byFamily = scoreByFamily(
      documents,
      (text) => {
        texts.push(text)
        return lint(text)
      },
      expectsUnder('strict', confidence)
    )
    expect(texts).toHaveLength(2)
    expect([...byFamily.keys()]).toEqual(['mentions', 'titles', 'names', 'new-rules', 'general'])
    expect(byFamily.get('mentions')).toEqual({sentences: 1, traps: 1, truePositives: 0, falsePositives: 1, falseNegatives: 0})
    expect(byFamily.get('titles')).toEqual({sentences: 1, traps: 0, truePositives: 1, falsePositives: 0, falseNegatives: 0})
    expect(byFamily.get('names')).toEqual({sentences: 1, traps: 1, truePositives: 0, falsePositives: 1, falseNegatives: 0})
    expect(byFamily.get('new-rules')).toEqual({sentences: 1, traps: 0, truePositives: 1, falsePositives: 0, falseNegatives: 0})
    expect(byFamily.get('general')).toEqual({sentences: 1, traps: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0})
    const whole = scoreCorpus(documents, lint, expectsUnder('strict', confidence)).total
    const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives' | 'sentences'): number => [...byFamily.values()].reduce((total, tally) => total + tally[key], 0)
    expect([sum('sentences'), sum('truePositives'), sum('falsePositives'), sum('falseNegatives')]).toEqual([whole.sentences, whole.truePositives, whole.falsePositives, whole.falseNegatives])
  })
})

describe('parseDigests', () => {
  it('reads sha256sum lines and names a line it cannot read', () => {
    const hex = 'a'.repeat(64)
    expect(parseDigests(`${hex}  drugs.md\n${'b'.repeat(64)} *health.md\n`)).toEqual(
      new Map([
        ['drugs.md', hex],
        ['health.md', 'b'.repeat(64)]
      ])
    )
    expect(() => parseDigests('not a digest\n')).toThrow(/FROZEN\.sha256: cannot read the line "not a digest"/)
  })
})
