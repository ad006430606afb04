import {describe, expect, it} from 'vitest'
import {fakeFinding as finding} from './fake-finding.js'
import {CorpusFormatError, formatMisses, formatScore, parseCorpus, precision, recall, scoreCorpus} from './corpus.js'

// The corpus test is only as good as its parser and its arithmetic: check both on small inputs.
const source = `# Corpus: test

An introduction that is not part of any document.

## press release: Two paragraphs

- Services for addicts were cut.
  - addict: addicts
- The clinic opened.
  - trap: clinic

- “They called us junkies,” she said.
  - junkie: junkies (quoted)
`

describe('parseCorpus', () => {
  it('reads documents, paragraphs, sentences, traps and quoted expectations', () => {
    const [document, ...rest] = parseCorpus(source, 'drugs', 'test.md')
    expect(rest).toEqual([])
    expect(document?.kind).toBe('press release')
    expect(document?.title).toBe('Two paragraphs')
    expect(document?.paragraphs.map((paragraph) => paragraph.map((sentence) => sentence.text))).toEqual([
      ['Services for addicts were cut.', 'The clinic opened.'],
      ['“They called us junkies,” she said.']
    ])
    const [first, second] = document?.paragraphs[0] ?? []
    expect(first?.expected).toEqual([{ruleId: 'addict', actual: 'addicts', quoted: false}])
    expect(first?.place).toBe('test.md:7')
    expect(second?.trap).toBe('clinic')
    expect(document?.paragraphs[1]?.[0]?.expected).toEqual([{ruleId: 'junkie', actual: 'junkies', quoted: true}])
  })

  it('names the file and line of a line it cannot read', () => {
    expect(() => parseCorpus('## news report: x\n\n- A sentence.\n  * not an annotation\n', 'drugs', 'bad.md')).toThrow(new CorpusFormatError('bad.md:4', 'expected "- <sentence>", "  - <annotation>", "## <kind>: <title>" or a blank line, got "  * not an annotation"'))
    expect(() => parseCorpus('## news report: x\n\n  - trap: x\n', 'drugs', 'bad.md')).toThrow(/bad\.md:3: an annotation must follow a sentence/)
    expect(() => parseCorpus('## news report: x\n\n- A.\n  - Addict: addicts\n', 'drugs', 'bad.md')).toThrow(/bad\.md:4: expected "trap: <phrase>" or "<rule-id>: <actual>"/)
    expect(() => parseCorpus('## news report: x\n\n- A.\n  - trap: a\n  - trap: b\n', 'drugs', 'bad.md')).toThrow(/at most one trap/)
  })
})

describe('scoreCorpus', () => {
  const documents = parseCorpus(source, 'drugs', 'test.md')

  it('counts a finding as correct only when rule id and text match, sentence by sentence', () => {
    const texts: string[] = []
    const score = scoreCorpus(
      documents,
      (text) => {
        texts.push(text)
        if (text.startsWith('Services'))
          // Right rule and text in sentence 1; a false alarm in sentence 2 (offset 31 is "The clinic opened.").
          return [finding('addict', 'addicts', 13), finding('addict', 'clinic', 35)]
        return [finding('junkie', 'junkie', 16, true)] // wrong text: a miss and a false alarm
      },
      () => true
    )
    expect(texts).toEqual(['Services for addicts were cut. The clinic opened.', '“They called us junkies,” she said.'])
    expect(score.total).toEqual({sentences: 3, traps: 1, truePositives: 1, falsePositives: 2, falseNegatives: 1})
    expect(score.falsePositives.map((miss) => `${miss.place} ${miss.key}`)).toEqual(['test.md:9 addict: clinic', 'test.md:12 junkie: junkie'])
    expect(score.falseNegatives.map((miss) => `${miss.place} ${miss.key}`)).toEqual(['test.md:12 junkie: junkies'])
    expect(precision(score.total)).toBeCloseTo(1 / 3)
    expect(recall(score.total)).toBeCloseTo(1 / 2)
  })

  it('reports a correct finding whose quotation status is wrong', () => {
    const score = scoreCorpus(documents, (text) => (text.startsWith('“') ? [finding('junkie', 'junkies', 16, false)] : []), (expectation) => expectation.quoted)
    expect(score.total.truePositives).toBe(1)
    expect(score.quoteMismatches.map((miss) => miss.key)).toEqual(['junkie: junkies (not quoted in the text)'])
  })

  it('leaves out annotations the options do not expect', () => {
    const score = scoreCorpus(documents, () => [], (expectation) => expectation.ruleId !== 'addict')
    expect(score.falseNegatives.map((miss) => miss.key)).toEqual(['junkie: junkies'])
    expect(recall({sentences: 0, traps: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0})).toBe(1)
  })

  it('lets one finding satisfy only one annotation', () => {
    const twice = parseCorpus('## news report: x\n\n- Addicts met addicts.\n  - addict: addicts\n  - addict: addicts\n', 'drugs', 'twice.md')
    const once = scoreCorpus(twice, () => [finding('addict', 'addicts', 12)], () => true)
    expect(once.total).toMatchObject({truePositives: 1, falsePositives: 0, falseNegatives: 1})
    const both = scoreCorpus(twice, () => [finding('addict', 'addicts', 12), finding('addict', 'addicts', 12)], () => true)
    expect(both.total).toMatchObject({truePositives: 2, falsePositives: 0, falseNegatives: 0})
  })

  it('prints a table per category and lists every miss', () => {
    const score = scoreCorpus(documents, () => [finding('addict', 'addicts', 13)], () => true)
    const table = formatScore('preset test', score)
    expect(table).toMatch(/^Corpus accuracy, preset test\ncategory/)
    expect(table).toMatch(/\ndrugs +3 +1 +2 +1 +1 +1 +50\.0% +50\.0%\noverall/)
    const misses = formatMisses(score)
    expect(misses).toContain('False positives (found, not expected) (1):\n  test.md:12  addict: addicts  ←  “They called us junkies,” she said.')
    expect(misses).toContain('False negatives (expected, not found) (1):\n  test.md:12  junkie: junkies')
    expect(formatMisses(scoreCorpus([], () => [], () => true))).toBe('')
  })
})
