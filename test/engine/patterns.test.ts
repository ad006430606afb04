import {mkdtempSync, mkdirSync, writeFileSync, copyFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkRule, fix, lint, type Rule} from 'retext-stigma'
import {verbForms} from '../../packages/rule-schema/src/inflect.js'
import {expandPattern, patternProblems} from '../../packages/rule-schema/src/pattern.js'
import {loadRules, RuleFileError} from '../../packages/rules-compiler/src/load.js'
import {root} from '../helpers.js'

const classes = {thing: ['widget', 'blue widget'], det: ['a', 'the']}
const phrases = (phrase: string, form?: string) => expandPattern({phrase, kind: 'pattern', form}, classes).map((variant) => `${variant.keys.join(' ')}/${variant.form}`)

describe('verb lemmas', () => {
  it('inflects regular verbs by their spelling', () => {
    expect(verbForms('abuse').map((form) => form.word)).toEqual(['abuse', 'abuses', 'abused', 'abusing'])
    expect(verbForms('suffer').map((form) => form.word)).toEqual(['suffer', 'suffers', 'suffered', 'suffering'])
    expect(verbForms('stop').map((form) => form.word)).toEqual(['stop', 'stops', 'stopped', 'stopping'])
    expect(verbForms('battle').map((form) => form.word)).toEqual(['battle', 'battles', 'battled', 'battling'])
  })

  it('knows the irregular verbs rules use, with a participle where it differs', () => {
    expect(verbForms('get')).toEqual([
      {word: 'get', tag: 'base'},
      {word: 'gets', tag: 'third'},
      {word: 'got', tag: 'past'},
      {word: 'getting', tag: 'gerund'},
      {word: 'gotten', tag: 'participle'}
    ])
  })
})

describe('pattern expansion', () => {
  it('expands optional words, alternatives and verb forms, tagging each variant with its verb form', () => {
    expect(phrases('<fix> [the] (widget | gadget)')).toEqual([
      'fix widget/base', 'fix gadget/base', 'fix the widget/base', 'fix the gadget/base',
      'fixes widget/third', 'fixes gadget/third', 'fixes the widget/third', 'fixes the gadget/third',
      'fixed widget/past', 'fixed gadget/past', 'fixed the widget/past', 'fixed the gadget/past',
      'fixing widget/gerund', 'fixing gadget/gerund', 'fixing the widget/gerund', 'fixing the gadget/gerund'
    ])
    expect(phrases('<mend> widgets', 'trade')).toContain('mended widgets/trade-past')
    expect(phrases('widget maker')).toEqual(['widget maker/singular'])
  })

  it('records where each word class sits, counted from the match proper', () => {
    const [variant] = expandPattern({phrase: 'sold << {det} {thing} >> today', kind: 'pattern'}, classes).filter((v) => v.keys.includes('blue'))
    expect(variant).toMatchObject({keys: ['sold', 'a', 'blue', 'widget', 'today'], skip: 1, span: 3, captures: {det: [0, 1], thing: [1, 3]}})
  })

  it('reports unbalanced brackets, unknown classes and runaway patterns', () => {
    expect(patternProblems({phrase: '<fix> [the widget', kind: 'pattern'}, classes)[0]).toMatch(/missing `\]`/)
    expect(patternProblems({phrase: 'fix {gizmo}', kind: 'pattern'}, classes)[0]).toMatch(/unknown word class `\{gizmo\}` \(classes: det, thing\)/)
    expect(patternProblems({phrase: 'fix ( | widget)', kind: 'pattern'}, classes)[0]).toMatch(/empty alternative/)
    expect(patternProblems({phrase: 'widget << >> gadget', kind: 'pattern'}, classes)[0]).toMatch(/may not be empty/)
    const huge = Array.from({length: 7}, () => '(a | b | c | d)').join(' ')
    expect(patternProblems({phrase: huge, kind: 'pattern'}, classes)[0]).toMatch(/more than 5000 variants/)
    expect(patternProblems({phrase: '<fix> [the] {thing}', kind: 'pattern'}, classes)).toEqual([])
  })
})

// A private rule with invented words and the shipped word classes, so the test does not
// depend on any shipped rule.
const mangle: Rule = {
  id: 'test-mangle',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [
    {phrase: '<mangle> >> [{determiner}] {substance}', kind: 'pattern'},
    {phrase: 'mangling of [{determiner}] {substance}', kind: 'pattern', form: 'of'},
    {phrase: '{substance} {relative} {subject} << <mangle>', kind: 'pattern'},
    {phrase: 'mangled {number} times', kind: 'pattern', form: 'count'}
  ],
  suggestions: {default: [{text: 'handle', forms: {base: 'handle', third: 'handles', past: 'handled', gerund: 'handling', of: 'handling of {determiner} {substance}', count: 'handled {number} times'}, safe: true}]},
  explanation: 'A test rule about mangling, used only by the engine tests.'
}
const options = {customRules: [mangle]}
const found = (text: string) => lint(text, options).filter((finding) => finding.ruleId === mangle.id).map((finding) => finding.actual)

