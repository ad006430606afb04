import {fileURLToPath} from 'node:url'
import {directiveFor} from '@destigma/formats'
import type {Finding} from 'retext-stigma'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Diagnostic,
  type Connection,
  type InitializeResult
} from 'vscode-languageserver/node'
import {lintByBlocks, type BlockCache} from './block-linter.js'
import {isValidPosition, listenWithCheckedChanges} from './checked-changes.js'
import {codeActions, fixAllKind, type LintedDocument} from './code-actions.js'
import {ConfigResolver, type DocumentConfig} from './document-config.js'
import {toDiagnostic} from './diagnostics.js'
import {hoverContents} from './hover.js'
import {formatOf, languageOf} from './languages.js'
import {allowInWorkspace} from './rc-edit.js'
import {LintScheduler} from './lint-scheduler.js'
import {readSettings, type EditorSettings} from './settings.js'

/** Debounce between an edit and the lint it triggers. */
const debounceMs = 15

/** Files whose change can change findings: config, ignore files, custom rule files. */
const watchedGlob = '**/{.destigmarc.json,.destigmarc.yaml,.destigmarc.yml,package.json,.destigmaignore,.gitignore,*.yml,*.yaml}'

/** What the server keeps per open document between runs. */
interface DocumentMemory {
  cache: BlockCache
  /** The format and options the cache was made with. */
  cacheKey: string
  /** The diagnostic made of each finding, while the finding is in use. */
  diagnostics: WeakMap<Finding, Diagnostic>
  /** The byte-order-mark offset the diagnostics were made with. */
  base: number
}

