import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {applyFixes, fix, lint, listRules} from 'retext-stigma'

// Words from the shipped rules mixed into random text, so the properties run through real matches.
const ruleWords = [...new Set(listRules().flatMap((rule) => rule.terms.flatMap((term) => term.phrase.split(' '))))]
const wordish = fc.oneof(
  fc.constantFrom(...ruleWords, 'the', 'an', 'a', 'people', 'Anonymous', 'Narcotics', '“', '”', '"', "'", '’', '-', '\n', '\n\n', ',', '.', '!'),
  fc.string(),
  fc.string({unit: 'binary'})
)
const texts = fc.array(wordish, {maxLength: 60}).map((parts) => parts.join(' '))

function assertInside(text: string): void {
  for (const finding of lint(text, {preset: 'strict'})) {
    expect(finding.offset).toBeGreaterThanOrEqual(0)
    expect(finding.endOffset).toBeLessThanOrEqual(text.length)
    expect(finding.offset).toBeLessThan(finding.endOffset)
    expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual)
    if (finding.fix) {
      expect(finding.fix.range[0]).toBeGreaterThanOrEqual(0)
      expect(finding.fix.range[1]).toBeLessThanOrEqual(text.length)
    }
  }
}

describe('bad and random input', () => {
  it.each([
    ['empty', ''],
    ['one character', 'a'],
    ['only punctuation', '?!...,;:—“”'],
    ['only emoji', '🙂🙃💊🍺'],
    ['mixed scripts', 'Наркоман addicts 瘾君子 مدمن junkie'],
    ['NUL bytes', 'addicts\u0000were\u0000here'],
    ['lone surrogates', '\uD800addicts\uDFFF']
  ])('%s: no exception, places inside the text', (_name, text) => {
    assertInside(text)
  })

  it('10 MB without a newline', {timeout: 300_000}, () => {
    const text = 'The council funded outreach for people who use drugs and their families across the city. '.repeat(115_000) + 'Two addicts left.'
    expect(text.length).toBeGreaterThan(10_000_000)
    const findings = lint(text)
    expect(findings.map((finding) => finding.actual)).toEqual(['addicts'])
    expect(findings[0]?.endOffset).toBe(text.length - ' left.'.length)
  })

  it('random text: no exception, every place inside the text', () => {
    fc.assert(fc.property(texts, (text) => assertInside(text)), {numRuns: 300})
  })

  it('random text: applying fixes twice gives the same text as once', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const once = fix(text, {preset: 'strict'})
        expect(fix(once, {preset: 'strict'})).toBe(once)
      }),
      {numRuns: 300}
    )
  })

  it('applyFixes skips overlapping fixes instead of garbling text', () => {
    expect(applyFixes('abcdef', [{fix: {range: [1, 4], text: 'X'}}, {fix: {range: [2, 5], text: 'Y'}}])).toBe('aXef')
  })
})
