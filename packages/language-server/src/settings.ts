import {isRecord} from '@destigma/rule-schema'
import {checkOptions, listRules, type StigmaOptions} from 'retext-stigma'
import {defaultLanguages} from './languages.js'

/** The `destigma` section of the editor's settings. */
export interface EditorSettings {
  /** Lint at all (default: true). */
  enable: boolean
  /** Language ids to lint; Markdown, plain text and HTML by default. */
  languages: string[]
  /** Options that fill what no rc file sets. */
  options: StigmaOptions
  /** What was wrong with the settings as given, one line each; those settings were left out. */
  problems: string[]
}


/** The option keys the editor settings may carry, as in every config surface. */
const optionKeys = ['locale', 'preset', 'rules', 'allow', 'quotes', 'mentions'] as const


let builtInIds: Set<string> | undefined

/**
 * Read the `destigma` settings section as a client sends it. Unset values (`null`, empty
 * strings, empty objects) mean "not set"; a value the engine would refuse is left out and
 * named in `problems`, so one bad setting does not turn the linter off.
 *
 * @param raw - The section, or anything else a client may send (null, undefined).
 * @returns The settings.
 */
export function readSettings(raw: unknown): EditorSettings {
  const section = isRecord(raw) ? raw : {}
  const problems: string[] = []
  const enable = section.enable !== false
  let languages = defaultLanguages
  if (Array.isArray(section.languages) && section.languages.every((id) => typeof id === 'string')) {
    if (section.languages.length > 0) languages = section.languages as string[]
  } else if (section.languages !== undefined && section.languages !== null) {
    problems.push('destigma.languages: must be a list of language ids')
  }

  const given: Record<string, unknown> = {}
  for (const key of optionKeys) {
    const value = section[key]
    if (value === undefined || value === null || value === '') continue
    if (isRecord(value) && Object.keys(value).length === 0) continue
    if (Array.isArray(value) && value.length === 0) continue
    given[key] = value
  }
  builtInIds ??= new Set(listRules().map((rule) => rule.id))
  const found = checkOptions(given, builtInIds)
  for (const problem of found) {
    problems.push(`destigma.${problem.path}: ${problem.message}`)
    delete given[problem.path.split('.')[0] as string]
  }
  return {enable, languages, options: given as StigmaOptions, problems}
}
