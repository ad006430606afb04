import {statSync} from 'node:fs'
import {Worker} from 'node:worker_threads'
import type {FileOutcome} from './finding.js'
import {describeInternalError} from './internal-error.js'
import type {Job} from './process-file.js'
import type {RunOptions} from './settings.js'

/**
 * CPU time the files left would take one thread, in milliseconds at its pace so far, above
 * which more workers pay. Each costs S, about 0.4 s of CPU (and 100 MB), to load and compile
 * the rules; two then take about S + R / 2 for the R left instead of R, a saving worth its
 * CPU time on a shared machine from about R = 3S.
 */
const moreWorkersAbove = 1200
/**
 * The pace is judged from the second file on (the first also compiles the rules), once
 * `cpuMs` of CPU time went to files (long enough that loading a parser on first use is a
 * small part of it); a first file that takes more than `firstFileCpuMs` is
 * slow enough to share the rest out at once. Both are CPU time, not wall time, so the choice
 * does not swing with the load on the machine; `checkMs` is how often a worker's running file
 * is looked at.
 */
const paceWindow = {cpuMs: 400, firstFileCpuMs: 1000, checkMs: 100}
/** Files from this size are checked only on a worker, where the time budget can stop them (run.ts sends them there too). */
const guardedSize = 256 * 1024

/**
 * Whether to start more workers, from the pace of the one thread at work so far.
 *
 * @param left - Files not yet handed out.
 * @param done - Files it finished since its first.
 * @param cpuMs - CPU time the process spent on them (only that thread was busy).
 * @returns True when the work left would keep one thread busy for longer than workers cost to start.
 */
export function worthMoreWorkers(left: number, done: number, cpuMs: number): boolean {
  // Not one file finished within the window: files are slow, share them out.
  if (done === 0) return left > 0
  return (left * cpuMs) / done > moreWorkersAbove
}

/** CPU time (user and system, every thread) the process has spent since `since`, in milliseconds. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** What a worker sends back for one file; `timedOut` when the pool stopped it past the time budget. */
export type WorkerReply = {index: number; outcome: FileOutcome} | {index: number; internal: string} | {index: number; timedOut: number}

/**
 * Lint files on worker threads. Each worker holds one file at a time, so memory stays bounded
 * however many files there are; replies arrive in any order, tagged with the file's index.
 * A file still running past `settings.maxFileSeconds` has its worker terminated (the only way
 * to stop a parser stuck in a loop) and a fresh worker takes over the queue.
 *
 * Unless `--jobs` set the number, work starts on one thread and spreads only when its pace
 * says the files left are worth more workers' start-up: a thousand short pages, most of which
 * the prefilter skips, are done by one thread before a second could load. With no file of
 * 256 KB or more, that thread is this one, and a short run starts no worker at all; otherwise
 * it is one worker, so that every file has the time budget.
 *
 * @param jobs - Files to lint, with their index in the run.
 * @param settings - Lint settings, copied to each worker, and `jobs` when the user chose the number of workers.
 * @param size - The most workers.
 * @param onReply - Called for each file as it finishes.
 * @returns When every file is done.
 */
export async function runInWorkers(
  jobs: Array<{index: number; job: Job}>,
  settings: RunOptions & {jobs?: number},
  size: number,
  onReply: (reply: WorkerReply) => void
): Promise<void> {
  const adaptive = settings.jobs === undefined && size > 1
  if (adaptive && jobs.every(({job}) => job.kind === 'file' && sizeOf(job.path) < guardedSize)) {
    const first = await runHereWhileShort(jobs, settings, onReply)
    if (first < jobs.length) await runOnWorkers(jobs.slice(first), settings, size, onReply, false)
  } else await runOnWorkers(jobs, settings, size, onReply, adaptive)
}

/**
 * Lint files on this thread, in order, while that is the faster way.
 *
 * @returns How many it checked: all, or as many as it took to see that the rest are worth workers.
 */
