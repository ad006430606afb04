import {Worker} from 'node:worker_threads'
import type {FileOutcome} from './finding.js'
import type {Job} from './process-file.js'
import type {RunOptions} from './settings.js'

/** What a worker sends back for one file; `timedOut` when the pool stopped it past the time budget. */
export type WorkerReply = {index: number; outcome: FileOutcome} | {index: number; internal: string} | {index: number; timedOut: number}

/**
 * Lint files on worker threads. Each worker holds one file at a time, so memory stays bounded
 * however many files there are; replies arrive in any order, tagged with the file's index.
 * A file still running past `settings.maxFileSeconds` has its worker terminated (the only way
 * to stop a parser stuck in a loop) and a fresh worker takes over the queue.
 *
 * @param jobs - Files to lint, with their index in the run.
 * @param settings - Lint settings, copied to each worker.
 * @param size - Number of workers.
 * @param onReply - Called for each file as it finishes.
 * @returns When every file is done.
 */
export function runInWorkers(jobs: Array<{index: number; job: Job}>, settings: RunOptions, size: number, onReply: (reply: WorkerReply) => void): Promise<void> {
  return new Promise((resolve) => {
    let next = 0
    let running = 0
    const workers: Worker[] = []
    const finish = (): void => {
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
          return
        }
        clearTimeout(timer)
        onReply(reply)
        feed()
      })
      worker.on('error', (error: Error) => {
        // A crashed worker loses only its current file.
        replace(current === undefined ? undefined : {index: current, internal: `internal error: ${error.message}`})
      })
      feed()
    }
    const count = Math.min(size, jobs.length)
    running = count
    if (count === 0) resolve()
    for (let index = 0; index < count; index++) start()
  })
}
