import {parentPort, workerData} from 'node:worker_threads'
import {describeInternalError} from './internal-error.js'
import {processJob, type Job} from './process-file.js'
import type {RunOptions} from './settings.js'

/** A worker thread: lints the files the pool sends, one at a time, and posts each outcome back. */
const settings = workerData as RunOptions

parentPort?.on('message', (message: {index: number; job: Extract<Job, {kind: 'file'}>}) => {
  processJob(message.job, settings).then(
    (outcome) => parentPort?.postMessage({index: message.index, outcome}),
    (error: unknown) => parentPort?.postMessage({index: message.index, internal: describeInternalError(error)})
  )
})

// Loaded: the pool starts each file's time budget from here.
parentPort?.postMessage('ready')
