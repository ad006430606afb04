import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {describe, expect, it, vi} from 'vitest'
import type {Rule} from 'retext-stigma'
// The engine's source, so that its checkers can be counted.
import retextStigma, {createLinter, fix, lint, lintTree, OptionsError, resolveOptions} from '../../packages/retext-stigma/src/index.js'

// Every call of the engine's two checkers, counted.
const {counts, counted} = vi.hoisted(() => {
  const counts = {options: 0, rules: 0}
  const counted =
    <Args extends unknown[], Result>(key: keyof typeof counts, check: (...args: Args) => Result) =>
    (...args: Args): Result => {
      counts[key]++
      return check(...args)
    }
  return {counts, counted}
})
vi.mock('../../packages/retext-stigma/src/options.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../packages/retext-stigma/src/options.js')>()
  return {...actual, checkOptions: counted('options', actual.checkOptions)}
})
vi.mock('@destigma/rule-schema', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@destigma/rule-schema')>()
  return {...actual, checkRule: counted('rules', actual.checkRule)}
})

const zonked: Rule = {
  id: 'zonked',
  category: 'drugs',
  severity: 'warning',
  confidence: 'clear-cut',
  terms: [{phrase: 'zonked-out wreck'}],
  suggestions: {default: [{text: 'person who was very intoxicated', safe: true}]},
  explanation: 'Our house style describes intoxication, not the person.'
}

describe('resolveOptions', () => {
  it('orders layers lowest first: single values from the last layer, rules and categories per key, allow adding up', () => {
    const resolved = resolveOptions(
      {locale: 'en-US', rules: {addict: 'off', junkie: 'warning'}, allow: ['clean']},
      undefined,
      {locale: 'en-GB', preset: 'strict', rules: {addict: 'error'}, categories: {suicide: 'off'}, allow: ['sober']}
    )
    expect(resolved).toEqual({
      locale: 'en-GB',
      preset: 'strict',
      rules: {addict: 'error', junkie: 'warning'},
      allow: ['clean', 'sober'],
      quotes: 'lower',
      mentions: 'ignore',
      categories: {suicide: 'off'},
      customRules: []
    })
  })

  it('returns frozen options, custom rules included', () => {
    const resolved = resolveOptions({rules: {addict: 'off'}, customRules: [structuredClone(zonked)]})
    expect(Object.isFrozen(resolved)).toBe(true)
    expect(Object.isFrozen(resolved.rules)).toBe(true)
    expect(Object.isFrozen(resolved.customRules[0]?.terms[0])).toBe(true)
    expect(() => {
      ;(resolved.rules as Record<string, string>).junkie = 'off'
    }).toThrow(TypeError)
  })

  it('lists every problem with the layer it is in, custom rules checked against the schema and for taken ids', () => {
    let error: unknown
    try {
      resolveOptions({locale: 'fr'} as never, {rules: {'no-such-rule': 'off'}}, {customRules: [{...zonked, severity: 'loud'} as never, {...zonked, id: 'addict'}]})
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(OptionsError)
    const problems = (error as OptionsError).problems.map(({path, layer}) => `${layer} ${path}`)
    expect(problems).toEqual(['2 customRules[0].severity', '2 customRules[1].id', '0 locale', '1 rules.no-such-rule'])
  })

  it('lets a later layer name a custom rule an earlier layer brings, and the reverse', () => {
    expect(resolveOptions({rules: {zonked: 'error'}}, {customRules: [zonked]}).rules).toEqual({zonked: 'error'})
  })
})

describe('a linter made once', () => {
  it('validates its options once, however many documents it lints and however it is called', () => {
    counts.options = 0
    counts.rules = 0
    const resolved = resolveOptions({preset: 'strict'}, {customRules: [zonked, {...zonked, id: 'zonked-two', terms: [{phrase: 'off his face'}]}]}, {locale: 'en-US'})
    expect(counts).toEqual({options: 3, rules: 2})
    const linter = createLinter(resolved)
    const processor = unified().use(retextEnglish).use(retextStigma, resolved)
    for (let round = 0; round < 20; round++) {
      const text = `Round ${round}: the addicts and a zonked-out wreck were off his face.`
      expect(linter.lint(text).map((finding) => finding.ruleId)).toEqual(['addict', 'zonked', 'zonked-two'])
      expect(lintTree(processor.parse(text), text, resolved)).toHaveLength(3)
      expect(lint(text, resolved)).toHaveLength(3)
      expect(fix(text, resolved)).toContain('people with a substance use disorder')
      expect(linter.candidates?.mayMatch(text)).toBe(true)
    }
    processor.runSync(processor.parse('An addict.'))
    expect(counts).toEqual({options: 3, rules: 2})
  })

  it('refuses options that did not come from resolveOptions', () => {
    expect(() => createLinter({...resolveOptions()}).lint('An addict.')).toThrow(/must come from resolveOptions/)
  })
})
