import {describe, expect, it} from 'vitest'
import {fix, lint, type StigmaOptions} from 'retext-stigma'
import {loadRules} from '../packages/rules-compiler/src/load.js'
import {join} from 'node:path'
import {root} from './helpers.js'

// Every example in every rule file is a test: flagged examples must give exactly their
// flags (and fix), traps must give no finding from any rule.
const {rules} = loadRules(join(root, 'rules'))

describe.each(rules.map((loaded) => [loaded.rule.id, loaded.rule] as const))('%s', (_id, rule) => {
  const invalid = rule.examples?.invalid ?? []
  const valid = rule.examples?.valid ?? []

  it.each(invalid.map((example) => [example.text, example] as const))('flags: %s', (text, example) => {
    const options: StigmaOptions = {preset: 'strict', locale: example.locale, ...example.options}
    const findings = lint(text, options)
    const own = findings.filter((finding) => finding.ruleId === rule.id)
    expect(own.map((finding) => finding.actual)).toEqual(example.flags)
    expect(findings.filter((finding) => finding.ruleId !== rule.id).map((finding) => finding.ruleId)).toEqual([])
    for (const finding of own) {
      expect(finding.url).toMatch(new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`))
      expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual)
    }
    if (example.suggests !== undefined) expect(own[0]?.expected[0]).toBe(example.suggests)
    const fixed = fix(text, options)
    expect(fixed).toBe(example.fixed ?? text)
    expect(fix(fixed, options)).toBe(fixed)
  })

  it.each(valid.map((example) => [example.text, example] as const))('does not flag: %s', (text, example) => {
    const findings = lint(text, {preset: 'strict', locale: example.locale, ...example.options})
    expect(findings.map((finding) => `${finding.ruleId}: ${finding.actual}`)).toEqual([])
  })
})
