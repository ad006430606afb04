import {existsSync, readFileSync} from 'node:fs'
import {mkdir, rename, unlink, writeFile} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {UsageError} from './errors.js'
import type {FileOutcome, ReportedFinding} from './finding.js'
import {displayPath} from './paths.js'

/** The default suppressions file, in the working folder (ESLint's is `eslint-suppressions.json`). */
export const defaultSuppressionsFile = 'destigma-suppressions.json'

/** The file's shape: relative POSIX path → rule id → how many findings of that rule the file may keep. */
export type SuppressionCounts = Record<string, Record<string, {count: number}>>

/** What the command line asked of the suppressions file. */
export interface SuppressionRequest {
  /** Where the file is (absolute). */
  location: string
  /** The user named the file with `--suppressions-location`. */
  named: boolean
  /** `--suppress-all`, or the rule ids of `--suppress-rule`. */
  suppress?: 'all' | string[]
  prune: boolean
  passOnUnpruned: boolean
}

/** A suppression that no longer has as many findings as it allows: they were fixed. */
export interface StaleSuppression {
  file: string
  ruleId: string
  /** Findings the entry allows. */
  count: number
  /** Findings the file still has. */
  left: number
}

/** Only these count toward the exit code and `--max-warnings`, so only these are suppressed (`info` is always shown). */
const suppressible = new Set<ReportedFinding['severity']>(['error', 'warning'])

/**
 * Bulk suppressions with ESLint's semantics: a count per file and rule, so edits elsewhere in
 * a file change nothing; while a file has at most as many findings of a rule as its entry
 * allows, they are all suppressed; once it has more, they are all reported (which of them is
 * new cannot be told). Counts above what is left are stale: the findings were fixed.
 */
export class Suppressions {
  private readonly counts: SuppressionCounts
  private readonly folder: string
  /** Files linted in this run, by key, with their finding counts per rule (suppressible severities). */
  private readonly seen = new Map<string, Map<string, number>>()
  /** Findings hidden in this run. */
  suppressedTotal = 0

  private constructor(
    private readonly request: SuppressionRequest,
    counts: SuppressionCounts
  ) {
    this.counts = counts
    this.folder = dirname(request.location)
  }

