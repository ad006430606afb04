import type {Connection, DidChangeTextDocumentParams, TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'

/** A position as the protocol defines it: two non-negative whole numbers. */
const isPosition = (value: unknown): boolean => {
  const position = value as {line?: unknown; character?: unknown} | null
  return typeof position === 'object' && position !== null && isWhole(position.line) && isWhole(position.character)
}

const isWhole = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0

/**
 * Whether every change of a `didChange` notification is well formed: text, and a range of
 * whole-number positions when there is one. A fractional or missing position would put
 * `NaN` offsets into the document, and `character: null` into every diagnostic after it.
 *
 * @param params - The notification's parameters.
 * @returns True when the changes can be applied.
 */
export function changesAreValid(params: DidChangeTextDocumentParams): boolean {
  return params.contentChanges.every((change) => {
    if (typeof change.text !== 'string') return false
    if (!('range' in change) || change.range === undefined) return true
    return isPosition(change.range.start) && isPosition(change.range.end)
  })
}

/**
 * Let `documents` follow the client's documents as `documents.listen` does, but refuse a change
 * with malformed positions (the document keeps its last good text) and say so once per document.
 *
 * @param documents - The document manager.
 * @param connection - The connection.
 * @param onRefused - Told the document whose change was refused.
 */
export function listenWithCheckedChanges(documents: TextDocuments<TextDocument>, connection: Connection, onRefused: (uri: string) => void): void {
  const checked = new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== 'onDidChangeTextDocument') return Reflect.get(target, property, receiver) as unknown
      return (handler: (params: DidChangeTextDocumentParams) => void) =>
        target.onDidChangeTextDocument((params) => {
          if (changesAreValid(params)) handler(params)
          else onRefused(params.textDocument.uri)
        })
    }
  })
  documents.listen(checked)
}

/**
 * Whether a request's position is usable (hover, code actions).
 *
 * @param position - The position the client sent.
 * @returns True for whole, non-negative numbers.
 */
export const isValidPosition = (position: unknown): boolean => isPosition(position)
