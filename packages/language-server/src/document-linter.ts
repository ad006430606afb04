import {lintDocument, type BlockCache, type Format} from '@destigma/formats'
import type {Finding, Linter} from 'retext-stigma'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Diagnostic} from 'vscode-languageserver/node'
import type {LintedDocument} from './code-actions.js'
import {toDiagnostic} from './diagnostics.js'
import {formatOf, languageOf} from './languages.js'
import type {Notices} from './notices.js'
import type {WorkspaceConfig} from './workspace-config.js'

/** What is kept per open document between runs. */
interface DocumentMemory {
  cache: BlockCache
  /** The linter and format the cache was made with. */
  linter: Linter
  format: Format
  /** The diagnostic made of each finding, while the finding is in use. */
  diagnostics: WeakMap<Finding, Diagnostic>
  /** The byte-order-mark offset the diagnostics were made with. */
  base: number
}

/** Sends a document's diagnostics to the client. */
export type PublishDiagnostics = (document: TextDocument, diagnostics: Diagnostic[]) => void

/**
 * Lints open documents as they change, with the document linter every front end uses, block
 * by block, reusing the findings (and diagnostics) of blocks that did not change.
 */
export class DocumentLinter {
  private readonly memories = new Map<string, DocumentMemory>()

  /**
   * @param workspace - Settings and config per document.
   * @param notices - Where problems with settings or config are shown.
   * @param publish - Sends diagnostics.
   */
  constructor(
    private readonly workspace: WorkspaceConfig,
    private readonly notices: Notices,
    private readonly publish: PublishDiagnostics
  ) {}

  /**
   * Lint one version of a document and publish its diagnostics.
   *
   * @param document - The document.
   * @param isStale - True once a newer version exists (the run then gives up).
   * @returns The findings and fixes, or undefined when the run gave up.
   */
  async lint(document: TextDocument, isStale: () => boolean): Promise<LintedDocument | undefined> {
    const settings = await this.workspace.settingsFor(document.uri)
    for (const problem of settings.problems) this.notices.showOnce(`destigma: ${problem}; that setting is ignored.`)
    const config = this.workspace.configFor(document.uri, settings)
    if (config.error) this.notices.showOnce(`destigma: the config file cannot be used, so the editor settings and defaults apply until it is fixed.\n${config.error.message}`)
    if (isStale()) return undefined
    const base = document.getText({start: {line: 0, character: 0}, end: {line: 0, character: 1}}) === '\uFEFF' ? 1 : 0
    const language = languageOf(document.languageId, document.uri, settings.languages)
    if (!settings.enable || config.ignored || !settings.languages.includes(language)) {
      this.publish(document, [])
      return {document, findings: [], fixes: [], base}
    }
    const format = formatOf(language, document.uri)
    let memory = this.memories.get(document.uri)
    if (!memory || memory.linter !== config.linter || memory.format !== format) {
      memory = {cache: new Map(), linter: config.linter, format, diagnostics: new WeakMap(), base}
      this.memories.set(document.uri, memory)
    }
    const result = await lintDocument(document.getText().slice(base), format, config.linter, {
      incremental: {
        cache: memory.cache,
        shouldStop: isStale,
        onBlockError: (error) =>
          this.notices.showOnce(`destigma: part of ${document.uri} could not be read, so it is not checked (${error instanceof Error ? error.message : String(error)}).`),
        yieldToEventLoop: () => new Promise<void>((resolve) => setImmediate(resolve))
      }
    })
    if (!result || isStale()) return undefined
    // Findings of runs that did not move are the same objects as last time, and so are their diagnostics.
    const known = memory
    const diagnostics = result.findings.map((finding) => {
      let diagnostic = known.diagnostics.get(finding)
      if (!diagnostic || known.base !== base) {
        diagnostic = toDiagnostic(document, finding, base)
        known.diagnostics.set(finding, diagnostic)
      }
      return diagnostic
    })
    known.base = base
    this.publish(document, diagnostics)
    return {document, findings: result.findings, fixes: result.fixes, base}
  }

  /**
   * Forget a closed document.
   *
   * @param uri - The document.
   */
  forget(uri: string): void {
    this.memories.delete(uri)
  }
}
