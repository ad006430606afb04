import {isRecord} from '@destigma/rule-schema'
import {categories, locales, type StigmaOptions} from './types.js'

/**
 * The options that take one value from a list: the values, the default, and what the option
 * does. Checking, merging and defaults, the editor settings and the command line's flags all
 * read this table, so an option of this kind is added here (with its type in `StigmaOptions`).
 */
export const choiceOptions = Object.freeze({
  locale: {values: locales, default: 'en-GB', about: 'the spelling and usage of the suggestions'},
  preset: {values: ['recommended', 'strict'], default: 'recommended', about: 'recommended: clear-cut terms; strict: contested ones too'},
  quotes: {values: ['lower', 'report', 'ignore'], default: 'lower', about: 'a term inside quotation marks: one severity lower and no fix, like any other text, or not at all'},
  mentions: {values: ['ignore', 'lower', 'report'], default: 'ignore', about: 'a term discussed as a word ("the word \'junkie\'"): not reported, reported lower, or reported as a use'}
} as const satisfies Record<string, {values: readonly string[]; default: string; about: string}>)

/** The name of an option that takes one value from a list. */
export type ChoiceOption = keyof typeof choiceOptions

/** The value of each option that takes one value from a list, when no layer sets it. */
export const optionDefaults = Object.freeze(
  Object.fromEntries(Object.entries(choiceOptions).map(([name, choice]) => [name, choice.default]))
) as Readonly<Required<Pick<StigmaOptions, ChoiceOption>>>

/** One thing wrong with an options object. */
export interface OptionsProblem {
  /** Where, as a dotted path (`rules.addict`). */
  path: string
  message: string
  /** The values allowed, when the value must be one of a list. */
  allowed?: readonly string[]
  /** The value given, when it is not one of `allowed`. */
  value?: unknown
  /** Which of the layers given to `resolveOptions` it is in, counted from 0. */
  layer?: number
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

/** The name of every option, the same in every config surface. */
export const optionNames = [...(Object.keys(choiceOptions) as ChoiceOption[]), 'rules', 'allow', 'categories', 'customRules'] as const
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
      problems.push({path, message: `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}, got ${JSON.stringify(value)}`, allowed, value})
  }
  for (const key of Object.keys(options)) {
    if (!(optionNames as readonly string[]).includes(key)) problems.push({path: key, message: `unknown option; known options are ${optionNames.join(', ')}`})
  }
  for (const [name, choice] of Object.entries(choiceOptions)) oneOf(name, options[name], choice.values)
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
