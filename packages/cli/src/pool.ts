import {Worker} from 'node:worker_threads'
import type {FileOutcome} from './finding.js'
import type {Job} from './process-file.js'
import type {LintSettings} from './settings.js'

/**
 * CPU time the files left would take one worker, in milliseconds at its pace so far, above
 * which starting the others pays. Another worker costs S, about 0.4 s of CPU (and 100 MB), to
 * load and compile the rules, then halves the R left: it saves (R - S) / 2 of wall time for S
 * of CPU, a fair trade on a shared machine from R = 3S.
 */
const moreWorkersAbove = 1200
/**
 * The first worker's pace is judged from its second file on (the first also compiles the
 * rules), once it has spent `cpuMs` of CPU time on files; a first file that takes more than
 * `firstFileCpuMs` is slow enough to share the rest out at once. Both are CPU time, not wall
 * time, so the choice does not swing with the load on the machine; `checkMs` is how often a
 * running file is looked at.
 */
const paceWindow = {cpuMs: 200, firstFileCpuMs: 1000, checkMs: 100}

/**
 * Whether to start more workers, from the first one's pace.
 *
 * @param left - Files not yet handed out.
 * @param done - Files the first worker finished since it loaded.
 * @param cpuMs - CPU time the process spent since then (the main thread waits meanwhile, so this is the worker's).
 * @returns True when the work left would keep one worker busy for longer than another costs to start.
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
 * Unless `--jobs` set the number, one worker starts first and the others only when its pace
 * says the files left are worth their start-up: a thousand short pages, most of which the
 * prefilter skips, are done by one worker sooner than a second could load.
 *
 * @param jobs - Files to lint, with their index in the run.
 * @param settings - Lint settings, copied to each worker, and `jobs` when the user chose the number of workers.
 * @param size - The most workers.
 * @param onReply - Called for each file as it finishes.
 * @returns When every file is done.
 */
export function runInWorkers(
  jobs: Array<{index: number; job: Job}>,
  settings: LintSettings & {jobs?: number},
  size: number,
  onReply: (reply: WorkerReply) => void
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0
    let running = 0
    const workers: Worker[] = []
    // The first worker's pace: the process's CPU time when it finished its first file, and how many it has finished since.
    const pace = {
      decided: settings.jobs !== undefined || size <= 1,
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
