import {resolve} from 'node:path'
import {ConfigError, loadConfig} from '@destigma/config'
import {applyDirectives, readCandidateProse, readProseParts, type Directive, type Format} from '@destigma/formats'
import {applyFixes, candidateScan, docsBase, lintTree, mergeOptions, OptionsError, type Finding, type StigmaOptions} from 'retext-stigma'
import {InputError} from './errors.js'
import {positionsIn, type FileOutcome, type ReportedFinding} from './finding.js'
import {displayPath} from './paths.js'
import {readSourceFile, type Source} from './read-source.js'
import type {LintSettings} from './settings.js'

/** A file to lint, or standard input already read. */
export type Job = {kind: 'file'; path: string; format: Format} | {kind: 'stdin'; source: Source; format: Format; filename?: string}

/** Fixes can make new text to lint; a few passes settle it (ESLint stops at ten too). */
const maxFixPasses = 10

const directivesUrl = new URL('../cli.md#inline-directives', docsBase).href

/**
 * Lint one file or standard input, and fix it if asked. Never throws for a problem with the
 * file or its config: those come back in `problems`, so the other files are still linted.
 *
 * @param job - What to lint.
 * @param settings - How.
 * @returns The outcome.
 */
export async function processJob(job: Job, settings: LintSettings): Promise<FileOutcome> {
  const filePath = job.kind === 'file' ? job.path : job.filename ? resolve(settings.cwd, job.filename) : '<stdin>'
  const outcome: FileOutcome = {
    filePath,
    display: job.kind === 'file' ? displayPath(job.path, settings.cwd) : job.filename ?? '<stdin>',
    linted: false,
    findings: [],
    problems: []
  }
  try {
    const config = loadConfig(job.kind === 'file' ? job.path : resolve(settings.cwd, job.filename ?? 'stdin'), {
      ...(settings.configPath === undefined ? {} : {configPath: resolve(settings.cwd, settings.configPath)}),
      noConfig: settings.noConfig
    })
    const options = mergeOptions(config.options, settings.cliOptions)
    const source = job.kind === 'file' ? await readSourceFile(job.path, job.format, settings.maxFileSize) : job.source
    let text = source.text
    let findings = await lintText(text, job.format, options, settings)
    outcome.linted = true
    if (settings.fix === 'write' && settings.docx && source.docx && job.kind === 'file') {
      const {writeDocxCopy} = await import('./docx-output.js')
      findings = await writeDocxCopy({
        docx: source.docx,
        inputPath: job.path,
        output: {...settings.docx, absolute: resolve(settings.cwd, settings.docx.path)},
        findings,
        lint: (fixed) => lintText(fixed, job.format, options, settings),
        maxPasses: maxFixPasses
      })
    } else if (settings.fix !== 'none' && job.format === 'docx') {
      outcome.problems.push('--fix cannot rewrite .docx documents in place; add --docx-output FILE for a copy with tracked changes and comments (the findings are listed)')
    } else if (settings.fix !== 'none') {
      for (let pass = 0; pass < maxFixPasses && findings.some((finding) => finding.fix); pass++) {
        const fixed = applyFixes(text, findings)
        if (fixed === text) break
        text = fixed
        findings = await lintText(text, job.format, options, settings)
      }
      if (text !== source.text) await deliverFix(job, source, text, settings, outcome)
    }
    outcome.findings = findings
  } catch (error) {
    if (error instanceof ConfigError) outcome.problems.push(error.message.replaceAll(error.file, displayPath(error.file, settings.cwd)))
    else if (error instanceof OptionsError) outcome.usageProblem = describeOptionsError(error)
    else if (error instanceof InputError) outcome.problems.push(`${outcome.display}: ${error.message}`)
    else if (isParseError(error)) outcome.problems.push(`${outcome.display}:${error.line}:${error.column}: cannot be parsed: ${error.reason}`)
    else throw error
  }
  return outcome
}

/** Write the fixed text (`--fix`) or describe it (`--fix-dry-run`). */
async function deliverFix(job: Job, source: Source, text: string, settings: LintSettings, outcome: FileOutcome): Promise<void> {
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

/** Lint a text: read its prose, run the rules, apply inline directives, keep what `--quiet` keeps. */
async function lintText(text: string, format: Format, options: StigmaOptions, settings: LintSettings): Promise<ReportedFinding[]> {
  // Skip what cannot match: no parse of a file, or of a block, in which no rule has a word.
  const scan = settings.prefilter === false ? undefined : candidateScan(options)
  // Piece by piece: a long document's whole tree would take gigabytes, each piece's findings do not.
  const parts = scan ? await readCandidateProse(text, format, scan) : await readProseParts(text, format)
  const found: Finding[] = []
  for (const part of parts ?? []) for (const finding of lintTree(part, text, options)) found.push(finding)
  const {findings, unused} =
    found.length === 0 && !settings.reportUnusedDirectives ? {findings: found, unused: []} : await applyDirectives(text, format, found, {reportUnused: settings.reportUnusedDirectives})
  const place = positionsIn(text)
  const reported = [...findings.map((finding) => reportable(finding, place)), ...unused.map(unusedDirective)]
  return reported.filter((finding) => !settings.quiet || finding.severity === 'error').sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
}

function reportable(finding: Finding, place: (offset: number) => {line: number; column: number}): ReportedFinding {
  const reported: ReportedFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    actual: finding.actual,
    expected: finding.expected,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    offset: finding.offset,
    endOffset: finding.endOffset,
    url: finding.url,
    note: finding.note,
    inQuotation: finding.inQuotation,
    mention: finding.mention
  }
  if (finding.fix) {
    const start = place(finding.fix.range[0])
    const end = place(finding.fix.range[1])
    reported.fix = finding.fix
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

function describeOptionsError(error: OptionsError): string {
  return error.problems.map((problem) => (problem.path.startsWith('rules.') ? `--rule ${problem.path.slice(6)}: ${problem.message}` : `${problem.path}: ${problem.message}`)).join('\n')
}

/** A parser's error with a place (an MDX syntax error is a vfile message). */
function isParseError(error: unknown): error is {line: number; column: number; reason: string} {
  return typeof error === 'object' && error !== null && 'reason' in error && typeof (error as {line?: unknown}).line === 'number'
}
