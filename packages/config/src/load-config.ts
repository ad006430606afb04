import {statSync} from 'node:fs'
import {basename, dirname, extname, resolve} from 'node:path'
import {checkOptions, listRules, mergeOptions, type StigmaOptions} from 'retext-stigma'
import {ConfigError} from './config-error.js'
import {clearRuleCache, loadCustomRules, type LoadedRule} from './custom-rules.js'
import {parseDataFile, pathSegments, type DataFile} from './data-file.js'
import {FileCache, describeReadFailure} from './file-cache.js'

/** Config as it applies to one file. */
export interface ResolvedConfig {
  /** The merged options, custom rules loaded. */
  options: StigmaOptions
  /** Config files that contributed, nearest first. */
  files: string[]
}

/** Looked for in each folder, in this order; the first one present is that folder's config. */
const configNames = ['.destigmarc.json', '.destigmarc.yaml', '.destigmarc.yml', 'package.json'] as const

/** One config file: its options as written, and how to point into it. */
interface Layer {
  file: string
  data: DataFile
  /** Where the options sit in the file: `['destigma']` in package.json. */
  prefix: string[]
  options: Record<string, unknown>
  customRulePaths: string[]
}

/** An rc file is a few options; a megabyte is far past any real one (and parsing 50 MB took minutes). */
const maxRcFileSize = 1024 * 1024
/** package.json can be large in a monorepo's root; it is parsed as YAML only when it has a `destigma` key. */
const maxPackageFileSize = 16 * 1024 * 1024

/** Parsed config files; `null` for a package.json without a `destigma` key. */
const layers = new FileCache<Layer | ConfigError | null>()

let builtInIds: Set<string> | undefined

/**
 * Forget cached config and custom rule files (they are also re-read whenever their
 * modification time or size changes).
 */
export function clearConfigCache(): void {
  layers.clear()
  clearRuleCache()
}

/**
 * Find and validate the config for a file: `.destigmarc.json`, `.destigmarc.yaml`/`.yml`
 * or a `destigma` key in package.json, in the file's folder and every folder above it,
 * merged with the nearest winning. Config files are data: nothing in them is executed.
 *
 * @param filePath - The file being linted (it need not exist).
 * @param opts - `configPath` uses that one file instead of searching; `noConfig` uses none.
 * @returns The merged options and the files they came from.
 * @throws {ConfigError} When a config file or a custom rule it names is unreadable or invalid.
 */
export function loadConfig(filePath: string, opts: {configPath?: string; noConfig?: boolean} = {}): ResolvedConfig {
  if (opts.noConfig) return {options: {}, files: []}
  const found = opts.configPath ? [explicitLayer(resolve(opts.configPath))] : discover(dirname(resolve(filePath)))
  const rules = uniqueRules(found.map((layer) => customRulesOf(layer)))
  const options = found.map((layer, index) => {
    const problems = checkOptions({...layer.options, customRules: undefined}, ruleIds(rules.flat()))
    if (problems.length > 0)
      throw new ConfigError(
        layer.file,
        problems.map((problem) => ({...layer.data.locate([...layer.prefix, ...pathSegments(problem.path)]), message: `${problem.path}: ${problem.message}`}))
      )
    const withRules: StigmaOptions = {...(layer.options as StigmaOptions)}
    delete withRules.customRules
    const layerRules = rules[index] ?? []
    if (layerRules.length > 0) withRules.customRules = layerRules.map((entry) => entry.rule)
    return withRules
  })
  return {options: mergeOptions(...options.reverse()), files: found.map((layer) => layer.file)}
}

/**
 * Drop rule files an earlier (nearer) layer already loaded, so configs may share a rules folder;
 * a rule id used twice, or one that is built in, is an error at the rule's `id`.
 */
