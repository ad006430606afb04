import {isRecord} from '@destigma/rule-schema'
import {optionNames, OptionsError, resolveOptions, type StigmaOptions} from 'retext-stigma'
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

/** Options the editor settings may carry: all but custom rules, which only config files name (as paths). */
const settingNames = optionNames.filter((name) => name !== 'customRules')

/** One options object per distinct settings, so that documents with the same settings share a resolution. */
const interned = new Map<string, StigmaOptions>()

/**
 * Read the `destigma` settings section as a client sends it. Unset values (`null`, empty
 * strings, empty objects) mean "not set"; a value the engine refuses is left out and named in
 * `problems`, so one bad setting does not turn the linter off.
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
  for (const key of settingNames) {
    const value = section[key]
    if (value === undefined || value === null || value === '') continue
    if (isRecord(value) && Object.keys(value).length === 0) continue
    if (Array.isArray(value) && value.length === 0) continue
    given[key] = value
  }
  // The engine's resolver is the one check; what it refuses is dropped, and the rest checked again
  // (each refused setting is dropped whole, so this ends within one pass per setting).
  for (let pass = 0; pass <= settingNames.length; pass++) {
    try {
      resolveOptions(given as StigmaOptions)
      break
    } catch (error) {
      if (!(error instanceof OptionsError)) throw error
      for (const problem of error.problems) {
        problems.push(`destigma.${problem.path}: ${problem.message}`)
        delete given[problem.path.split('.')[0] as string]
      }
    }
  }
  const key = JSON.stringify(given)
  let options = interned.get(key)
  if (!options) interned.set(key, (options = given as StigmaOptions))
  return {enable, languages, options, problems}
}
