import {realpathSync, unlinkSync} from 'node:fs'
import {constants} from 'node:os'
import {temporaryPathFor} from './write-atomic.js'

/**
 * While `--fix` writes, make Ctrl-C and `kill` remove the temporary files of the fixes in flight
 * (on the main thread and on workers alike: their names follow from the files being fixed), then
 * end as the signal would have, with exit code 128 + its number.
 *
 * @param files - The files the run may fix.
 */
export function removeTemporaryFilesOnExit(files: string[]): void {
  const clean = (): void => {
    for (const file of files) {
      try {
        unlinkSync(temporaryPathFor(realpathSync(file)))
      } catch {
        // Most files have no fix in flight.
      }
    }
  }
  process.once('exit', clean)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      clean()
      process.exit(128 + constants.signals[signal])
    })
  }
}
