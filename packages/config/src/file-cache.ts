import {statSync} from 'node:fs'
import {FileReadRefusal, readRegularFile} from './read-regular-file.js'

interface Entry<T> {
  mtimeMs: number
  size: number
  value: T
}

/**
 * Memoise work on files by path, modification time and size, so an editor can
 * resolve config on every change without re-reading unchanged files.
 */
export class FileCache<T> {
  private readonly entries = new Map<string, Entry<T>>()

  /**
   * The cached value for a file, or a fresh one from `make` when the file changed.
   *
   * @param file - Absolute path; must exist and be a regular file.
   * @param limit - The most bytes read; a larger file is refused, counted while reading.
   * @param make - Builds the value from the file's text.
   * @returns The value.
   * @throws {FileReadRefusal} For a special file or one over the limit; an errno error when unreadable.
   */
  get(file: string, limit: number, make: (text: string) => T): T {
    const stats = statSync(file)
    const entry = this.entries.get(file)
    if (entry && stats.isFile() && entry.mtimeMs === stats.mtimeMs && entry.size === stats.size) return entry.value
    const read = readRegularFile(file, limit)
    const value = make(new TextDecoder().decode(read.bytes))
    this.entries.set(file, {mtimeMs: read.stats.mtimeMs, size: read.stats.size, value})
    return value
  }

  /** Forget everything. */
  clear(): void {
    this.entries.clear()
  }
}

/**
 * Why a config or rule file could not be read, as the end of a sentence that starts with its name.
 *
 * @param error - What reading it threw.
 * @param limit - The size limit that applied.
 * @returns For example `is a named pipe (FIFO), not a regular file`.
 */
export function describeReadFailure(error: unknown, limit: number): string {
  if (error instanceof FileReadRefusal)
    return error.reason === 'too-large' ? `is larger than ${Math.round(limit / 1024)} KB, more than destigma reads for it` : error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)'
  return `cannot be read (${code ?? String(error)})`
}
