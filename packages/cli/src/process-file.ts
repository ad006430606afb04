import {resolve} from 'node:path'
import {ConfigError, loadConfig, OptionsLayerError} from '@destigma/config'
import {fixDocument, lintDocument, type Directive, type DocumentLint, type Format} from '@destigma/formats'
import {docsBase, maxFixPasses, type Finding, type OptionsProblem} from 'retext-stigma'
import {InputError} from './errors.js'
import {contractFields, positionsIn, type FileOutcome, type ReportedFinding} from './finding.js'
import {displayPath} from './paths.js'
import {readSourceFile, type InputText} from './read-source.js'
import type {RunOptions} from './settings.js'

/** A file to lint, or standard input already read. */
export type Job = {kind: 'file'; path: string; format: Format} | {kind: 'stdin'; source: InputText; format: Format; filename?: string}

const directivesUrl = new URL('../cli.md#inline-directives', docsBase).href

/**
 * Lint one file or standard input, and fix it if asked. Never throws for a problem with the
 * file or its config: those come back in `problems`, so the other files are still linted.
 *
 * @param job - What to lint.
 * @param settings - How.
 * @returns The outcome.
 */
export async function processJob(job: Job, settings: RunOptions): Promise<FileOutcome> {
  const filePath = job.kind === 'file' ? job.path : job.filename ? resolve(settings.cwd, job.filename) : '<stdin>'
  const outcome: FileOutcome = {
    filePath,
    display: job.kind === 'file' ? displayPath(job.path, settings.cwd) : job.filename ?? '<stdin>',
    linted: false,
    findings: [],
    problems: []
  }
  try {
    const {linter} = loadConfig(job.kind === 'file' ? job.path : resolve(settings.cwd, job.filename ?? 'stdin'), settings.config)
    const source = job.kind === 'file' ? await readSourceFile(job.path, job.format, settings.maxFileSize) : job.source
    const reading = {reportUnusedDirectives: settings.reportUnusedDirectives, prefilter: settings.prefilter !== false}
    const linted = await lintDocument(source.text, job.format, linter, reading)
    let findings = reported(source.text, linted, settings)
    outcome.linted = true
    if (settings.fix === 'write' && settings.docx && source.docx && job.kind === 'file') {
      const {writeDocxCopy} = await import('./docx-output.js')
      findings = await writeDocxCopy({
        docx: source.docx,
        inputPath: job.path,
        output: {...settings.docx, absolute: resolve(settings.cwd, settings.docx.path)},
        findings,
        lint: async (fixed) => reported(fixed, await lintDocument(fixed, job.format, linter, reading), settings),
        maxPasses: maxFixPasses
      })
    } else if (settings.fix !== 'none' && job.format === 'docx') {
      outcome.problems.push('--fix cannot rewrite .docx documents in place; add --docx-output FILE for a copy with tracked changes and comments (the findings are listed)')
    } else if (settings.fix !== 'none') {
      const fixed = await fixDocument(source.text, job.format, linter, reading, linted)
      findings = reported(fixed.text, fixed.lint, settings)
      if (fixed.text !== source.text) await deliverFix(job, source, fixed.text, settings, outcome)
    }
    outcome.findings = findings
  } catch (error) {
    if (error instanceof ConfigError) outcome.problems.push(error.message.replaceAll(error.file, displayPath(error.file, settings.cwd)))
    else if (error instanceof OptionsLayerError) outcome.usageProblem = describeFlagProblems(error)
    else if (error instanceof InputError) outcome.problems.push(`${outcome.display}: ${error.message}`)
    else if (isParseError(error)) outcome.problems.push(`${outcome.display}:${error.line}:${error.column}: cannot be parsed: ${error.reason}`)
    else throw error
  }
  return outcome
}

/** Write the fixed text (`--fix`) or describe it (`--fix-dry-run`). */
async function deliverFix(job: Job, source: InputText, text: string, settings: RunOptions, outcome: FileOutcome): Promise<void> {
  if (settings.fix === 'dry-run') {
    outcome.output = (source.bom ? '\uFEFF' : '') + text
    const {createTwoFilesPatch} = await import('diff')
    outcome.diff = createTwoFilesPatch(`a/${outcome.display}`, `b/${outcome.display}`, source.text, text, undefined, undefined, {context: 3})
      .replace(/^=+\n/m, '')
      .replace(/^Index: .*\n/m, '')
  } else if (job.kind === 'file') {
    const {writeAtomically} = await import('./write-atomic.js')
    await writeAtomically(job.path, (source.bom ? '\uFEFF' : '') + text, source.mtimeMs ?? Number.NaN)
  }
}

/** A document's lint as the reporters take it: findings and unused directives in order, what `--quiet` keeps. */
function reported(text: string, linted: DocumentLint, settings: RunOptions): ReportedFinding[] {
  const place = positionsIn(text)
  const all = [...linted.findings.map((finding) => reportable(finding, place)), ...linted.unusedDirectives.map(unusedDirective)]
  return all.filter((finding) => !settings.quiet || finding.severity === 'error').sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
}

function reportable(finding: Finding, place: (offset: number) => {line: number; column: number}): ReportedFinding {
  const reported: ReportedFinding = {...contractFields(finding), note: finding.note, inQuotation: finding.inQuotation, mention: finding.mention}
  if (finding.fix) {
    const start = place(finding.fix.range[0])
    const end = place(finding.fix.range[1])
    reported.fixPlace = {line: start.line, column: start.column, endLine: end.line, endColumn: end.column}
  }
  return reported
}

/** `--report-unused-directives`: a warning at the comment that turned nothing off. */
function unusedDirective(directive: Directive): ReportedFinding {
  const scope = directive.rules.length > 0 ? ` for ${directive.rules.join(', ')}` : ''
  return {
    ruleId: 'unused-directive',
    severity: 'warning',
    message: `Unused destigma-${directive.kind} directive${scope}: nothing here was reported, so it can go`,
    actual: directive.text,
    expected: [],
    line: directive.line,
    column: directive.column,
    endLine: directive.endLine,
    endColumn: directive.endColumn,
    offset: directive.offset,
    endOffset: directive.endOffset,
    url: directivesUrl,
    note: 'A disable comment that turns nothing off hides future findings by accident.'
  }
}

/** Flags the engine refused, named as they were typed. */
function describeFlagProblems(error: OptionsLayerError): string {
  return error.problems.map(describeFlagProblem).join('\n')
}

/**
 * One refused flag, in the words of the command line: `--locale must be one of en-GB, en-US`,
 * `--rule addict: the setting must be one of …`, `--rule: unknown rule id "x"`.
 */
export function describeFlagProblem(problem: OptionsProblem): string {
  const rule = /^rules\.(.*)$/.exec(problem.path)?.[1]
  const list = problem.allowed ? `must be one of ${problem.allowed.join(', ')}, got ${JSON.stringify(problem.value)}` : problem.message
  if (rule === undefined) return `--${problem.path} ${list}`
  if (!problem.allowed) return `--rule: ${problem.message} (destigma --list-rules lists them)`
  return `--rule ${rule}: the setting ${list}`
}

/** A parser's error with a place (an MDX syntax error is a vfile message). */
function isParseError(error: unknown): error is {line: number; column: number; reason: string} {
  return typeof error === 'object' && error !== null && 'reason' in error && typeof (error as {line?: unknown}).line === 'number'
}
