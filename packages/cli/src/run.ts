import {statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import type {Format} from '@destigma/formats'
import {formatFromName} from '@destigma/formats'
import type {FileOutcome} from './finding.js'
import type {Target} from './inputs.js'
import {InputError} from './errors.js'
import {describeInternalError} from './internal-error.js'
import {displayPath} from './paths.js'
import {processJob, type Job} from './process-file.js'
import {Progress} from './progress.js'
import {readSourceStream} from './read-source.js'
import type {Reporter, RunSummary} from './reporters/index.js'
import type {CommandLine} from './settings.js'

/** Below this many files, starting worker threads costs more than it saves. */
const workerThreshold = 40
/**
 * Files from this size go to a worker thread even when few: a worker can be stopped when a file
 * runs past its time budget, the main thread cannot. Smaller files parse in bounded time.
 */
const guardedSize = 256 * 1024
/** A progress line appears on a terminal from this many files. */
const progressThreshold = 36

/** How a run went, for the exit code. */
export interface RunResult extends RunSummary {
  usageProblems: string[]
}

/** Where the run writes. */
export interface RunStreams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WriteStream
  stdin: AsyncIterable<Uint8Array | string>
}

/**
 * Lint every target, in parallel when there are many, and print each file's report as soon as
 * it and every file before it are done, so output keeps the order of the paths given.
 *
 * @param targets - Files and standard input.
 * @param settings - The command line's settings.
 * @param reporter - The reporter.
 * @param streams - Where to write and what standard input is.
 * @param earlier - Problems already reported on stderr (paths that matched nothing), for reporters that carry them.
 * @param review - Applied to each outcome, in order, before it is counted and reported (bulk suppressions).
 * @returns Totals and problems.
 */
export async function lintTargets(
  targets: Target[],
  settings: CommandLine,
  reporter: Reporter,
  streams: RunStreams,
  earlier: string[] = [],
  review: (outcome: FileOutcome) => FileOutcome = (outcome) => outcome
): Promise<RunResult> {
  const run: RunResult = {errors: 0, warnings: 0, infos: 0, fixable: 0, problems: [...earlier], usageProblems: []}
  const progress = streams.stderr.isTTY && targets.length >= progressThreshold ? new Progress(streams.stderr, targets.length) : undefined
  const out = (text: string): void => {
    if (!text) return
    progress?.clear()
    streams.stdout.write(text)
  }
  const problem = (text: string, list: string[]): void => {
    if (list.includes(text)) return
    list.push(text)
    progress?.clear()
    streams.stderr.write(`destigma: ${text}\n`)
  }

  const waiting = new Map<number, FileOutcome>()
  let emitted = 0
  const settle = (index: number, outcome: FileOutcome): void => {
    waiting.set(index, outcome)
    for (let next = waiting.get(emitted); next; next = waiting.get(emitted)) {
      waiting.delete(emitted++)
      const ready = review(next)
      for (const text of ready.problems) problem(text, run.problems)
      if (ready.usageProblem) problem(ready.usageProblem, run.usageProblems)
      for (const finding of ready.findings) {
        if (finding.severity === 'error') run.errors++
        else if (finding.severity === 'warning') run.warnings++
        else run.infos++
        if (finding.fix) run.fixable++
      }
      out(reporter.file(ready))
    }
    progress?.update(emitted)
  }
  const failed = (target: Target, reason: string): FileOutcome => {
    const display = target.kind === 'file' ? displayPath(target.path, settings.cwd) : (settings.stdinFilename ?? '<stdin>')
    return {filePath: target.kind === 'file' ? target.path : '<stdin>', display, linted: false, findings: [], problems: [`${display}: ${reason}`]}
  }

  out(reporter.begin())
  const stdinFormat: Format = settings.stdinFilename ? (formatFromName(settings.stdinFilename) ?? 'text') : 'text'
  const jobs: Array<{index: number; job: Job}> = []
  for (const [index, target] of targets.entries()) {
    if (target.kind === 'file') jobs.push({index, job: {kind: 'file', path: target.path, format: formatFromName(target.path) ?? 'text'}})
  }
  const direct = async (index: number, job: Job, target: Target): Promise<void> => {
    try {
      settle(index, await processJob(job, settings))
    } catch (error) {
      settle(index, failed(target, describeInternalError(error)))
    }
  }
  const stdinIndex = targets.findIndex((target) => target.kind === 'stdin')
  const stdinDone = (async () => {
    if (stdinIndex === -1) return
    try {
      const source = await readSourceStream(streams.stdin, stdinFormat, settings.maxFileSize)
      const job: Job = {kind: 'stdin', source, format: stdinFormat, ...(settings.stdinFilename ? {filename: settings.stdinFilename} : {})}
      await direct(stdinIndex, job, {kind: 'stdin'})
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      settle(stdinIndex, failed({kind: 'stdin'}, error.message))
    }
  })()

  const size = settings.jobs ?? Math.min(availableParallelism(), 8)
  const parallel = size > 1 && (settings.jobs === undefined ? jobs.length >= workerThreshold : jobs.length > 1)
  const guarded = !parallel && jobs.some(({job}) => job.kind === 'file' && sizeOf(job.path) >= guardedSize)
  if (parallel || guarded) {
    const {runInWorkers} = await import('./pool.js')
    // Workers write the fixes; signals reach only this thread, which waits meanwhile and so can clean up for them.
    const cleanup = settings.fix === 'write' ? await import('./interrupt-cleanup.js') : undefined
    const release = cleanup?.removeOnInterrupt(() => cleanup.temporariesOf(jobs.map(({job}) => (job.kind === 'file' ? job.path : ''))))
    await runInWorkers(jobs, settings, parallel ? size : 1, (reply) => {
      const target = targets[reply.index] as Target
      if ('outcome' in reply) settle(reply.index, reply.outcome)
      else if ('timedOut' in reply) settle(reply.index, failed(target, `took too long to check (over ${reply.timedOut} s), so it was not checked; split it, or raise the budget with --max-file-time`))
      else settle(reply.index, failed(target, reply.internal))
    })
    release?.()
  } else {
    for (const {index, job} of jobs) await direct(index, job, targets[index] as Target)
  }
  await stdinDone
  progress?.clear()
  out(reporter.end(run))
  return run
}

/** A file's size, or 0 when it cannot be read (the read reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
