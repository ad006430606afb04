import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {applyEdits, modify, parse as parseJsonc, type ParseError} from 'jsonc-parser'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {TextEdit, WorkspaceEdit} from 'vscode-languageserver/node'
import {isSeq, parseDocument} from 'yaml'
import {isRecord} from '@destigma/rule-schema'

/** The rc file names the config loader reads in a folder, in its order. */
const rcNames = ['.destigmarc.json', '.destigmarc.yaml', '.destigmarc.yml'] as const

/** What the client can do with a workspace edit. */
export interface EditSupport {
  /** `documentChanges` with a `create` operation. */
  createFiles: boolean
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Text edits that turn `before` into `after`, as one replacement of the whole text. */
function replaceAll(before: string, after: string): TextEdit[] {
  const document = TextDocument.create('file:///x', 'text', 0, before)
  return [{range: {start: {line: 0, character: 0}, end: document.positionAt(before.length)}, newText: after}]
}

/** Add an entry to a JSON array at `path`, keeping the file's own layout. */
function jsonEdits(text: string, path: string[], entry: string): TextEdit[] | undefined {
  const errors: ParseError[] = []
  const value: unknown = parseJsonc(text, errors)
  if (errors.length > 0 || !isRecord(value)) return undefined
  let holder: unknown = value
  for (const key of path.slice(0, -1)) holder = isRecord(holder) ? holder[key] : undefined
  if (!isRecord(holder)) return undefined
  const list = holder[path[path.length - 1] as string]
  if (list !== undefined && !Array.isArray(list)) return undefined
  if (Array.isArray(list) && list.some((item) => typeof item === 'string' && item.toLowerCase() === entry.toLowerCase())) return undefined
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  const formattingOptions = {insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n'}
  const edits = modify(text, list ? [...path, -1] : path, list ? entry : [entry], {formattingOptions, isArrayInsertion: Boolean(list)})
  return replaceAll(text, applyEdits(text, edits))
}

/** Add an entry to the `allow` list of a YAML rc file, keeping its comments. */
function yamlEdits(text: string, entry: string): TextEdit[] | undefined {
  const document = parseDocument(text)
  if (document.errors.length > 0) return undefined
  if (document.contents !== null && !isRecord(document.toJS())) return undefined
  const list = document.get('allow')
  if (list !== undefined && list !== null && !isSeq(list)) return undefined
  const items = isSeq(list) ? (list.toJSON() as unknown[]) : []
  if (items.some((item) => typeof item === 'string' && item.toLowerCase() === entry.toLowerCase())) return undefined
  if (isSeq(list)) list.add(document.createNode(entry))
  else document.set('allow', document.createNode([entry]))
  return replaceAll(text, document.toString())
}

/**
 * The workspace edit that adds a phrase to `allow` in the workspace folder's config: its
 * `.destigmarc.json`/`.yaml`/`.yml`, or the `destigma` key of its package.json, whichever the
 * config loader would read; a new `.destigmarc.json` when it has none.
 *
 * @param folder - The workspace folder's path.
 * @param entry - The phrase to allow.
 * @param support - What the client can apply.
 * @returns The edit, or undefined when there is nothing to add or the file cannot be edited safely.
 */
export function allowInWorkspace(folder: string, entry: string, support: EditSupport): WorkspaceEdit | undefined {
  for (const name of rcNames) {
    const path = join(folder, name)
    const text = readText(path)
    if (text === undefined) continue
    const edits = name.endsWith('.json') ? jsonEdits(text, ['allow'], entry) : yamlEdits(text, entry)
    return edits && {changes: {[pathToFileURL(path).href]: edits}}
  }
  const packagePath = join(folder, 'package.json')
  const packageText = readText(packagePath)
  if (packageText !== undefined) {
    const errors: ParseError[] = []
    const manifest: unknown = parseJsonc(packageText, errors)
    if (isRecord(manifest) && isRecord(manifest.destigma)) {
      const edits = jsonEdits(packageText, ['destigma', 'allow'], entry)
      return edits && {changes: {[pathToFileURL(packagePath).href]: edits}}
    }
  }
  if (!support.createFiles) return undefined
  const uri = pathToFileURL(join(folder, '.destigmarc.json')).href
  return {
    documentChanges: [
      {kind: 'create', uri, options: {ignoreIfExists: true}},
      {textDocument: {uri, version: null}, edits: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: `${JSON.stringify({allow: [entry]}, null, 2)}\n`}]}
    ]
  }
}
