import {Worker} from 'node:worker_threads'
import type {FileOutcome} from './finding.js'
import type {Job} from './process-file.js'
import type {LintSettings} from './settings.js'

/** What a worker sends back for one file. */
export type WorkerReply = {index: number; outcome: FileOutcome} | {index: number; internal: string}

/**
 * Lint files on worker threads. Each worker holds one file at a time, so memory stays bounded
 * however many files there are; replies arrive in any order, tagged with the file's index.
 *
 * @param jobs - Files to lint, with their index in the run.
 * @param settings - Lint settings, copied to each worker.
 * @param size - Number of workers.
 * @param onReply - Called for each file as it finishes.
 * @returns When every file is done.
 */
export function runInWorkers(jobs: Array<{index: number; job: Job}>, settings: LintSettings, size: number, onReply: (reply: WorkerReply) => void): Promise<void> {
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
      const feed = (): void => {
        const item = jobs[next++]
        if (!item) {
          current = undefined
          if (--running === 0) finish()
          return
        }
        current = item.index
        worker.postMessage(item)
      }
      worker.on('message', (reply: WorkerReply) => {
        onReply(reply)
        feed()
      })
      worker.on('error', (error: Error) => {
        // A crashed worker loses only its current file; a fresh one takes over the queue.
        if (current !== undefined) onReply({index: current, internal: `internal error: ${error.message}`})
        workers.splice(workers.indexOf(worker), 1)
        running--
        if (next < jobs.length) {
          running++
          start()
        } else if (running === 0) finish()
      })
      feed()
    }
    const count = Math.min(size, jobs.length)
    running = count
    if (count === 0) resolve()
    for (let index = 0; index < count; index++) start()
  })
}
