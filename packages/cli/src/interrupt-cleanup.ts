import {realpathSync, unlinkSync} from 'node:fs'
import {constants} from 'node:os'
import {temporaryPathFor} from './write-atomic.js'

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Until released, make Ctrl-C, `kill` and an early exit remove the given temporary files, then
 * end as the signal would have (exit code 128 + its number).
 *
 * JavaScript signal handlers run only when the thread is idle, so a handler held through a long
 * parse would keep Ctrl-C waiting: hold it only while the thread waits, that is around a write
 * on the main thread, or for the whole run while worker threads do the work (signals never reach
 * workers, so the main thread cleans up for them, finding their files by name).
 *
 * @param temporaries - The temporary files that may exist, asked for when the signal comes.
 * @returns Release: stop handling the signals.
 */
export function removeOnInterrupt(temporaries: () => string[]): () => void {
  const clean = (): void => {
    for (const file of temporaries()) {
      try {
        unlinkSync(file)
      } catch {
        // Not there (most files have no fix in flight).
      }
    }
  }
  const handlers = signals.map((signal) => {
    const handler = (): void => {
      clean()
      process.exit(128 + constants.signals[signal])
    }
    process.on(signal, handler)
    return {signal, handler}
  })
  process.on('exit', clean)
  return () => {
    for (const {signal, handler} of handlers) process.off(signal, handler)
    process.off('exit', clean)
  }
}

/**
 * The temporary files fixes of these files would use, for {@link removeOnInterrupt}.
 *
 * @param files - The files a run may fix.
 * @returns Their temporary files' paths (links resolved, as the writer resolves them).
 */
export function temporariesOf(files: string[]): string[] {
  return files.flatMap((file) => {
    try {
      return [temporaryPathFor(realpathSync(file))]
    } catch {
      return []
    }
  })
}
