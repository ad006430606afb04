import {directiveFor} from '@destigma/formats'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult
} from 'vscode-languageserver/node'
import {isValidPosition, listenWithCheckedChanges} from './checked-changes.js'
import {codeActions, fixAllKind} from './code-actions.js'
import {toDiagnostic} from './diagnostics.js'
import {DocumentLinter} from './document-linter.js'
import {hoverContents} from './hover.js'
import {formatOf} from './languages.js'
import {LintScheduler} from './lint-scheduler.js'
import {Notices} from './notices.js'
import {allowInWorkspace} from './rc-edit.js'
import {pathOf, WorkspaceConfig} from './workspace-config.js'

/** Debounce between an edit and the lint it triggers. */
const debounceMs = 15

/** Files whose change can change findings: config, ignore files, custom rule files. */
const watchedGlob = '**/{.destigmarc.json,.destigmarc.yaml,.destigmarc.yml,package.json,.destigmaignore,.gitignore,*.yml,*.yaml}'

/**
 * Wire the language server's handlers to a connection: diagnostics on open and change,
 * code actions, hover, settings and config changes.
 *
 * @param connection - The connection to the client.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const workspace = new WorkspaceConfig()
  const notices = new Notices(connection)
  const linter = new DocumentLinter(workspace, notices, (document, diagnostics) => {
    void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  })
  let capabilities: ClientCapabilities = {}

  const scheduler = new LintScheduler((uri) => documents.get(uri), (document, isStale) => linter.lint(document, isStale), debounceMs, (error) => {
    // The message only: editors show log lines to users, and a stack says nothing to them.
    connection.console.error(`destigma: lint failed: ${error instanceof Error ? error.message : String(error)} (this is a bug in destigma)`)
  })

  /** Settings or config changed: re-read them and relint every open document. */
  const relintAll = (): void => {
    workspace.clear()
    notices.clear()
    scheduler.invalidate()
    for (const document of documents.all()) scheduler.schedule(document.uri, 0)
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    workspace.folders = folders.flatMap((uri) => pathOf(uri) ?? [])
    // Clients without workspace/configuration can pass the settings as {destigma: {...}}.
    workspace.pushed = (params.initializationOptions as {destigma?: unknown} | null | undefined)?.destigma
    if (capabilities.workspace?.configuration)
      workspace.askWith((uri) => connection.workspace.getConfiguration({scopeUri: uri, section: 'destigma'}) as Promise<unknown>)
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
        workspace.folders = [...workspace.folders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => pathOf(folder.uri) ?? [])]
        relintAll()
      })
  })

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as {destigma?: unknown} | null | undefined)?.destigma
    if (settings !== undefined) workspace.pushed = settings
    relintAll()
  })

  connection.onDidChangeWatchedFiles(() => {
    workspace.clearFiles()
    relintAll()
  })

  documents.onDidOpen((event) => scheduler.schedule(event.document.uri, 0))
  documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri))
  documents.onDidSave(() => {
    // Clients that cannot watch files still see config edits saved from the editor.
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      workspace.clearFiles()
      relintAll()
    }
  })
  documents.onDidClose((event) => {
    scheduler.forget(event.document.uri)
    linter.forget(event.document.uri)
    workspace.forget(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onCodeAction(async (params) => {
    if (!isValidPosition(params.range.start) || !isValidPosition(params.range.end)) return []
    const linted = await scheduler.current(params.textDocument.uri)
    if (!linted) return []
    const format = formatOf(linted.document.languageId, linted.document.uri)
    const folder = workspace.folderOf(pathOf(linted.document.uri))
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
    notices.showOnce(`destigma: ignored a change to ${uri} whose range is not made of whole-number positions; its findings may be out of date until the editor reopens it.`)
  )
  connection.listen()
}
