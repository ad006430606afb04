import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {checkRule, checkWordClasses, isRecord, type Rule, type RuleProblem, type Source, type WordClasses} from '@destigma/rule-schema'
import {DataFileError, parseDataFile, pathSegments} from './data-file.js'

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

/** A rule with the file it came from (the built-in rules and a config's custom rules alike). */
export interface LoadedRule {
  rule: Rule
  file: string
  /** Where the rule's id is written, for problems with the id. */
  idAt?: {line: number; column: number}
}

/**
 * Parse one YAML file and check it against a validator, reporting problems with lines.
 *
 * @param file - Path of the file.
 * @param display - Path to show in messages.
 * @param check - Returns schema problems for the parsed value.
 * @returns The parsed value, where its id is written, and its problems.
 */
function readYaml(file: string, display: string, check?: (value: unknown) => RuleProblem[]): {value: unknown; idAt?: {line: number; column: number}; problems: RuleFileProblem[]} {
  let data
  try {
    data = parseDataFile(display, readFileSync(file, 'utf8'), 'yaml')
  } catch (error) {
    if (error instanceof DataFileError) return {value: undefined, problems: error.problems.map((problem) => ({file: display, ...problem}))}
    throw error
  }
  const problems = (check?.(data.value) ?? []).map((problem) => ({
    file: display,
    ...(data.locate(pathSegments(problem.pointer), 'value') ?? {line: 1, column: 1}),
    message: `${problem.pointer === '/' ? '' : problem.pointer.slice(1).replaceAll('/', '.') + ': '}${problem.message}`
  }))
  return {value: data.value, idAt: data.locate(['id']), problems}
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
    const {value, idAt, problems: fileProblems} = readYaml(file, shown, (rule) => checkRule(rule, classes))
    problems.push(...fileProblems)
    if (fileProblems.length > 0) continue
    const rule = value as Rule
    const expected = `rules/${rule.category}/${rule.id}.yml`
    if (shown !== expected) problems.push({file: shown, line: 1, column: 1, message: `a rule with id "${rule.id}" in category "${rule.category}" belongs in ${expected}`})
    const other = seen.get(rule.id)
    if (other) problems.push({file: shown, ...(idAt ?? {line: 1, column: 1}), message: `id "${rule.id}" is already used by ${other}`})
    seen.set(rule.id, shown)
    for (const key of rule.sources ?? []) {
      if (!(key in sources)) problems.push({file: shown, line: 1, column: 1, message: `source "${key}" is not in rules/sources.yml`})
    }
    rules.push({rule, file: shown, ...(idAt ? {idAt} : {})})
  }
  if (problems.length > 0) throw new RuleFileError(problems)
  return {rules: rules.sort((a, b) => a.rule.id.localeCompare(b.rule.id)), sources, classes}
}

function checkSources(value: unknown): RuleProblem[] {
  if (!isRecord(value)) return [{pointer: '/', message: 'must be a map of source key to {title, publisher, year, url}'}]
  const problems: RuleProblem[] = []
  for (const [key, source] of Object.entries(value)) {
    for (const field of ['title', 'publisher', 'year', 'url']) {
      const present = isRecord(source) && field in source
      if (!present) problems.push({pointer: `/${key}`, message: `missing "${field}"`})
    }
    const url = (source as {url?: unknown}).url
    if (typeof url === 'string' && !/^https?:\/\//.test(url)) problems.push({pointer: `/${key}/url`, message: 'must be an http(s) URL'})
  }
  return problems
}