describe('pattern terms in the engine', () => {
  it('flags only the words between `<<` and `>>`, with the suggestion for the verb form', () => {
    expect(found('They mangled heroin and mangles the pills.')).toEqual(['mangled', 'mangles'])
    expect(fix('He was mangling a drug.', options)).toBe('He was handling a drug.')
    expect(found('They mangled the evidence.')).toEqual([])
  })

  it('fills a suggestion with the words the match had for each class, as written', () => {
    expect(fix('Mangling of illegal drugs rose.', options)).toBe('Handling of illegal drugs rose.')
    expect(fix('The mangling of the solvents rose.', options)).toBe('The handling of the solvents rose.')
    expect(fix('The drug that he mangled was heroin.', options)).toBe('The drug that he handled was heroin.')
  })

  it('reads what follows the term after its words after `>>`', () => {
    const budgeted: Rule = {...mangle, id: 'test-mangle-budget', terms: [{phrase: '<mangle> >> [{determiner}] {substance}', kind: 'pattern', context: {not_followed_by: ['budget']}}]}
    const budgetFound = (text: string) => lint(text, {customRules: [budgeted]}).map((finding) => finding.actual)
    expect(budgetFound('They mangled the medication budget.')).toEqual([])
    expect(budgetFound('They mangled the medication daily.')).toEqual(['mangled'])
    // The whole term wins an overlap: its words after `>>` count towards its length, so a
    // shorter fixed term that flags more words loses to it.
    const shorter: Rule = {...mangle, id: 'test-mangled-the', terms: [{phrase: 'mangled the', kind: 'fixed'}]}
    expect(lint('They mangled the medication daily.', {customRules: [budgeted, shorter]}).map((finding) => `${finding.ruleId}: ${finding.actual}`)).toEqual(['test-mangle-budget: mangled'])
  })

  it('matches any numeral for {number}', () => {
    expect(fix('It was mangled 12 times.', options)).toBe('It was handled 12 times.')
    expect(found('It was mangled many times.')).toEqual([])
  })

  it('rejects a custom rule whose pattern names no known class, naming the term', () => {
    const bad = {...mangle, terms: [{phrase: '<mangle> {gizmos}', kind: 'pattern' as const}]}
    expect(checkRule(bad, {})).toEqual([{pointer: '/terms/0/phrase', message: expect.stringMatching(/unknown word class `\{gizmos\}`/)}])
    expect(() => lint('text', {customRules: [bad]})).toThrow(/customRules\[0\]\.terms\.0\.phrase: pattern "<mangle> \{gizmos\}": unknown word class/)
  })
})

describe('the rules compiler', () => {
  function rulesDir(rule: string, wordClasses = 'thing: [widget]\n'): string {
    const dir = mkdtempSync(join(tmpdir(), 'destigma-patterns-'))
    copyFileSync(join(root, 'rules/sources.yml'), join(dir, 'sources.yml'))
    writeFileSync(join(dir, 'word-classes.yml'), wordClasses)
    mkdirSync(join(dir, 'drugs'))
    writeFileSync(join(dir, 'drugs/test-widget.yml'), rule)
    return dir
  }
  const rule = (phrase: string) =>
    `id: test-widget\ncategory: drugs\nseverity: warning\nconfidence: clear-cut\nterms:\n  - {phrase: widget man}\n  - {phrase: "${phrase}", kind: pattern}\nsuggestions:\n  default:\n    - text: widget maker\nexplanation: A test rule about widget makers for the compiler tests.\n`

  it('names the file, the line and the reason for a bad pattern', () => {
    const dir = rulesDir(rule('<make> {gadget}'))
    expect(() => loadRules(dir)).toThrow(RuleFileError)
    expect(() => loadRules(dir)).toThrow(/^rules\/drugs\/test-widget\.yml:7:14: terms\.1\.phrase: pattern "<make> \{gadget\}": unknown word class `\{gadget\}` \(classes: thing\)$/)
  })

  it('checks the word classes file and hands its classes to the engine', () => {
    expect(loadRules(rulesDir(rule('<make> {thing}'))).classes).toEqual({thing: ['widget']})
    expect(() => loadRules(rulesDir(rule('<make> {thing}'), 'Thing: [widget]\n'))).toThrow(/^rules\/word-classes\.yml:1:1: /)
    expect(() => loadRules(rulesDir(rule('<make> {thing}'), 'thing: ["(widget"]\n'))).toThrow(/rules\/word-classes\.yml:1:9: thing\.0: must match pattern/)
  })

  it('reports an alias used before its anchor with its line', () => {
    const dir = rulesDir(rule('<make> {thing}') + 'context:\n  forbids: *missing\n')
    expect(() => loadRules(dir)).toThrow(/^rules\/drugs\/test-widget\.yml:13:\d+: .*missing/)
  })
})
