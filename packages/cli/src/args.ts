import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {formatFromName} from '@destigma/formats'
import {choiceOptions, type ChoiceOption, type Severity, type StigmaOptions} from 'retext-stigma'
import {UsageError} from './errors.js'
import {docxComments, type DocxOutput, type ReporterName, type CommandLine} from './settings.js'
import {parseShard} from './shard.js'
import {defaultSuppressionsFile, type SuppressionRequest} from './suppressions.js'

const reporters: readonly ReporterName[] = ['stylish', 'json', 'sarif', 'github']
/** Per-file time budget: a 10 MB file takes about 20 s on an idle two-core machine; runaways take minutes. */
const defaultFileSeconds = 60
const megabyte = 1024 * 1024

/** A flag for each option that takes one value from a list (`--locale`, `--preset`, `--quotes`, `--mentions`). */
const choiceFlags = Object.fromEntries(Object.keys(choiceOptions).map((name) => [name, {type: 'string' as const}])) as Record<ChoiceOption, {type: 'string'}>

/**
 * Turn the command line into settings, rejecting anything malformed with a message that says what to type instead.
 *
 * @param argv - The arguments after `destigma`.
 * @param cwd - The working folder.
 * @returns The settings.
 * @throws {UsageError} On an unknown flag or a bad value.
 */