  /**
   * Read the suppressions file (a missing file is an empty one, unless the user named it and
   * is not creating it).
   *
   * @param request - What the command line asked.
   * @param cwd - The working folder, for messages.
   * @returns The suppressions.
   * @throws {UsageError} When the file is not valid, or a named file is missing.
   */
  static load(request: SuppressionRequest, cwd: string): Suppressions {
    const shown = displayPath(request.location, cwd)
    if (!existsSync(request.location)) {
      if (request.named && !request.suppress)
        throw new UsageError(`${shown}: no such suppressions file; create it with --suppress-all or --suppress-rule ID`)
      return new Suppressions(request, {})
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(request.location, 'utf8'))
    } catch (error) {
      throw new UsageError(`${shown}: not a valid suppressions file (${(error as Error).message}); fix it, or delete it and run --suppress-all again`)
    }
    return new Suppressions(request, checkCounts(parsed, shown))
  }

  /**
   * The key of a file in the suppressions file: its path relative to the file's folder, with `/`.
   *
   * @param filePath - An absolute path.
   * @returns The key.
   */
  keyOf(filePath: string): string {
    const below = relative(this.folder, filePath)
    return (isAbsolute(below) ? filePath : below).split(sep).join('/')
  }

  /**
   * Apply the suppressions to one file's outcome (and, with `--suppress-*`, record its findings
   * first). Standard input is never suppressed: it has no path to key it.
   *
   * @param outcome - The file's outcome.
   * @returns The outcome with the suppressed findings removed.
   */
  apply(outcome: FileOutcome): FileOutcome {
    if (!outcome.linted || outcome.filePath === '<stdin>') return outcome
    const key = this.keyOf(outcome.filePath)
    const found = new Map<string, number>()
    for (const finding of outcome.findings) if (suppressible.has(finding.severity)) found.set(finding.ruleId, (found.get(finding.ruleId) ?? 0) + 1)
    this.seen.set(key, found)

    const suppress = this.request.suppress
    if (suppress) {
      // The file's entries for the rules asked about become exactly what it has now.
      const entry: Record<string, {count: number}> = {...this.counts[key]}
      for (const ruleId of suppress === 'all' ? new Set([...Object.keys(entry), ...found.keys()]) : suppress) {
        const count = found.get(ruleId) ?? 0
        if (count > 0) entry[ruleId] = {count}
        else delete entry[ruleId]
      }
      if (Object.keys(entry).length > 0) this.counts[key] = entry
      else delete this.counts[key]
    }
    const entry = this.counts[key]
    if (!entry) return outcome
    const hidden = new Set<string>()
    for (const [ruleId, count] of found) if (count <= (entry[ruleId]?.count ?? 0)) hidden.add(ruleId)
    if (hidden.size === 0) return outcome
    const findings = outcome.findings.filter((finding) => !(suppressible.has(finding.severity) && hidden.has(finding.ruleId)))
    this.suppressedTotal += outcome.findings.length - findings.length
    return {...outcome, findings}
  }

  /**
   * Entries whose findings (some or all) were fixed: in files linted in this run, and in files
   * that no longer exist.
   *
   * @returns The stale entries, in file and rule order.
   */
  stale(): StaleSuppression[] {
    const stale: StaleSuppression[] = []
    for (const file of Object.keys(this.counts).sort()) {
      const found = this.seen.get(file)
      if (!found && existsSync(resolve(this.folder, file))) continue
      for (const [ruleId, {count}] of Object.entries(this.counts[file] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const left = found?.get(ruleId) ?? 0
        if (left < count) stale.push({file, ruleId, count, left})
      }
    }
    return stale
  }

  /** `--prune-suppressions`: lower each stale count to what is left, dropping entries with none. */
  prune(): void {
    for (const {file, ruleId, left} of this.stale()) {
      const entry = this.counts[file] as Record<string, {count: number}>
      if (left === 0) delete entry[ruleId]
      else entry[ruleId] = {count: left}
      if (Object.keys(entry).length === 0) delete this.counts[file]
    }
  }

  /** Findings the file still allows, in total. */
  get allowedTotal(): number {
    let total = 0
    for (const entry of Object.values(this.counts)) for (const {count} of Object.values(entry)) total += count
    return total
  }

  /**
   * Write the file, sorted by path and rule so that it diffs well, atomically.
   *
   * @returns When written.
   */
  async save(): Promise<void> {
    const sorted: SuppressionCounts = {}
    for (const file of Object.keys(this.counts).sort()) {
      const rules = Object.entries(this.counts[file] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
      if (rules.length > 0) sorted[file] = Object.fromEntries(rules)
    }
    const temporary = join(this.folder, `.destigma-suppressions-${process.pid}.tmp`)
    try {
      await mkdir(this.folder, {recursive: true})
      await writeFile(temporary, JSON.stringify(sorted, null, 2) + '\n', 'utf8')
      await rename(temporary, this.request.location)
    } catch (error) {
      await unlink(temporary).catch(() => undefined)
      throw new UsageError(`${this.request.location}: cannot write the suppressions file (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
  }
}

/** Check the parsed file's shape, naming the first entry that is wrong. */
function checkCounts(parsed: unknown, shown: string): SuppressionCounts {
  const bad = (where: string): never => {
    throw new UsageError(`${shown}: ${where}; each entry is "path": {"rule-id": {"count": N}} (fix it, or delete the file and run --suppress-all again)`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) bad('expected an object of file paths')
  const counts: SuppressionCounts = {}
  for (const [file, rules] of Object.entries(parsed as object)) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) bad(`"${file}" is not an object of rule ids`)
    counts[file] = {}
    for (const [ruleId, value] of Object.entries(rules as object)) {
      const count = (value as {count?: unknown} | null)?.count
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) bad(`"${file}" → "${ruleId}" has no whole-number "count"`)
      ;(counts[file] as Record<string, {count: number}>)[ruleId] = {count: count as number}
    }
  }
  return counts
}

/**
 * What to tell the user after a run with suppressions, and whether stale entries fail it.
 *
 * @param suppressions - The run's suppressions.
 * @param request - What the command line asked.
 * @param cwd - The working folder.
 * @returns Lines for stderr, and whether the run must exit with 2.
 */
export function suppressionReport(suppressions: Suppressions, request: SuppressionRequest, cwd: string): {lines: string[]; fails: boolean} {
  const shown = displayPath(request.location, cwd)
  const lines: string[] = []
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`
  if (request.suppress) {
    lines.push(`${plural(suppressions.suppressedTotal, 'finding')} suppressed; ${shown} now allows ${plural(suppressions.allowedTotal, 'finding')}`)
    return {lines, fails: false}
  }
  const stale = suppressions.stale()
  const fixed = stale.reduce((sum, entry) => sum + entry.count - entry.left, 0)
  if (request.prune) {
    suppressions.prune()
    lines.push(`pruned ${plural(fixed, 'fixed finding')} from ${shown}; it now allows ${plural(suppressions.allowedTotal, 'finding')}`)
    return {lines, fails: false}
  }
  if (suppressions.suppressedTotal > 0) lines.push(`${plural(suppressions.suppressedTotal, 'finding')} suppressed by ${shown} (left to fix; not counted)`)
  if (fixed === 0) return {lines, fails: false}
  lines.push(`${plural(fixed, 'suppressed finding')} fixed since ${shown} was written:`)
  for (const entry of stale.slice(0, 20)) lines.push(`  ${entry.file}: ${entry.ruleId} (${entry.left} of ${entry.count} left)`)
  if (stale.length > 20) lines.push(`  … and ${stale.length - 20} more`)
  if (request.passOnUnpruned) return {lines, fails: false}
  lines.push(`run destigma --prune-suppressions to update ${shown} (or pass --pass-on-unpruned-suppressions to ignore this)`)
  return {lines, fails: true}
}