/**
 * Wire the language server's handlers to a connection: diagnostics on open and change,
 * code actions, hover, settings and config changes.
 *
 * @param connection - The connection to the client.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const resolver = new ConfigResolver()
  const memories = new Map<string, DocumentMemory>()
  const settingsCache = new Map<string, Promise<EditorSettings>>()
  const configCache = new Map<string, DocumentConfig>()
  const shownMessages = new Set<string>()
  let capabilities: ClientCapabilities = {}
  let workspaceFolders: string[] = []
  let pushedSettings: unknown

  const showOnce = (message: string): void => {
    if (shownMessages.has(message)) return
    shownMessages.add(message)
    void connection.sendNotification('window/showMessage', {type: MessageType.Warning, message})
  }

  const settingsFor = (uri: string): Promise<EditorSettings> => {
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = capabilities.workspace?.configuration
        ? connection.workspace.getConfiguration({scopeUri: uri, section: 'destigma'}).then(
            (value: unknown) => readSettings(value ?? pushedSettings),
            () => readSettings(pushedSettings)
          )
        : Promise.resolve(readSettings(pushedSettings))
      settingsCache.set(uri, settings)
    }
    return settings
  }

  const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined)

  const folderOf = (path: string | undefined): string | undefined => {
    if (path === undefined) return workspaceFolders[0]
    let best: string | undefined
    for (const folder of workspaceFolders) {
      const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${path.includes('\\') ? '\\' : '/'}`
      if (path.startsWith(prefix) && (!best || folder.length > best.length)) best = folder
    }
    return best
  }

  const configFor = (uri: string, settings: EditorSettings): DocumentConfig => {
    let config = configCache.get(uri)
    if (!config) {
      const path = pathOf(uri)
      config = resolver.resolve(path, folderOf(path), settings.options)
      configCache.set(uri, config)
    }
    return config
  }

  const lint = async (document: TextDocument, isStale: () => boolean): Promise<LintedDocument | undefined> => {
    const settings = await settingsFor(document.uri)
    for (const problem of settings.problems) showOnce(`destigma: ${problem}; that setting is ignored.`)
    const config = configFor(document.uri, settings)
    if (config.error) showOnce(`destigma: the config file cannot be used, so the editor settings and defaults apply until it is fixed.\n${config.error.message}`)
    if (isStale()) return undefined
    const base = document.getText({start: {line: 0, character: 0}, end: {line: 0, character: 1}}) === '\uFEFF' ? 1 : 0
    const empty: LintedDocument = {document, findings: [], base}
    const language = languageOf(document.languageId, document.uri, settings.languages)
    if (!settings.enable || config.ignored || !settings.languages.includes(language)) {
      void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: []})
      return empty
    }
    const format = formatOf(language, document.uri)
    const cacheKey = JSON.stringify([format, config.options])
    let memory = memories.get(document.uri)
    if (!memory || memory.cacheKey !== cacheKey) {
      memory = {cache: new Map(), cacheKey, diagnostics: new WeakMap(), base}
      memories.set(document.uri, memory)
    }
    const text = document.getText().slice(base)
    const findings = await lintByBlocks(text, format, config.options, memory.cache, isStale, (error) =>
      showOnce(`destigma: part of ${document.uri} could not be read, so it is not checked (${error instanceof Error ? error.message : String(error)}).`)
    )
    if (!findings || isStale()) return undefined
    const linted: LintedDocument = {document, findings, base}
    // Findings of runs that did not move are the same objects as last time, and so are their diagnostics.
    const diagnostics = findings.map((finding) => {
      let diagnostic = memory.diagnostics.get(finding)
      if (!diagnostic || memory.base !== base) {
        diagnostic = toDiagnostic(document, finding, base)
        memory.diagnostics.set(finding, diagnostic)
      }
      return diagnostic
    })
    memory.base = base
    void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
    return linted
  }

  const scheduler = new LintScheduler((uri) => documents.get(uri), lint, debounceMs, (error) => {
    // The message only: editors show log lines to users, and a stack says nothing to them.
    connection.console.error(`destigma: lint failed: ${error instanceof Error ? error.message : String(error)} (this is a bug in destigma)`)
  })

  /** Settings or config changed: re-read them and relint every open document. */
  const relintAll = (): void => {
    settingsCache.clear()
    configCache.clear()
    shownMessages.clear()
    scheduler.invalidate()
    for (const document of documents.all()) scheduler.schedule(document.uri, 0)
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    workspaceFolders = folders.flatMap((uri) => pathOf(uri) ?? [])
    // Clients without workspace/configuration can pass the settings as {destigma: {...}}.
    pushedSettings = (params.initializationOptions as {destigma?: unknown} | null | undefined)?.destigma
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false},
        hoverProvider: true,
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'destigma-language-server', version: process.env.DESTIGMA_VERSION ?? '0.1.0'}
    }
  })

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration)
      void connection.client.register(DidChangeConfigurationNotification.type, {section: 'destigma'})
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: watchedGlob}]})
    if (capabilities.workspace?.workspaceFolders)
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((folder) => pathOf(folder.uri) ?? []))
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => pathOf(folder.uri) ?? [])]
        relintAll()
      })
  })

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as {destigma?: unknown} | null | undefined)?.destigma
    if (settings !== undefined) pushedSettings = settings
    relintAll()
  })

  connection.onDidChangeWatchedFiles(() => {
    resolver.clear()
    relintAll()
  })

  documents.onDidOpen((event) => scheduler.schedule(event.document.uri, 0))
  documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri))
  documents.onDidSave(() => {
    // Clients that cannot watch files still see config edits saved from the editor.
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      resolver.clear()
      relintAll()
    }
  })
  documents.onDidClose((event) => {
    scheduler.forget(event.document.uri)
    memories.delete(event.document.uri)
    settingsCache.delete(event.document.uri)
    configCache.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onCodeAction(async (params) => {
    if (!isValidPosition(params.range.start) || !isValidPosition(params.range.end)) return []
    const linted = await scheduler.current(params.textDocument.uri)
    if (!linted) return []
    const format = formatOf(linted.document.languageId, linted.document.uri)
    const folder = folderOf(pathOf(linted.document.uri))
    const createFiles = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges && capabilities.workspace.workspaceEdit.resourceOperations?.includes('create'))
    return codeActions(linted, {
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      disableComment: format === 'markdown' || format === 'html' ? (ruleId) => directiveFor(format, ruleId) ?? '' : undefined,
      allowEdit: folder === undefined ? undefined : (phrase) => allowInWorkspace(folder, phrase, {createFiles})
    })
  })

  connection.onHover(async (params) => {
    if (!isValidPosition(params.position)) return null
    const linted = await scheduler.current(params.textDocument.uri)
    if (!linted) return null
    const offset = linted.document.offsetAt(params.position) - linted.base
    const finding = linted.findings.find((candidate) => candidate.offset <= offset && offset <= candidate.endOffset)
    if (!finding) return null
    const markdown = capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false
    return {contents: hoverContents(finding, markdown), range: toDiagnostic(linted.document, finding, linted.base).range}
  })

  connection.onShutdown(() => scheduler.stop())

  listenWithCheckedChanges(documents, connection, (uri) =>
    showOnce(`destigma: ignored a change to ${uri} whose range is not made of whole-number positions; its findings may be out of date until the editor reopens it.`)
  )
  connection.listen()
}
