import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {LintedDocument} from './code-actions.js'

/** Lints one version of a document; resolves to undefined when a newer version made the run moot. */
export type LintRun = (document: TextDocument, isStale: () => boolean) => Promise<LintedDocument | undefined>

interface DocumentState {
  timer?: ReturnType<typeof setTimeout>
  /** The latest findings and the version they belong to. */
  latest?: LintedDocument & {version: number}
  /** The run in progress, with the version it lints. */
  running?: {version: number; done: Promise<LintedDocument | undefined>}
}

/**
 * Decides when to lint: edits are debounced, a run for an old version gives up as soon as a
 * newer one arrives, and requests that need findings (code actions, hover) get those of the
 * current version without waiting for the debounce.
 */
export class LintScheduler {
  private readonly states = new Map<string, DocumentState>()

  /**
   * @param lookup - The open document for a URI.
   * @param run - Lints a document version.
   * @param delayMs - Debounce after an edit.
   * @param onError - Reports a run that threw (the server carries on).
   */
  constructor(
    private readonly lookup: (uri: string) => TextDocument | undefined,
    private readonly run: LintRun,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void
  ) {}

  /**
   * Lint a document after the debounce (or at once with `delayMs` 0).
   *
   * @param uri - The document.
   * @param delayMs - Override of the debounce.
   */
  schedule(uri: string, delayMs = this.delayMs): void {
    const state = this.stateOf(uri)
    if (state.timer) clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void this.lintNow(uri)
    }, delayMs)
  }

  /**
   * The findings of the document's current version, linting it now if needed.
   *
   * @param uri - The document.
   * @returns The document and its findings, or undefined when it is not open.
   */
  async current(uri: string): Promise<LintedDocument | undefined> {
    for (;;) {
      const document = this.lookup(uri)
      if (!document) return undefined
      const state = this.stateOf(uri)
      if (state.latest?.version === document.version) return state.latest
      if (state.timer) {
        clearTimeout(state.timer)
        state.timer = undefined
      }
      const result = await this.lintNow(uri)
      if (result && this.lookup(uri)?.version === document.version) return result
      if (!result && this.lookup(uri)?.version === document.version) return undefined
    }
  }

  /**
   * Forget a closed document.
   *
   * @param uri - The document.
   */
  forget(uri: string): void {
    const state = this.states.get(uri)
    if (state?.timer) clearTimeout(state.timer)
    this.states.delete(uri)
  }

  /** Forget every result, so the next lint of each document starts afresh. */
  invalidate(): void {
    for (const state of this.states.values()) state.latest = undefined
  }

  /** Stop every pending timer (on shutdown). */
  stop(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer)
  }

  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri)
    if (!state) {
      state = {}
      this.states.set(uri, state)
    }
    return state
  }

  private async lintNow(uri: string): Promise<LintedDocument | undefined> {
    const document = this.lookup(uri)
    if (!document) return undefined
    const state = this.stateOf(uri)
    const version = document.version
    if (state.running?.version === version) return state.running.done
    const isStale = (): boolean => this.lookup(uri)?.version !== version || this.states.get(uri) !== state
    const done = this.run(document, isStale).then(
      (result) => {
        if (result && !isStale()) state.latest = {...result, version}
        return result
      },
      (error: unknown) => {
        this.onError(error)
        return undefined
      }
    )
    state.running = {version, done}
    try {
      return await done
    } finally {
      if (state.running?.done === done) state.running = undefined
    }
  }
}
