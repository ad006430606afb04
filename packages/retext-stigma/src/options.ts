import type {Category, Locale, MentionsMode, QuotesMode, Rule, Severity, StigmaOptions} from './types.js'
import {categories, locales} from './types.js'
import {isRecord} from '@destigma/rule-schema'

/** Options with every default filled in. */
export interface ResolvedOptions {
  locale: Locale
  preset: 'recommended' | 'strict'
  rules: Record<string, 'off' | Severity>
  allow: string[]
  quotes: QuotesMode
  mentions: MentionsMode
  categories: Partial<Record<Category, 'off' | 'on'>>
  customRules: Rule[]
}

/** One thing wrong with an options object. */
export interface OptionsProblem {
  /** Where, as a dotted path (`rules.addict`). */
  path: string
  message: string
}

/** Thrown when options are invalid; lists every problem found. */
export class OptionsError extends Error {
  readonly problems: OptionsProblem[]
  constructor(problems: OptionsProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'))
    this.name = 'OptionsError'
    this.problems = problems
  }
}

const knownKeys = ['locale', 'preset', 'rules', 'allow', 'quotes', 'mentions', 'categories', 'customRules']
const ruleSettings = ['off', 'error', 'warning', 'info']

/**
 * Check an options object without resolving it.
 *
 * @param options - Options from any surface (API, config file, editor settings).
 * @param ruleIds - Ids of every rule that exists, for checking `rules` and `allow`.
 * @returns The problems found; empty when the options are valid.
 */
export function checkOptions(options: unknown, ruleIds: ReadonlySet<string>): OptionsProblem[] {
  const problems: OptionsProblem[] = []
  if (options === undefined || options === null) return problems
  if (!isRecord(options)) return [{path: '(options)', message: 'must be an object'}]
  const oneOf = (path: string, value: unknown, allowed: readonly string[]): void => {
    if (value !== undefined && !allowed.includes(value as string))
      problems.push({path, message: `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}, got ${JSON.stringify(value)}`})
  }
  for (const key of Object.keys(options)) {
    if (!knownKeys.includes(key)) problems.push({path: key, message: `unknown option; known options are ${knownKeys.join(', ')}`})
  }
  oneOf('locale', options.locale, locales)
  oneOf('preset', options.preset, ['recommended', 'strict'])
  oneOf('quotes', options.quotes, ['lower', 'report', 'ignore'])
  oneOf('mentions', options.mentions, ['ignore', 'lower', 'report'])
  if (options.rules !== undefined) {
    if (!isRecord(options.rules)) problems.push({path: 'rules', message: 'must be an object of rule id to "off", "error", "warning" or "info"'})
    else
      for (const [id, value] of Object.entries(options.rules)) {
        if (!ruleIds.has(id)) problems.push({path: `rules.${id}`, message: `unknown rule id "${id}"`})
        oneOf(`rules.${id}`, value, ruleSettings)
      }
  }
  if (options.allow !== undefined) {
    if (!Array.isArray(options.allow) || options.allow.some((item) => typeof item !== 'string' || item.trim() === ''))
      problems.push({path: 'allow', message: 'must be a list of phrases or "rule:<id>" entries'})
    else
      for (const item of options.allow as string[]) {
        const id = /^rule:(.*)$/.exec(item)?.[1]
        if (id !== undefined && !ruleIds.has(id)) problems.push({path: 'allow', message: `unknown rule id in "${item}"`})
      }
  }
  if (options.categories !== undefined) {
    if (!isRecord(options.categories)) problems.push({path: 'categories', message: 'must be an object of category to "off" or "on"'})
    else
      for (const [category, value] of Object.entries(options.categories)) {
        if (!(categories as readonly string[]).includes(category))
          problems.push({path: `categories.${category}`, message: `unknown category; known categories are ${categories.join(', ')}`})
        oneOf(`categories.${category}`, value, ['off', 'on'])
      }
  }
  if (options.customRules !== undefined && !Array.isArray(options.customRules))
    problems.push({path: 'customRules', message: 'must be a list of rules'})
  return problems
}

/**
 * Merge option layers; later layers win. `rules` and `categories` merge per key,
 * `allow` and `customRules` add up.
 *
 * @param layers - Options from the lowest to the highest priority.
 * @returns One options object.
 */
export function mergeOptions(...layers: Array<StigmaOptions | undefined>): StigmaOptions {
  const merged: StigmaOptions = {}
  for (const layer of layers) {
    if (!layer) continue
    if (layer.locale !== undefined) merged.locale = layer.locale
    if (layer.preset !== undefined) merged.preset = layer.preset
    if (layer.quotes !== undefined) merged.quotes = layer.quotes
    if (layer.mentions !== undefined) merged.mentions = layer.mentions
    if (layer.rules) merged.rules = {...merged.rules, ...layer.rules}
    if (layer.categories) merged.categories = {...merged.categories, ...layer.categories}
    if (layer.allow) merged.allow = [...(merged.allow ?? []), ...layer.allow]
    if (layer.customRules) merged.customRules = [...(merged.customRules ?? []), ...layer.customRules]
  }
  return merged
}

/**
 * Fill in defaults. Call {@link checkOptions} first for untrusted input.
 *
 * @param options - Options, possibly partial.
 * @returns Options with every field set.
 */
export function withDefaults(options: StigmaOptions = {}): ResolvedOptions {
  return {
    locale: options.locale ?? 'en-GB',
    preset: options.preset ?? 'recommended',
    rules: options.rules ?? {},
    allow: options.allow ?? [],
    quotes: options.quotes ?? 'lower',
    mentions: options.mentions ?? 'ignore',
    categories: options.categories ?? {},
    customRules: options.customRules ?? []
  }
}
