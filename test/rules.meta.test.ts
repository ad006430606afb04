import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint, listRules} from 'retext-stigma'
import {expandTerm} from '../packages/rule-schema/src/inflect.js'
import {loadRules} from '../packages/rules-compiler/src/load.js'
import {root} from './helpers.js'

// Invariants over the whole rule set. Each failure names the rule and what to change.
const {rules, sources} = loadRules(join(root, 'rules'))
const all = rules.map((loaded) => loaded.rule)

describe('rule set invariants', () => {
  it('every rule has at least three flagged and three not-flagged examples', () => {
    const thin = all
      .filter((rule) => (rule.examples?.invalid?.length ?? 0) < 3 || (rule.examples?.valid?.length ?? 0) < 3)
      .map((rule) => `${rule.id}: add examples (has ${rule.examples?.invalid?.length ?? 0} flagged, ${rule.examples?.valid?.length ?? 0} not flagged; needs 3 + 3)`)
    expect(thin).toEqual([])
  })

  it('every rule cites a source, and every source is cited', () => {
    expect(all.filter((rule) => !rule.sources?.length).map((rule) => `${rule.id}: add sources`)).toEqual([])
    const cited = new Set(all.flatMap((rule) => rule.sources ?? []))
    expect(Object.keys(sources).filter((key) => !cited.has(key)).map((key) => `rules/sources.yml: ${key} is never cited`)).toEqual([])
  })

  it('no form of a term is claimed by two rules', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const rule of all)
      for (const term of rule.terms)
        for (const variant of expandTerm(term)) {
          const key = variant.keys.join(' ')
          const other = owner.get(key)
          if (other && other !== rule.id) clashes.push(`"${key}" is in ${other} and ${rule.id}`)
          owner.set(key, rule.id)
        }
    expect(clashes).toEqual([])
  })

  it('at most one safe suggestion per locale, and a safe fix is shown by an example', () => {
    const problems: string[] = []
    for (const rule of all) {
      for (const [locale, list] of Object.entries(rule.suggestions))
        if ((list ?? []).filter((suggestion) => suggestion.safe).length > 1) problems.push(`${rule.id}: more than one safe suggestion for ${locale}`)
      const fixable = Object.values(rule.suggestions).some((list) => list?.some((suggestion) => suggestion.safe))
      if (fixable && !rule.examples?.invalid?.some((example) => example.fixed !== undefined)) problems.push(`${rule.id}: add an invalid example with \`fixed\``)
    }
    expect(problems).toEqual([])
  })

  it('contested rules explain who disagrees and are only in strict', () => {
    for (const rule of listRules()) {
      expect(rule.preset === 'strict', rule.id).toBe(rule.confidence === 'contested')
      if (rule.confidence === 'contested') expect(rule.contested_because, rule.id).toBeTruthy()
    }
  })

  it('no suggestion is itself flagged by any rule', () => {
    const flagged: string[] = []
    for (const rule of all)
      for (const list of Object.values(rule.suggestions))
        for (const suggestion of list ?? [])
          for (const text of [suggestion.text, suggestion.plural, ...Object.values(suggestion.forms ?? {})]) {
            if (!text) continue
            const findings = lint(`They spoke about ${text} today.`, {preset: 'strict'})
            if (findings.length > 0) flagged.push(`${rule.id}: suggestion "${text}" is flagged by ${findings.map((finding) => finding.ruleId).join(', ')}`)
          }
    expect(flagged).toEqual([])
  })
})

describe('preferred phrasings are never flagged', () => {
  // Regression list: the wording guides recommend must stay clean under the strict preset.
  const preferred = [
    'people who use drugs',
    'a person who injects drugs',
    'person with a substance use disorder',
    'people with addiction',
    'person in recovery',
    'died by suicide',
    'people experiencing homelessness',
    'people with mental health problems',
    'person with a conviction',
    'people in prison',
    'sex workers',
    'people living with HIV',
    'harm reduction',
    'drug-related deaths',
    'service users',
    'treatment and recovery services',
    'opioid substitution treatment',
    'medication for opioid use disorder',
    'alcohol dependence',
    'an overdose'
  ]
  it.each(preferred)('%s', (phrase) => {
    expect(lint(`The report describes ${phrase} in Glasgow.`, {preset: 'strict'}).map((finding) => finding.ruleId)).toEqual([])
  })
})
