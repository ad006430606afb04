import {readFileSync, statSync} from 'node:fs'

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
   * @param file - Absolute path; must exist.
   * @param make - Builds the value from the file's text.
   * @returns The value.
   */
  get(file: string, make: (text: string) => T): T {
    const stats = statSync(file)
    const entry = this.entries.get(file)
    if (entry && entry.mtimeMs === stats.mtimeMs && entry.size === stats.size) return entry.value
    const value = make(readFileSync(file, 'utf8'))
    this.entries.set(file, {mtimeMs: stats.mtimeMs, size: stats.size, value})
    return value
  }

  /** Forget everything. */
  clear(): void {
    this.entries.clear()
  }
}
