import {statSync} from 'node:fs'
import {basename, dirname, extname, resolve} from 'node:path'
import {createLinter, listRules, OptionsError, resolveOptions, type Linter, type OptionsProblem, type ResolvedOptions, type StigmaOptions} from 'retext-stigma'
import {ConfigError} from './config-error.js'
import {isRecord} from '@destigma/rule-schema'
import {clearRuleCache, loadCustomRules, type CustomRuleFile} from './custom-rules.js'
import {parseDataFile, pathSegments, type DataFile} from './data-file.js'
import {FileCache, describeReadFailure} from './file-cache.js'

/** Config as it applies to one file. */
export interface ResolvedConfig {
  /** The options, resolved once for every file under the same config files. */
  options: ResolvedOptions
  /** The linter for those options, shared the same way. */
  linter: Linter
  /** Config files that contributed, nearest first. */
  files: string[]
}

/** Where config comes from besides files: editor settings below every rc file, command-line flags above them. */
export interface ConfigRequest {
  /** Use this one config file instead of searching (`--config`). */
  configPath?: string
  /** Use no config file (`--no-config`). */
  noConfig?: boolean
  /** Options from the editor's settings; rc files win over them. Pass the same object for the same settings. */
  settings?: StigmaOptions
  /** Options from the command line; they win over rc files. Pass the same object for the same flags. */
  flags?: StigmaOptions
}

/** Options given outside config files (editor settings or command-line flags) that the engine refuses. */
export class OptionsLayerError extends Error {
  /** Which options: the editor's settings or the command line's flags. */
  readonly origin: 'settings' | 'flags'
  readonly problems: OptionsProblem[]
  constructor(origin: 'settings' | 'flags', problems: OptionsProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'))
    this.name = 'OptionsLayerError'
    this.origin = origin
    this.problems = problems
  }
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
  resolutions.clear()
  clearRuleCache()
}

/**
 * Find the config for a file and resolve it with the engine: `.destigmarc.json`,
 * `.destigmarc.yaml`/`.yml` or a `destigma` key in package.json, in the file's folder and every
 * folder above it, the nearest winning; editor settings below them and flags above. Files under
 * the same config files get the same resolved options and linter, validated once. Config files
 * are data: nothing in them is executed.
 *
 * @param filePath - The file being linted (it need not exist).
 * @param request - Settings, flags, and `configPath` or `noConfig`.
 * @returns The resolved options, their linter and the files they came from.
 * @throws {ConfigError} When a config file or a custom rule it names is unreadable or invalid.
 * @throws {OptionsLayerError} When the settings or the flags are invalid.
 */
export function loadConfig(filePath: string, request: ConfigRequest = {}): ResolvedConfig {
  const found = request.noConfig ? [] : request.configPath ? [explicitLayer(resolve(request.configPath))] : discover(dirname(resolve(filePath)))
  const rules = uniqueRules(found.map((layer) => customRulesOf(layer)))
  // The same parsed files (and rule files), settings and flags resolve to the same options.
  const parts: unknown[] = [request.settings, request.flags, ...found, ...rules.flat()]
  const key = found.map((layer) => layer.file).join('\u0000')
  const cached = resolutions.get(key)
  if (cached && cached.parts.length === parts.length && cached.parts.every((part, index) => part === parts[index])) return cached.config
  // Farthest first, so that the nearest file wins.
  const fileLayers = found.map((layer, index) => optionsOf(layer, rules[index] ?? [])).reverse()
  let options: ResolvedOptions
  try {
    options = resolveOptions(request.settings, ...fileLayers, request.flags)
  } catch (error) {
    if (error instanceof OptionsError) throw layerError(error.problems, found, rules)
    throw error
  }
  const config: ResolvedConfig = {options, linter: createLinter(options), files: found.map((layer) => layer.file)}
  resolutions.set(key, {parts, config})
  return config
}

/** Resolutions by the config files they came from, with what they were made of. */
const resolutions = new Map<string, {parts: unknown[]; config: ResolvedConfig}>()

/** A layer's options, with its custom rules loaded in place of their paths. */
function optionsOf(layer: Layer, rules: CustomRuleFile[]): StigmaOptions {
  const options: StigmaOptions = {...(layer.options as StigmaOptions)}
  delete options.customRules
  if (rules.length > 0) options.customRules = rules.map((entry) => entry.rule)
  return options
}

/**
 * The error for the first layer with problems, as the resolver numbered them (settings, then the
 * files farthest first, then flags): a config file's problems at their lines in it.
 */
function layerError(problems: OptionsProblem[], found: Layer[], rules: CustomRuleFile[][]): Error {
  const first = Math.min(...problems.map((problem) => problem.layer ?? 0))
  const mine = problems.filter((problem) => (problem.layer ?? 0) === first)
  if (first === 0) return new OptionsLayerError('settings', mine)
  if (first === found.length + 1) return new OptionsLayerError('flags', mine)
  const index = found.length - first
  const layer = found[index] as Layer
  // A custom rule's problem is in its own file, at the field the engine names.
  const inRule = mine.map((problem) => ({problem, rule: /^customRules\[(\d+)\](.*)$/.exec(problem.path)}))
  const ruleProblem = inRule.find(({rule}) => rule)
  if (ruleProblem?.rule) {
    const loaded = rules[index]?.[Number(ruleProblem.rule[1])] as CustomRuleFile
    return new ConfigError(
      loaded.file,
      inRule
        .filter(({rule}) => rule?.[1] === ruleProblem.rule?.[1])
        .map(({problem, rule}) => {
          const pointer = (rule?.[2] ?? '').replaceAll('.', '/')
          return {...loaded.data.locate(pathSegments(pointer)), message: `custom rule${pointer === '' ? '' : ` at ${pointer}`}: ${problem.message}`}
        })
    )
  }
  return new ConfigError(
    layer.file,
    mine.map((problem) => ({...layer.data.locate([...layer.prefix, ...pathSegments(problem.path)]), message: `${problem.path}: ${problem.message}`}))
  )
}

/**
 * Drop rule files an earlier (nearer) layer already loaded, so configs may share a rules folder;
 * a rule id used twice, or one that is built in, is an error at the rule's `id`.
 */
function uniqueRules(perLayer: CustomRuleFile[][]): CustomRuleFile[][] {
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

function customRulesOf(layer: Layer): CustomRuleFile[] {
  return layer.customRulePaths.flatMap((entry, index) =>
    loadCustomRules(entry, dirname(layer.file), (message) => new ConfigError(layer.file, [{...locate(layer.data, [...layer.prefix, 'customRules', index]), message}]))
  )
}

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
