import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {LineCounter, parseDocument, isMap, isSeq, type Node} from 'yaml'
// The engine's own schema check, imported from source: the engine's build needs this compiler first.
import {checkRule, checkWordClasses} from '../../retext-stigma/src/custom-rules.js'
import type {Rule, Source, WordClasses} from '../../retext-stigma/src/types.js'

/** A problem in a rule file, with its place. */
export interface RuleFileProblem {
  file: string
  line: number
  column: number
  message: string
}

/** Thrown when rule files are invalid; its message lists `file:line:column: reason` lines. */
export class RuleFileError extends Error {
  readonly problems: RuleFileProblem[]
  constructor(problems: RuleFileProblem[]) {
    super(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n'))
    this.name = 'RuleFileError'
    this.problems = problems
  }
}

/** A rule with the file it came from. */
export interface LoadedRule {
  rule: Rule
  file: string
}

/** Find the YAML node at a JSON pointer, to report its line. */
function nodeAt(root: Node | null, pointer: string): Node | null {
  let node: Node | null = root
  for (const part of pointer.split('/').filter(Boolean)) {
    if (isMap(node)) node = (node.get(part, true) as Node | undefined) ?? node
    else if (isSeq(node)) node = (node.get(Number(part), true) as Node | undefined) ?? node
    else break
  }
  return node
}

/**
 * Parse one YAML file and check it against a validator, reporting problems with lines.
 *
 * @param file - Path of the file.
 * @param display - Path to show in messages.
 * @param check - Returns schema problems for the parsed value.
 * @returns The parsed value and its problems.
 */
export function readYaml(file: string, display: string, check?: (value: unknown) => Array<{pointer: string; message: string}>): {value: unknown; problems: RuleFileProblem[]} {
  const lineCounter = new LineCounter()
  const document = parseDocument(readFileSync(file, 'utf8'), {lineCounter, prettyErrors: false})
  const problems: RuleFileProblem[] = document.errors.map((error) => {
    const place = lineCounter.linePos(error.pos[0])
    return {file: display, line: place.line, column: place.col, message: error.message.split('\n')[0] ?? 'invalid YAML'}
  })
  if (problems.length > 0) return {value: undefined, problems}
  let value: unknown
  try {
    value = document.toJS()
  } catch (error) {
    // An alias used before its anchor is only found when the document is resolved.
    const message = error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML'
    const alias = /alias[^:]*: (\S+)/.exec(message)?.[1]
    const source = readFileSync(file, 'utf8')
    const at = alias ? source.indexOf('*' + alias) : -1
    const place = lineCounter.linePos(Math.max(0, at))
    return {value: undefined, problems: [{file: display, line: place.line, column: place.col, message}]}
  }
  for (const problem of check?.(value) ?? []) {
    const node = nodeAt(document.contents, problem.pointer)
    const place = lineCounter.linePos(node?.range?.[0] ?? 0)
    problems.push({file: display, line: place.line, column: place.col, message: `${problem.pointer === '/' ? '' : problem.pointer.slice(1).replaceAll('/', '.') + ': '}${problem.message}`})
  }
  return {value, problems}
}

/** Files in rules/ that hold shared data, not rules. */
const dataFiles = new Set(['sources.yml', 'word-classes.yml'])

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yml') && !dataFiles.has(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Load every rule file and the sources, checking the schema and the layout
 * (`rules/<category>/<id>.yml`, unique ids, known sources).
 *
 * @param rulesDir - The `rules/` folder.
 * @returns Rules in id order, the sources, and the word classes patterns use.
 * @throws {RuleFileError} Listing every problem with its file and line.
 */
export function loadRules(rulesDir: string): {rules: LoadedRule[]; sources: Record<string, Source>; classes: WordClasses} {
  const problems: RuleFileProblem[] = []
  const display = (file: string): string => 'rules/' + relative(rulesDir, file).split(sep).join('/')
  const sourcesFile = join(rulesDir, 'sources.yml')
  const sourcesRead = readYaml(sourcesFile, 'rules/sources.yml', checkSources)
  problems.push(...sourcesRead.problems)
  const sources = (sourcesRead.value ?? {}) as Record<string, Source>
  const classesFile = join(rulesDir, 'word-classes.yml')
  const classesRead = existsSync(classesFile) ? readYaml(classesFile, 'rules/word-classes.yml', checkWordClasses) : {value: {}, problems: []}
  problems.push(...classesRead.problems)
  const classes = (classesRead.problems.length > 0 ? {} : (classesRead.value ?? {})) as WordClasses

  const rules: LoadedRule[] = []
  const seen = new Map<string, string>()
  for (const file of yamlFiles(rulesDir)) {
    const shown = display(file)
    const {value, problems: fileProblems} = readYaml(file, shown, (rule) => checkRule(rule, classes))
    problems.push(...fileProblems)
    if (fileProblems.length > 0) continue
    const rule = value as Rule
    const expected = `rules/${rule.category}/${rule.id}.yml`
    if (shown !== expected) problems.push({file: shown, line: 1, column: 1, message: `a rule with id "${rule.id}" in category "${rule.category}" belongs in ${expected}`})
    const other = seen.get(rule.id)
    if (other) problems.push({file: shown, line: 1, column: 1, message: `id "${rule.id}" is already used by ${other}`})
    seen.set(rule.id, shown)
    for (const key of rule.sources ?? []) {
      if (!(key in sources)) problems.push({file: shown, line: 1, column: 1, message: `source "${key}" is not in rules/sources.yml`})
    }
    rules.push({rule, file: shown})
  }
  if (problems.length > 0) throw new RuleFileError(problems)
  return {rules: rules.sort((a, b) => a.rule.id.localeCompare(b.rule.id)), sources, classes}
}

function checkSources(value: unknown): Array<{pointer: string; message: string}> {
  if (typeof value !== 'object' || value === null) return [{pointer: '/', message: 'must be a map of source key to {title, publisher, year, url}'}]
  const problems: Array<{pointer: string; message: string}> = []
  for (const [key, source] of Object.entries(value)) {
    for (const field of ['title', 'publisher', 'year', 'url']) {
      const present = typeof source === 'object' && source !== null && field in source
      if (!present) problems.push({pointer: `/${key}`, message: `missing "${field}"`})
    }
    const url = (source as {url?: unknown}).url
    if (typeof url === 'string' && !/^https?:\/\//.test(url)) problems.push({pointer: `/${key}/url`, message: 'must be an http(s) URL'})
  }
  return problems
}
