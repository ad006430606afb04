import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml'
import {ConfigError, type ConfigProblem} from './config-error.js'

/** A parsed JSON or YAML file that can say where a value sits in its source. */
export interface DataFile {
  file: string
  value: unknown
  /**
   * Line and column of the value at `path` (or of its key, which is where people look),
   * falling back to the nearest enclosing value that exists.
   */
  locate(path: ReadonlyArray<string | number>): {line: number; column: number} | undefined
}

/**
 * Parse a JSON or YAML file; syntax errors become a {@link ConfigError} with the line.
 *
 * @param file - Absolute path, for messages.
 * @param text - The file's text.
 * @param kind - `json` parses strictly as JSON; `yaml` as YAML 1.2.
 * @returns The parsed file.
 */
export function parseDataFile(file: string, text: string, kind: 'json' | 'yaml'): DataFile {
  const source = text.replace(/^\uFEFF/, '')
  const lineCounter = new LineCounter()
  const position = (offset: number): {line: number; column: number} => {
    const {line, col} = lineCounter.linePos(offset)
    return {line, column: col}
  }
  let value: unknown
  if (kind === 'json') {
    try {
      value = JSON.parse(source)
    } catch (error) {
      throw new ConfigError(file, [jsonProblem(source, (error as Error).message)])
    }
    // JSON is YAML too, so the YAML parser gives positions into JSON files; only asked for when a problem needs a place.
    let doc: Document | undefined
    return {file, value, locate: (path) => locateIn((doc ??= parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: false})), path, position)}
  }
  const doc = parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length > 0)
    throw new ConfigError(
      file,
      doc.errors.map((error) => ({...position(error.pos[0]), message: `invalid YAML: ${error.message.replace(/\s+/g, ' ').trim()}`}))
    )
  try {
    value = doc.toJS()
  } catch (error) {
    // The yaml library refuses alias bombs (`a: &a [*b, *b, …]`) here, with a plain Error.
    throw new ConfigError(file, [{line: 1, column: 1, message: `invalid YAML: ${(error as Error).message}`}])
  }
  return {file, value, locate: (path) => locateIn(doc, path, position)}
}

/** A JSON syntax error, with its position when V8 gives one, the end of the text when input ends early, else 1:1. */
function jsonProblem(text: string, message: string): ConfigProblem {
  const at = /position (\d+)/.exec(message)?.[1]
  const offset = at !== undefined ? Number(at) : /Unexpected end of JSON input/.test(message) ? text.trimEnd().length : 0
  const before = text.slice(0, offset).split('\n')
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected end of JSON input$/, 'the JSON ends early (a missing closing brace or a trailing comma?)')
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: `invalid JSON: ${reason}`}
}

function locateIn(doc: Document, path: ReadonlyArray<string | number>, position: (offset: number) => {line: number; column: number}) {
  let node: unknown = doc.contents
  let found: Node | undefined = isNode(node) ? node : undefined
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment)
      if (!pair) break
      found = isNode(pair.key) ? pair.key : found
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment]
      if (isNode(node)) found = node
      else break
    } else break
  }
  return found?.range ? position(found.range[0]) : undefined
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && 'range' in value

/**
 * Split an options path (`rules.addict`, `customRules[0].terms.1`) or a JSON pointer into segments.
 *
 * @param path - The path.
 * @returns Its segments; numeric ones as numbers.
 */
export function pathSegments(path: string): Array<string | number> {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '' && segment !== '(options)')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
}
