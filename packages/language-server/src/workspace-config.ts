import {fileURLToPath} from 'node:url'
import {ConfigResolver, type DocumentConfig} from './document-config.js'
import {readSettings, type EditorSettings} from './settings.js'

/**
 * The path of a `file:` URI.
 *
 * @param uri - A document or folder URI.
 * @returns Its path, or undefined for other schemes (untitled documents).
 */
export const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined)

/**
 * Settings and config per document: the editor's `destigma` settings (asked for per document
 * when the client supports it), the workspace folders, and the config files that apply.
 * Each is worked out once and kept until something changes.
 */
export class WorkspaceConfig {
  /** Workspace folders, as paths. */
  folders: string[] = []
  /** Settings the client sent without being asked (initialization options, didChangeConfiguration). */
  pushed: unknown
  private readonly resolver = new ConfigResolver()
  private readonly settings = new Map<string, Promise<EditorSettings>>()
  private readonly configs = new Map<string, DocumentConfig>()

  /** @param ask - Asks the client for a document's settings section; undefined when the client cannot be asked. */
  constructor(private ask: ((uri: string) => Promise<unknown>) | undefined = undefined) {}

  /**
   * Ask the client from now on (once it says it can).
   *
   * @param ask - Asks the client for a document's settings section.
   */
  askWith(ask: (uri: string) => Promise<unknown>): void {
    this.ask = ask
  }

  /**
   * A document's editor settings.
   *
   * @param uri - The document.
   * @returns Its settings.
   */
  settingsFor(uri: string): Promise<EditorSettings> {
    let settings = this.settings.get(uri)
    if (!settings) {
      settings = this.ask
        ? this.ask(uri).then(
            (value) => readSettings(value ?? this.pushed),
            () => readSettings(this.pushed)
          )
        : Promise.resolve(readSettings(this.pushed))
      this.settings.set(uri, settings)
    }
    return settings
  }

  /**
   * A document's config: its linter, and whether the workspace ignores it.
   *
   * @param uri - The document.
   * @param settings - Its editor settings.
   * @returns Its config.
   */
  configFor(uri: string, settings: EditorSettings): DocumentConfig {
    let config = this.configs.get(uri)
    if (!config) {
      const path = pathOf(uri)
      config = this.resolver.resolve(path, this.folderOf(path), settings.options)
      this.configs.set(uri, config)
    }
    return config
  }

  /**
   * The workspace folder that holds a path: the innermost one.
   *
   * @param path - A path, or undefined for a document without one (then the first folder).
   * @returns The folder, if any.
   */
  folderOf(path: string | undefined): string | undefined {
    if (path === undefined) return this.folders[0]
    let best: string | undefined
    for (const folder of this.folders) {
      const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${path.includes('\\') ? '\\' : '/'}`
      if (path.startsWith(prefix) && (!best || folder.length > best.length)) best = folder
    }
    return best
  }

  /**
   * Forget what is kept for a closed document.
   *
   * @param uri - The document.
   */
  forget(uri: string): void {
    this.settings.delete(uri)
    this.configs.delete(uri)
  }

  /** Settings changed: ask again for every document. */
  clear(): void {
    this.settings.clear()
    this.configs.clear()
  }

  /** A config, ignore or rule file changed on disk: read them again too. */
  clearFiles(): void {
    this.resolver.clear()
    this.clear()
  }
}
