import {resolve} from 'node:path'
import {loadConfig} from '@destigma/config'
import {docsBase, listRules, loadTagger, ruleInfo, rulePage, showFlaggedExample, type Rule, type RuleInfo} from 'retext-stigma'
import {UsageError} from './errors.js'
import type {CommandLine} from './settings.js'

/**
 * Every rule in play in the working folder: the built-in ones and the custom ones its config adds.
 *
 * @param settings - For `--config` and `--no-config`.
 * @returns The rules, built-in first.
 * @throws {ConfigError} When the config is invalid.
 */
export function rulesInPlay(settings: CommandLine): Array<RuleInfo & {custom: boolean}> {
  // The flags play no part in which rules exist; cli.ts checks them on their own.
  const config = loadConfig(resolve(settings.cwd, 'destigma'), {...settings.config, flags: undefined})
  const custom = config.options.customRules.map((rule) => ({...ruleInfo(rule), custom: true}))
  return [...listRules().map((rule) => ({...rule, custom: false})), ...custom]
}

/**
 * `--explain ID`: the rule's page, as in docs/rules (Markdown), or the rule as JSON.
 *
 * @param id - The rule id.
 * @param settings - The command line's settings.
 * @returns The text to print.
 * @throws {UsageError} When no rule has that id.
 */
export async function explainRule(id: string, settings: CommandLine): Promise<string> {
  const rules = rulesInPlay(settings)
  const rule = rules.find((candidate) => candidate.id === id)
  if (!rule) {
    const close = rules.filter((candidate) => candidate.id.includes(id) || id.includes(candidate.id) || candidate.terms.some((term) => term.phrase.includes(id))).map((candidate) => candidate.id)
    throw new UsageError(`--explain: no rule has the id "${id}"${close.length ? `; did you mean ${close.slice(0, 5).join(', ')}?` : ''} (destigma --list-rules lists them)`)
  }
  if (settings.format === 'json') return JSON.stringify(rule, null, 2) + '\n'
  // The built-in rules ship without their examples; a chunk of their own keeps them off every other run.
  const {default: examples} = await import('../generated/examples.json', {with: {type: 'json'}})
  const withExamples = {...rule, examples: rule.examples ?? (examples as Record<string, Rule['examples']>)[rule.id]}
  // The examples are linted synchronously, and this bundle cannot load the tagger then.
  await loadTagger()
  // Links into the repository are relative to docs/rules there, which a terminal is not.
  return rulePage(withExamples, {repository: docsBase.replace(/docs\/rules\/$/, ''), showFlagged: (example) => showFlaggedExample(rule, example)})
}

/**
 * `--list-rules`: one line per rule, grouped by category, or a JSON array.
 *
 * @param settings - The command line's settings.
 * @returns The text to print.
 */
export function listRulesText(settings: CommandLine): string {
  const rules = rulesInPlay(settings)
  if (settings.format === 'json')
    return (
      JSON.stringify(
        rules.map((rule) => ({
          id: rule.id,
          category: rule.category,
          severity: rule.severity,
          confidence: rule.confidence,
          preset: rule.preset,
          fixable: rule.fixable,
          custom: rule.custom,
          url: rule.url,
          terms: rule.terms.map((term) => term.phrase)
        })),
        null,
        2
      ) + '\n'
    )
  const width = Math.max(...rules.map((rule) => rule.id.length)) + 2
  const lines: string[] = []
  let category = ''
  for (const rule of [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) {
    if (rule.category !== category) lines.push(`${lines.length ? '\n' : ''}${(category = rule.category)}`)
    const flags = [rule.severity.padEnd(8), rule.preset.padEnd(12), rule.fixable ? 'fixable' : '       ', rule.custom ? ' custom' : ''].join(' ')
    const terms = rule.terms.map((term) => term.phrase).join(', ')
    lines.push(`  ${rule.id.padEnd(width)}${flags}  ${terms.length > 60 ? `${terms.slice(0, terms.lastIndexOf(', ', 60))}, …` : terms}`)
  }
  return `${lines.join('\n')}\n\n${rules.length} rules. recommended runs by default; --preset strict adds the strict ones.\n`
}
