import {ConfigError, clearConfigCache, createIgnoreFilter, loadConfig} from '@destigma/config'
import type {Linter, StigmaOptions} from 'retext-stigma'

/** How to lint one document, and whether the workspace ignores it. */
export interface DocumentConfig {
  /** The linter for its options, shared by every document under the same config files. */
  linter: Linter
  /** Ignored by `.destigmaignore`/`.gitignore` as the CLI would skip it when checking the workspace folder. */
  ignored: boolean
  /** The config file that could not be used; the options then come from the editor settings alone. */
  error?: ConfigError
}

/**
 * Resolves each document's options with the CLI's own config loader: the nearest rc file wins,
 * the editor settings fill what no rc file sets.
 */
export class ConfigResolver {
  private readonly filters = new Map<string, (path: string) => boolean>()

  /**
   * The config for a document.
   *
   * @param filePath - The document's path on disk, or undefined for a document that has none.
   * @param workspaceFolder - The workspace folder holding it, if any.
   * @param settings - Options from the editor settings, already checked (`readSettings`); the same object for the same settings.
   * @returns Its linter, and whether it is ignored.
   */
  resolve(filePath: string | undefined, workspaceFolder: string | undefined, settings: StigmaOptions): DocumentConfig {
    const alone = (): Linter => loadConfig(filePath ?? 'untitled', {noConfig: true, settings}).linter
    if (filePath === undefined) return {linter: alone(), ignored: false}
    const ignored = workspaceFolder !== undefined && this.filterFor(workspaceFolder)(filePath)
    try {
      return {linter: loadConfig(filePath, {settings}).linter, ignored}
    } catch (error) {
      if (error instanceof ConfigError) return {linter: alone(), ignored, error}
      throw error
    }
  }

  /** Forget cached config and ignore files, after one of them changed on disk. */
  clear(): void {
    clearConfigCache()
    this.filters.clear()
  }

  private filterFor(folder: string): (path: string) => boolean {
    let filter = this.filters.get(folder)
    if (!filter) {
      filter = createIgnoreFilter(folder)
      this.filters.set(folder, filter)
    }
    return filter
  }
}
