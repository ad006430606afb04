import {statSync} from 'node:fs'
import {extname, resolve} from 'node:path'
import type {LoadedRule} from '@destigma/rules-compiler'
import type {Rule} from 'retext-stigma'
import {ConfigError} from './config-error.js'
import {parseDataFile, type DataFile} from './data-file.js'
import {FileCache, describeReadFailure} from './file-cache.js'
import {walkRuleFolder} from './walk-rules.js'

const ruleExtensions = new Set(['.yml', '.yaml'])
/** A rule is a page of YAML; a megabyte is far past any real one. */
const maxRuleFileSize = 1024 * 1024

/** A custom rule as read from its file, with the parsed file to point into when the engine refuses it. */
export interface CustomRuleFile extends LoadedRule {
  data: DataFile
}

/**
 * Parsed rule files; a file that is not YAML throws each time it is asked for. The rule is not
 * checked here: the engine's resolver checks it once, with the options it joins, and
 * load-config.ts places each problem at its line in this file.
 */
const ruleFiles = new FileCache<CustomRuleFile | ConfigError>()

/** Forget cached rule files. */
export function clearRuleCache(): void {
  ruleFiles.clear()
}

/**
 * Load the custom rules a config entry names: a YAML file, or a folder whose YAML files
 * (at any depth, in name order) each hold one rule.
 *
 * @param entry - The path as written in the config file.
 * @param base - The folder of the config file, which relative paths start from.
 * @param where - Reports a problem with the entry itself at its place in the config file.
 * @returns The rules with the files they came from.
 */
export function loadCustomRules(entry: string, base: string, where: (message: string) => ConfigError): CustomRuleFile[] {
  const target = resolve(base, entry)
  let isFolder: boolean
  try {
    isFolder = statSync(target).isDirectory()
  } catch {
    throw where(`customRules: "${entry}" does not exist (looked for ${target}); paths are relative to the config file`)
  }
  if (!isFolder && !ruleExtensions.has(extname(target))) throw where(`customRules: "${entry}" is not a .yml or .yaml rule file`)
  let files: string[]
  try {
    files = isFolder ? walkRuleFolder(target) : [target]
  } catch (error) {
    throw where(`customRules: "${entry}" ${(error as Error).message}`)
  }
  return files.map((file) => {
    let loaded: CustomRuleFile | ConfigError
    try {
      loaded = ruleFiles.get(file, maxRuleFileSize, (text) => parseRule(file, text))
    } catch (error) {
      throw new ConfigError(file, [{message: `custom rule file ${describeReadFailure(error, maxRuleFileSize)}`}])
    }
    if (loaded instanceof ConfigError) throw loaded
    return loaded
  })
}

function parseRule(file: string, text: string): CustomRuleFile | ConfigError {
  try {
    const data = parseDataFile(file, text, 'yaml')
    return {rule: data.value as Rule, file, idAt: data.locate(['id']), data}
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
}
