import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml'

/** Where a problem sits in a data file, and what it is. */
export interface DataProblem {
  line: number
  column: number
  message: string
}

/** A JSON or YAML file that cannot be parsed; its message lists `<file>:<line>:<column>: <reason>` lines. */
export class DataFileError extends Error {
  readonly file: string
  readonly problems: DataProblem[]
  constructor(file: string, problems: DataProblem[]) {
    super(problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n'))
    this.name = 'DataFileError'
    this.file = file
    this.problems = problems
  }
}

/** A parsed JSON or YAML file that can say where a value sits in its source. */
export interface DataFile {
  file: string
  value: unknown
  /**
   * Line and column of the value at `path`, or by default of its key (where people look for an
   * option), falling back to the nearest enclosing value that exists.
   */
  locate(path: ReadonlyArray<string | number>, at?: 'key' | 'value'): {line: number; column: number} | undefined
}

/**
 * Parse a JSON or YAML file, keeping where each value sits. The one line-aware reader: the
 * compiler reads rule files with it, and @destigma/config reads rc files and custom rules.
 * Syntax errors become a {@link DataFileError} with the line.
 *
 * @param file - Absolute path, for messages.
 * @param text - The file's text.
 * @param kind - `json` parses strictly as JSON; `yaml` as YAML 1.2.
 * @returns The parsed file.
 * @throws {DataFileError} When the text is not valid JSON or YAML.
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
      throw new DataFileError(file, [jsonProblem(source, (error as Error).message)])
    }
    // JSON is YAML too, so the YAML parser gives positions into JSON files; only asked for when a problem needs a place.
    let doc: Document | undefined
    return {file, value, locate: (path, at) => locateIn((doc ??= parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: false})), path, position, at)}
  }
  const doc = parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: true})
  if (doc.errors.length > 0)
    throw new DataFileError(
      file,
      doc.errors.map((error) => ({...position(error.pos[0]), message: `invalid YAML: ${error.message.replace(/\s+/g, ' ').trim()}`}))
    )
  try {
    value = doc.toJS()
  } catch (error) {
    // The yaml library finds an alias used before its anchor, and refuses alias bombs
    // (`a: &a [*b, *b, …]`), only here, with a plain Error; the first names the alias.
    const message = (error as Error).message.split('\n')[0] ?? ''
    const alias = /alias[^:]*: (\S+)/.exec(message)?.[1]
    const place = alias ? position(Math.max(0, source.indexOf('*' + alias))) : {line: 1, column: 1}
    throw new DataFileError(file, [{...place, message: `invalid YAML: ${message}`}])
  }
  return {file, value, locate: (path, at) => locateIn(doc, path, position, at)}
}

/** A JSON syntax error, with its position when V8 gives one, the end of the text when input ends early, else 1:1. */
function jsonProblem(text: string, message: string): DataProblem {
  const at = /position (\d+)/.exec(message)?.[1]
  const offset = at !== undefined ? Number(at) : /Unexpected end of JSON input/.test(message) ? text.trimEnd().length : 0
  const before = text.slice(0, offset).split('\n')
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected end of JSON input$/, 'the JSON ends early (a missing closing brace or a trailing comma?)')
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: `invalid JSON: ${reason}`}
}

function locateIn(doc: Document, path: ReadonlyArray<string | number>, position: (offset: number) => {line: number; column: number}, at: 'key' | 'value' = 'key') {
  let node: unknown = doc.contents
  let found: Node | undefined = isNode(node) ? node : undefined
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment)
      if (!pair) break
      found = at === 'value' && isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : found
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