export function parseCommandLine(argv: string[], cwd: string): CommandLine {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        'docx-output': {type: 'string'},
        'docx-comments': {type: 'string'},
        explain: {type: 'string'},
        'list-rules': {type: 'boolean'},
        ...choiceFlags,
        rule: {type: 'string', multiple: true},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        'report-unused-directives': {type: 'boolean'},
        'max-file-size': {type: 'string'},
        'max-file-time': {type: 'string'},
        'stdin-filename': {type: 'string'},
        jobs: {type: 'string', short: 'j'},
        'suppress-all': {type: 'boolean'},
        'suppress-rule': {type: 'string', multiple: true},
        'suppressions-location': {type: 'string'},
        'prune-suppressions': {type: 'boolean'},
        'pass-on-unpruned-suppressions': {type: 'boolean'},
        'changed-since': {type: 'string'},
        shard: {type: 'string'},
        version: {type: 'boolean', short: 'v'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\nRun destigma --help for the list of options.`)
  }
  const {values, positionals} = parsed
  const format = (values.format ?? 'stylish') as ReporterName
  if (!reporters.includes(format)) throw new UsageError(`--format must be one of ${reporters.join(', ')}, got "${values.format}"`)
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix (write the files) or --fix-dry-run (show the changes), not both')
  const docx = parseDocxFlags(values, positionals, cwd)
  if (values.config && values['no-config']) throw new UsageError('use either --config PATH or --no-config, not both')

  // Values are checked once, with the config they join, by the engine's resolver (process-file.ts names a refused flag).
  const flags: Record<string, unknown> & StigmaOptions = {}
  for (const name of Object.keys(choiceOptions)) if (values[name as keyof typeof values] !== undefined) flags[name] = values[name as keyof typeof values]
  if (values.rule) flags.rules = parseRuleFlags(values.rule)

  const settings: CommandLine = {
    format,
    paths: positionals,
    config: {flags, noConfig: Boolean(values['no-config']), ...(values.config === undefined ? {} : {configPath: resolve(cwd, values.config)})},
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
    quiet: Boolean(values.quiet),
    reportUnusedDirectives: Boolean(values['report-unused-directives']),
    maxFileSize: values['max-file-size'] === undefined ? 10 * megabyte : parseSize(values['max-file-size']),
    maxFileSeconds: values['max-file-time'] === undefined ? defaultFileSeconds : parseCount('--max-file-time', values['max-file-time'], 1),
    cwd,
    suppressions: suppressionRequest(values, cwd),
    listRules: Boolean(values['list-rules']),
    help: Boolean(values.help),
    version: Boolean(values.version)
  }
  if (values['stdin-filename'] !== undefined) settings.stdinFilename = values['stdin-filename']
  if (values['max-warnings'] !== undefined) settings.maxWarnings = parseCount('--max-warnings', values['max-warnings'], 0)
  if (values.jobs !== undefined) settings.jobs = parseCount('--jobs', values.jobs, 1)
  if (values.explain !== undefined) settings.explain = values.explain
  if (values['changed-since'] !== undefined) settings.changedSince = values['changed-since']
  if (values.shard !== undefined) settings.shard = parseShard(values.shard)
  // Internal: the differential tests compare runs with and without the prefilter.
  if (process.env.DESTIGMA_PREFILTER === 'off') settings.prefilter = false
  if (docx) settings.docx = docx
  return settings
}

/** The suppression flags, checked for the combinations ESLint rejects too. */
function suppressionRequest(
  values: {'suppress-all'?: boolean; 'suppress-rule'?: string[]; 'suppressions-location'?: string; 'prune-suppressions'?: boolean; 'pass-on-unpruned-suppressions'?: boolean; quiet?: boolean},
  cwd: string
): SuppressionRequest {
  const rules = values['suppress-rule']?.flatMap((flag) => flag.split(',')).map((id) => id.trim()).filter(Boolean)
  if (values['suppress-all'] && rules) throw new UsageError('use either --suppress-all or --suppress-rule ID, not both')
  if (values['prune-suppressions'] && (values['suppress-all'] || rules)) throw new UsageError('--prune-suppressions cannot be used with --suppress-all or --suppress-rule')
  // Under --quiet warnings are not seen, so their counts would look fixed.
  if (values.quiet && (values['suppress-all'] || rules || values['prune-suppressions']))
    throw new UsageError('--quiet hides warnings, so it cannot be used when writing suppressions; drop --quiet')
  const request: SuppressionRequest = {
    location: resolve(cwd, values['suppressions-location'] ?? defaultSuppressionsFile),
    named: values['suppressions-location'] !== undefined,
    prune: Boolean(values['prune-suppressions']),
    passOnUnpruned: Boolean(values['pass-on-unpruned-suppressions'])
  }
  if (values['suppress-all']) request.suppress = 'all'
  else if (rules) request.suppress = rules
  return request
}

/** `--docx-output FILE` (with `--fix`, for one .docx) and `--docx-comments`. */
function parseDocxFlags(values: {fix?: boolean; 'docx-output'?: string; 'docx-comments'?: string}, positionals: string[], cwd: string): DocxOutput | undefined {
  const comments = values['docx-comments'] ?? 'unfixed'
  if (!(docxComments as readonly string[]).includes(comments)) throw new UsageError(`--docx-comments must be one of ${docxComments.join(', ')}, got "${comments}"`)
  const output = values['docx-output']
  if (output === undefined) {
    if (values['docx-comments'] !== undefined) throw new UsageError('--docx-comments goes with --docx-output FILE')
    return undefined
  }
  if (!values.fix) throw new UsageError('--docx-output goes with --fix: destigma --fix --docx-output OUT.docx draft.docx')
  const [input, ...more] = positionals
  if (input === undefined || more.length > 0 || formatFromName(input) !== 'docx') throw new UsageError('--docx-output takes one .docx file to read: destigma --fix --docx-output OUT.docx draft.docx')
  if (resolve(cwd, output) === resolve(cwd, input)) throw new UsageError('--docx-output must name a new file: destigma never overwrites the document it reads')
  return {path: output, comments: comments as DocxOutput['comments']}
}

/** `--rule id=severity`, repeated or comma-separated. */
function parseRuleFlags(flags: string[]): Record<string, 'off' | Severity> {
  const rules: Record<string, 'off' | Severity> = {}
  for (const entry of flags.flatMap((flag) => flag.split(',')).map((item) => item.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(entry)
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule takes id=severity (for example --rule addict=off), got "${entry}"`)
    // Defined, not assigned: `rules['__proto__'] = …` would set the prototype and drop the flag unchecked.
    Object.defineProperty(rules, match[1], {value: match[2], enumerable: true, writable: true, configurable: true})
  }
  return rules
}

function parseCount(flag: string, value: string, minimum: number): number {
  if (!/^\d+$/.test(value) || Number(value) < minimum) throw new UsageError(`${flag} takes a whole number${minimum > 0 ? ` of at least ${minimum}` : ''}, got "${value}"`)
  return Number(value)
}

/** A size in bytes, or with a unit: `500KB`, `10MB`, `1GB` (powers of 1024). */
function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?|gb?)?$/i.exec(value.trim())
  if (!match?.[1]) throw new UsageError(`--max-file-size takes a size such as 500KB or 10MB, got "${value}"`)
  const unit = (match[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g'
  return Math.floor(Number(match[1]) * {b: 1, k: 1024, m: megabyte, g: 1024 * megabyte}[unit])
}