function uniqueRules(perLayer: LoadedRule[][]): LoadedRule[][] {
  const files = new Set<string>()
  const ids = new Set(builtInIds ??= new Set(listRules().map((rule) => rule.id)))
  return perLayer.map((loaded) =>
    loaded.filter(({rule, file, idAt}) => {
      if (files.has(file)) return false
      files.add(file)
      if (ids.has(rule.id))
        throw new ConfigError(file, [{...idAt, message: `custom rule id "${rule.id}" is already taken by ${builtInIds?.has(rule.id) ? 'a built-in rule' : 'another custom rule'}; give it an id of its own`}])
      ids.add(rule.id)
      return true
    })
  )
}

/** Every rule id a config may name: the built-in ones and the custom ones in play. */
const ruleIds = (custom: LoadedRule[]): Set<string> => new Set([...(builtInIds ?? []), ...custom.map((loaded) => loaded.rule.id)])

const locate = (data: DataFile, path: Array<string | number>) => data.locate(path) ?? {}

/** Config files from `folder` up to the filesystem root, nearest first. */
function discover(folder: string): Layer[] {
  const found: Layer[] = []
  for (let current = folder; ; current = dirname(current)) {
    for (const name of configNames) {
      const file = resolve(current, name)
      // A FIFO or device under a config file's name is reported when read, not passed over.
      if (!isConfigCandidate(file)) continue
      const layer = readLayer(file)
      if (layer) {
        found.push(layer)
        break
      }
    }
    if (dirname(current) === current) return found
  }
}

function explicitLayer(file: string): Layer {
  if (!exists(file)) throw new ConfigError(file, [{message: 'config file not found; check the path given to --config'}])
  const layer = readLayer(file)
  if (!layer) throw new ConfigError(file, [{message: 'package.json has no "destigma" key; add one or name a .destigmarc file'}])
  return layer
}

function readLayer(file: string): Layer | null {
  let layer: Layer | ConfigError | null
  const limit = basename(file) === 'package.json' ? maxPackageFileSize : maxRcFileSize
  try {
    layer = layers.get(file, limit, (text) => parseLayer(file, text))
  } catch (error) {
    throw new ConfigError(file, [{message: describeReadFailure(error, limit)}])
  }
  if (layer instanceof ConfigError) throw layer
  return layer
}

function parseLayer(file: string, text: string): Layer | ConfigError | null {
  try {
    const isPackage = basename(file) === 'package.json'
    const data = parseDataFile(file, text, isPackage || extname(file) === '.json' ? 'json' : 'yaml')
    const prefix = isPackage ? ['destigma'] : []
    let options: unknown = data.value
    if (isPackage) {
      if (!isRecord(options) || !('destigma' in options)) return null
      options = options.destigma
    }
    if (options === null || options === undefined) options = {}
    const where = (path: Array<string | number>, message: string) => new ConfigError(file, [{...locate(data, [...prefix, ...path]), message}])
    if (!isRecord(options)) return where([], `${isPackage ? 'the "destigma" key' : 'the file'} must hold an object of options`)
    const paths = options.customRules ?? []
    if (!Array.isArray(paths) || paths.some((entry) => typeof entry !== 'string' || entry.trim() === ''))
      return where(['customRules'], 'customRules: must be a list of paths to rule files or folders, relative to this file')
    return {file, data, prefix, options, customRulePaths: paths as string[]}
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
}

function customRulesOf(layer: Layer): LoadedRule[] {
  return layer.customRulePaths.flatMap((entry, index) =>
    loadCustomRules(entry, dirname(layer.file), (message) => new ConfigError(layer.file, [{...locate(layer.data, [...layer.prefix, 'customRules', index]), message}]))
  )
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function exists(file: string): boolean {
  try {
    statSync(file)
    return true
  } catch {
    return false
  }
}

function isConfigCandidate(file: string): boolean {
  try {
    // Most folders have no config file: a missing one is an answer, not an error to build and throw.
    const stats = statSync(file, {throwIfNoEntry: false})
    return stats !== undefined && !stats.isDirectory()
  } catch {
    return false
  }
}
