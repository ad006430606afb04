#!/usr/bin/env node
import {fstatSync} from 'node:fs'
import {resolve} from 'node:path'
import {ConfigError, loadConfig, OptionsLayerError, type ResolvedConfig} from '@destigma/config'
import {formatFromName} from '@destigma/formats'
import {listRules, ruleSetVersion} from 'retext-stigma'
import {parseCommandLine} from './args.js'
import {describeFlagProblem} from './process-file.js'
import {UsageError} from './errors.js'
import {helpText} from './help.js'
import {collectTargets} from './inputs.js'
import {debugging, describeInternalError} from './internal-error.js'
import {displayPath} from './paths.js'
import {createReporter} from './reporters/index.js'
import {lintTargets} from './run.js'
import type {CommandLine} from './settings.js'
import {suppressionReport, Suppressions} from './suppressions.js'
import {version} from './version.js'

/**
 * Run the command line.
 *
 * @param argv - The arguments after `destigma`.
 * @returns The exit code: 0 no errors, 1 error-level findings or too many warnings, 2 bad usage, config or input.
 */
async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd()
  if (argv[0] === 'merge-reports') return print((await import('./merge-reports.js')).mergeReports(argv.slice(1), cwd))
  const settings = parseCommandLine(argv, cwd)
  if (settings.help) return print(helpText)
  if (settings.version) return print(`destigma ${version} (rules ${ruleSetVersion})\n`)
  if (settings.explain !== undefined) return print(await (await import('./explain.js')).explainRule(settings.explain, settings))
  if (settings.listRules) return print((await import('./explain.js')).listRulesText(settings))

  // Changed files and shards are picked from a tree, never from piped input.
  const paths = settings.paths.length > 0 ? settings.paths : [!settings.changedSince && !settings.shard && stdinHasInput() ? '-' : '.']
  const readsStdin = paths.includes('-')
  if (readsStdin && (settings.suppressions.suppress || settings.suppressions.prune))
    throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions need files: standard input has no path to record')
  if (readsStdin && settings.shard) throw new UsageError('--shard cannot split standard input; give files or folders')
  if (readsStdin && settings.fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run (with --format json, each result carries the fixed text as "output")')
  if (settings.stdinFilename !== undefined && !formatFromName(settings.stdinFilename))
    throw new UsageError(`--stdin-filename "${settings.stdinFilename}": destigma cannot tell the format from this name; end it in .txt, .md, .mdx, .html or .docx`)
  checkFlags(settings)

  const collected = await collectTargets(paths, cwd)
  for (const problem of collected.problems) process.stderr.write(`destigma: ${problem}\n`)
  for (const skipped of collected.skipped) process.stderr.write(`destigma: ${skipped}: skipped, an ignore file (.gitignore or .destigmaignore) lists it\n`)
  for (const passed of collected.passedOver) process.stderr.write(`destigma: ${passed}\n`)
  const found = collected.targets.length
  if (settings.changedSince !== undefined) {
    const changed = (await import('./changed-since.js')).changedSince(settings.changedSince, cwd)
    collected.targets = collected.targets.filter((target) => target.kind === 'stdin' || changed.has(target.path))
    if (collected.targets.length === 0 && found > 0) process.stderr.write(`destigma: no files in ${paths.join(', ')} changed since ${settings.changedSince}\n`)
  }
  if (settings.shard) collected.targets = (await import('./shard.js')).shardTargets(collected.targets, settings.shard, cwd)
  if (found === 0 && collected.problems.length === 0 && collected.skipped.length === 0 && collected.passedOver.length === 0)
    process.stderr.write(`destigma: no files to check in ${paths.join(', ')} (destigma reads .txt, .md, .mdx, .html and .docx)\n`)
  const request = settings.suppressions
  const suppressions = Suppressions.load(request, cwd)

  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
  const reporter = createReporter(settings.format, {color, cwd})
  const run = await lintTargets(collected.targets, settings, reporter, {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin}, collected.problems, (outcome) =>
    suppressions.apply(outcome)
  )

  const report = suppressionReport(suppressions, request, cwd)
  for (const line of report.lines) process.stderr.write(`destigma: ${line}\n`)
  if (request.suppress || request.prune) await suppressions.save()
  if (run.problems.length > 0 || run.usageProblems.length > 0 || report.fails) return 2
  if (run.errors > 0) return 1
  if (settings.maxWarnings !== undefined && run.warnings > settings.maxWarnings) {
    process.stderr.write(`destigma: ${run.warnings} warnings, more than --max-warnings ${settings.maxWarnings} allows\n`)
    return 1
  }
  return 0
}

/** Standard input counts as input when it is a pipe, a socket, or a file with content; not a terminal. */
function stdinHasInput(): boolean {
  try {
    const stats = fstatSync(0)
    return stats.isFIFO() || stats.isSocket() || (stats.isFile() && stats.size > 0)
  } catch {
    return false
  }
}

/**
 * Check the option flags before any file is read, as the engine resolves them with the working
 * folder's config (whose custom rules `--rule` and `--suppress-rule` may name). A broken config
 * file is left for the files under it to report.
 */
function checkFlags(settings: CommandLine): void {
  let config: ResolvedConfig
  try {
    config = loadConfig(resolve(settings.cwd, 'destigma'), settings.config)
  } catch (error) {
    if (error instanceof OptionsLayerError) throw new UsageError(error.problems.map(describeFlagProblem).join('\n'))
    if (error instanceof ConfigError) return
    throw error
  }
  const suppress = settings.suppressions.suppress
  if (!Array.isArray(suppress)) return
  const known = new Set([...listRules().map((rule) => rule.id), ...config.options.customRules.map((rule) => rule.id)])
  const missing = suppress.filter((id) => !known.has(id))
  if (missing.length > 0) throw new UsageError(`--suppress-rule: unknown rule id ${missing.map((id) => `"${id}"`).join(', ')} (destigma --list-rules lists them)`)
}

function print(text: string): number {
  process.stdout.write(text)
  return 0
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`destigma … | head`): stop quietly.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`destigma: ${error.message}\n`)
    else if (error instanceof ConfigError) process.stderr.write(`destigma: ${error.message.replaceAll(error.file, displayPath(error.file, process.cwd()))}\n`)
    else process.stderr.write(`destigma: ${describeInternalError(error)}\n`)
    if (debugging() && (error instanceof UsageError || error instanceof ConfigError)) process.stderr.write(`${error.stack}\n`)
    process.exitCode = 2
  }
)