async function runHereWhileShort(jobs: Array<{index: number; job: Job}>, settings: RunOptions, onReply: (reply: WorkerReply) => void): Promise<number> {
  // Loaded here, not at the top: a static import would put the whole linter in the chunk the workers share with this module.
  const {processJob} = await import('./process-file.js')
  const started = process.cpuUsage()
  let since: NodeJS.CpuUsage | undefined
  let done = 0
  let staying = false
  for (const [position, {index, job}] of jobs.entries()) {
    if (since && !staying) {
      const cpu = cpuSince(since)
      if (cpu >= paceWindow.cpuMs) {
        if (worthMoreWorkers(jobs.length - position, done, cpu)) return position
        staying = true
      }
    }
    try {
      onReply({index, outcome: await processJob(job, settings)})
    } catch (error) {
      onReply({index, internal: describeInternalError(error)})
    }
    if (since) done++
    else {
      if (cpuSince(started) >= paceWindow.firstFileCpuMs) return position + 1
      since = process.cpuUsage()
    }
  }
  return jobs.length
}

/** A file's size, or 0 when it cannot be read (the read reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path, {throwIfNoEntry: false})?.size ?? 0
  } catch {
    return 0
  }
}

/** Lint files on workers: all `size` at once, or (`adaptive`) one first and the others when its pace says so. */
function runOnWorkers(jobs: Array<{index: number; job: Job}>, settings: RunOptions, size: number, onReply: (reply: WorkerReply) => void, adaptive: boolean): Promise<void> {
  return new Promise((resolve) => {
    let next = 0
    let running = 0
    const workers: Worker[] = []
    // The first worker's pace: the process's CPU time when it finished its first file, and how many it has finished since.
    const pace = {
      decided: !adaptive,
      loaded: undefined as NodeJS.CpuUsage | undefined,
      since: undefined as NodeJS.CpuUsage | undefined,
      done: 0,
      timer: undefined as ReturnType<typeof setInterval> | undefined
    }
    const grow = (): void => {
      if (pace.decided || !pace.loaded) return
      const firstFileSlow = !pace.since && cpuSince(pace.loaded) >= paceWindow.firstFileCpuMs
      const cpu = pace.since ? cpuSince(pace.since) : 0
      if (!firstFileSlow && cpu < paceWindow.cpuMs) return
      pace.decided = true
      clearInterval(pace.timer)
      if (!worthMoreWorkers(jobs.length - next, pace.done, cpu)) return
      for (let count = workers.length; count < size && next < jobs.length; count++) {
        running++
        start()
      }
    }
    const finish = (): void => {
      clearInterval(pace.timer)
      for (const worker of workers) void worker.terminate()
      resolve()
    }
    const start = (): void => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: settings})
      workers.push(worker)
      let current: number | undefined
      let timer: ReturnType<typeof setTimeout> | undefined
      // The budget counts from when the worker has loaded, so a slow start is not charged to a file.
      let ready = false
      const startClock = (): void => {
        const index = current
        if (index !== undefined && ready) timer = setTimeout(() => replace({index, timedOut: settings.maxFileSeconds}), settings.maxFileSeconds * 1000)
      }
      const feed = (): void => {
        const item = jobs[next++]
        if (!item) {
          current = undefined
          if (--running === 0) finish()
          return
        }
        current = item.index
        worker.postMessage(item)
        startClock()
      }
      /** Give up on this worker and its file; a fresh one takes over the queue. */
      const replace = (reply?: WorkerReply): void => {
        clearTimeout(timer)
        current = undefined
        workers.splice(workers.indexOf(worker), 1)
        worker.removeAllListeners().on('error', () => undefined)
        void worker.terminate()
        if (reply) onReply(reply)
        running--
        if (next < jobs.length) {
          running++
          start()
        } else if (running === 0) finish()
      }
      worker.on('message', (reply: WorkerReply | 'ready') => {
        if (reply === 'ready') {
          ready = true
          startClock()
          if (!pace.decided && !pace.loaded) {
            pace.loaded = process.cpuUsage()
            pace.timer = setInterval(grow, paceWindow.checkMs)
          }
          return
        }
        clearTimeout(timer)
        onReply(reply)
        if (pace.since) pace.done++
        else pace.since = process.cpuUsage()
        feed()
        grow()
      })
      worker.on('error', (error: Error) => {
        // A crashed worker loses only its current file.
        replace(current === undefined ? undefined : {index: current, internal: `internal error: ${error.message}`})
      })
      feed()
    }
    const count = pace.decided ? Math.min(size, jobs.length) : 1
    running = count
    if (count === 0) resolve()
    for (let index = 0; index < count; index++) start()
  })
}
