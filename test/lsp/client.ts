import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import {root} from '../helpers.js'

/** The built server, as an editor starts it. */
export const serverPath = join(root, 'packages/language-server/dist/server.js')

export interface Position {
  line: number
  character: number
}
export interface Range {
  start: Position
  end: Position
}
export interface TextEdit {
  range: Range
  newText: string
}
export interface Diagnostic {
  range: Range
  severity?: number
  code?: string | number
  codeDescription?: {href: string}
  source?: string
  message: string
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>
  documentChanges?: Array<{kind: 'create'; uri: string} | {textDocument: {uri: string}; edits: TextEdit[]}>
}
export interface CodeAction {
  title: string
  kind?: string
  isPreferred?: boolean
  diagnostics?: Diagnostic[]
  edit?: WorkspaceEdit
}
export interface PublishedDiagnostics {
  uri: string
  version?: number
  diagnostics: Diagnostic[]
}

/** Offset of a position in a text, counting UTF-16 code units as LSP does. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  const lineEnd = text.indexOf('\n', offset)
  return Math.min(offset + position.character, lineEnd === -1 ? text.length : lineEnd)
}

/** Apply text edits the way an editor does: all against the original text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), text: edit.newText}))
    .sort((a, b) => b.start - a.start)
  let result = text
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

/** The edits a workspace edit makes to one document. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return []
  return [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []))
  ]
}

/**
 * A minimal LSP client over stdio, as an editor would be: it answers `workspace/configuration`
 * from `settings`, records `window/showMessage`, and keeps the latest diagnostics per document.
 */
export class TestClient {
  readonly process: ChildProcessWithoutNullStreams
  readonly connection: MessageConnection
  settings: Record<string, unknown> = {}
  readonly messages: string[] = []
  readonly registrations: string[] = []
  readonly diagnostics = new Map<string, PublishedDiagnostics>()
  private waiters: Array<(published: PublishedDiagnostics) => void> = []
  exited: Promise<number | null>

  constructor(args: string[] = ['--stdio'], server = serverPath) {
    this.process = spawn(process.execPath, [server, ...args], {stdio: ['pipe', 'pipe', 'pipe']})
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)))
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin))
    this.connection.onRequest('workspace/configuration', (params: {items: Array<{section?: string}>}) =>
      params.items.map((item) => (item.section === 'destigma' ? this.settings : null))
    )
    this.connection.onRequest('client/registerCapability', (params: {registrations: Array<{method: string}>}) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method))
      return null
    })
    this.connection.onNotification('window/showMessage', (params: {message: string}) => {
      this.messages.push(params.message)
    })
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.diagnostics.set(params.uri, params)
      for (const waiter of this.waiters.splice(0)) waiter(params)
    })
    this.connection.listen()
  }

  /** Initialize as a capable editor would, with a workspace folder. */
  async initialize(rootUri: string | null, extra: Record<string, unknown> = {}): Promise<{capabilities: Record<string, unknown>}> {
    const result = await this.connection.sendRequest<{capabilities: Record<string, unknown>}>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{uri: rootUri, name: 'workspace'}] : null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: {dynamicRegistration: true},
          didChangeWatchedFiles: {dynamicRegistration: true},
          workspaceEdit: {documentChanges: true, resourceOperations: ['create']}
        },
        textDocument: {
          codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source', 'source.fixAll']}}, isPreferredSupport: true},
          hover: {contentFormat: ['markdown', 'plaintext']},
          publishDiagnostics: {codeDescriptionSupport: true, versionSupport: true}
        }
      },
      ...extra
    })
    await this.connection.sendNotification('initialized', {})
    return result
  }

  /** The next diagnostics published for a document that satisfy `accept`. */
  nextDiagnostics(uri: string, accept: (published: PublishedDiagnostics) => boolean = () => true, timeoutMs = 15_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs)
      const waiter = (published: PublishedDiagnostics): void => {
        if (published.uri === uri && accept(published)) {
          clearTimeout(timer)
          resolve(published)
        } else this.waiters.push(waiter)
      }
      this.waiters.push(waiter)
    })
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1, timeoutMs = 15_000): Promise<PublishedDiagnostics> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version, timeoutMs)
    await this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
    return published
  }

  async change(uri: string, version: number, changes: Array<{range?: Range; text: string}>): Promise<PublishedDiagnostics> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version)
    await this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: changes})
    return published
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics, only}})
  }

  hover(uri: string, position: Position): Promise<{contents: {kind: string; value: string}} | null> {
    return this.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position})
  }

  /** Resident memory of the server process, in bytes (Linux). */
  residentBytes(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown')
    await this.connection.sendNotification('exit')
    const code = await this.exited
    this.connection.dispose()
    return code
  }
}
