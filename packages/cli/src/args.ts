import {parseArgs} from 'node:util'
import {locales, type MentionsMode, type Severity, type StigmaOptions} from 'retext-stigma'
import {UsageError} from './errors.js'
import type {ReporterName, Settings} from './settings.js'

const reporters: readonly ReporterName[] = ['stylish', 'json', 'sarif', 'github']
const ruleSettings = ['off', 'error', 'warning', 'info'] as const
const mentionsModes: readonly MentionsMode[] = ['ignore', 'lower', 'report']
const megabyte = 1024 * 1024

/**
 * Turn the command line into settings, rejecting anything malformed with a message that says what to type instead.
 *
 * @param argv - The arguments after `destigma`.
 * @param cwd - The working folder.
 * @returns The settings.
 * @throws {UsageError} On an unknown flag or a bad value.
 */
export function parseCommandLine(argv: string[], cwd: string): Settings {
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
        explain: {type: 'string'},
        'list-rules': {type: 'boolean'},
        locale: {type: 'string'},
        preset: {type: 'string'},
        mentions: {type: 'string'},
        rule: {type: 'string', multiple: true},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        'report-unused-directives': {type: 'boolean'},
        'max-file-size': {type: 'string'},
        'stdin-filename': {type: 'string'},
        jobs: {type: 'string', short: 'j'},
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
  if (values.config && values['no-config']) throw new UsageError('use either --config PATH or --no-config, not both')

  const cliOptions: StigmaOptions = {}
  if (values.locale !== undefined) {
    if (!(locales as readonly string[]).includes(values.locale)) throw new UsageError(`--locale must be one of ${locales.join(', ')}, got "${values.locale}"`)
    cliOptions.locale = values.locale as StigmaOptions['locale']
  }
  if (values.preset !== undefined) {
    if (values.preset !== 'recommended' && values.preset !== 'strict') throw new UsageError(`--preset must be recommended or strict, got "${values.preset}"`)
    cliOptions.preset = values.preset
  }
  if (values.mentions !== undefined) {
    if (!(mentionsModes as readonly string[]).includes(values.mentions))
      throw new UsageError(`--mentions must be one of ${mentionsModes.join(', ')}, got "${values.mentions}"`)
    cliOptions.mentions = values.mentions as MentionsMode
  }
  if (values.rule) cliOptions.rules = parseRuleFlags(values.rule)

  const settings: Settings = {
    format,
    paths: positionals,
    cliOptions,
    noConfig: Boolean(values['no-config']),
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
    quiet: Boolean(values.quiet),
    reportUnusedDirectives: Boolean(values['report-unused-directives']),
    maxFileSize: values['max-file-size'] === undefined ? 10 * megabyte : parseSize(values['max-file-size']),
    cwd,
    listRules: Boolean(values['list-rules']),
    help: Boolean(values.help),
    version: Boolean(values.version)
  }
  if (values.config !== undefined) settings.configPath = values.config
  if (values['stdin-filename'] !== undefined) settings.stdinFilename = values['stdin-filename']
  if (values['max-warnings'] !== undefined) settings.maxWarnings = parseCount('--max-warnings', values['max-warnings'], 0)
  if (values.jobs !== undefined) settings.jobs = parseCount('--jobs', values.jobs, 1)
  if (values.explain !== undefined) settings.explain = values.explain
  return settings
}

/** `--rule id=severity`, repeated or comma-separated. */
function parseRuleFlags(flags: string[]): Record<string, 'off' | Severity> {
  const rules: Record<string, 'off' | Severity> = {}
  for (const entry of flags.flatMap((flag) => flag.split(',')).map((item) => item.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(entry)
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule takes id=severity (for example --rule addict=off), got "${entry}"`)
    if (!(ruleSettings as readonly string[]).includes(match[2]))
      throw new UsageError(`--rule ${match[1]}: the setting must be one of ${ruleSettings.join(', ')}, got "${match[2]}"`)
    rules[match[1]] = match[2] as 'off' | Severity
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
