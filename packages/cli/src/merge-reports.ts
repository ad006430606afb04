import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {listRules} from 'retext-stigma'
import {UsageError} from './errors.js'

/** One file's entry in a `--format json` report. */
interface JsonEntry {
  filePath: string
  messages: unknown[]
}

/** The parts of a SARIF run that merging touches. */
interface SarifRun {
  tool: {driver: {rules: Array<{id: string}>}}
  invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications: unknown[]}>
  results: Array<{ruleId: string; ruleIndex?: number; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>
}

/**
 * `destigma merge-reports`: join the JSON or SARIF reports of the shards of one run into the
 * report an unsharded run prints: files in the order a folder walk visits them (each folder's
 * entries by name), rules described once, invocations joined.
 *
 * @param files - The reports (all JSON, or all SARIF).
 * @param cwd - The folder the paths are relative to.
 * @returns The merged report's text.
 * @throws {UsageError} When a report cannot be read, is neither kind, or kinds are mixed.
 */
export function mergeReports(files: string[], cwd: string): string {
  if (files.length === 0) throw new UsageError('merge-reports needs the reports to merge: destigma merge-reports shard-1.json shard-2.json …')
  const reports = files.map((file) => ({file, value: readReport(resolve(cwd, file), file)}))
  const kinds = new Set(reports.map(({value}) => (Array.isArray(value) ? 'json' : 'sarif')))
  if (kinds.size > 1) throw new UsageError('merge-reports: give either JSON reports or SARIF logs, not both')
  if (kinds.has('json')) return mergeJson(reports as Array<{file: string; value: JsonEntry[]}>)
  return mergeSarif(reports as Array<{file: string; value: {runs: SarifRun[]}}>)
}

function readReport(path: string, shown: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`merge-reports: ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`merge-reports: ${shown}: not JSON; give reports written by destigma --format json or --format sarif`)
  }
  const isJson = Array.isArray(value) && value.every((entry) => typeof (entry as JsonEntry)?.filePath === 'string' && Array.isArray((entry as JsonEntry).messages))
  const runs = (value as {runs?: unknown})?.runs
  const isSarif = !Array.isArray(value) && Array.isArray(runs) && runs.length === 1 && Array.isArray((runs[0] as SarifRun).results)
  if (!isJson && !isSarif) throw new UsageError(`merge-reports: ${shown}: neither a destigma JSON report nor a SARIF log with one run`)
  return value
}

function mergeJson(reports: Array<{file: string; value: JsonEntry[]}>): string {
  const owner = new Map<string, string>()
  const entries: JsonEntry[] = []
  for (const {file, value} of reports) {
    for (const entry of value) {
      const earlier = owner.get(entry.filePath)
      if (earlier !== undefined) throw new UsageError(`merge-reports: ${entry.filePath} is in both ${earlier} and ${file}; were the shards of different runs?`)
      owner.set(entry.filePath, file)
      entries.push(entry)
    }
  }
  entries.sort((a, b) => comparePaths(a.filePath, b.filePath))
  return `[${entries.map((entry) => JSON.stringify(entry)).join(',')}]\n`
}

function mergeSarif(reports: Array<{file: string; value: {runs: SarifRun[]}}>): string {
  const [first] = reports
  const log = first?.value as {runs: SarifRun[]}
  const run = log.runs[0] as SarifRun
  const descriptors = new Map<string, {id: string}>()
  for (const {value} of reports) for (const rule of (value.runs[0] as SarifRun).tool.driver.rules) if (!descriptors.has(rule.id)) descriptors.set(rule.id, rule)
  const results = reports.flatMap(({value}) => (value.runs[0] as SarifRun).results)
  // A stable sort by file keeps each file's results in the order its shard reported them.
  const uriOf = (result: SarifRun['results'][number]): string => decodeURI(result.locations[0]?.physicalLocation.artifactLocation.uri ?? '')
  results.sort((a, b) => comparePaths(uriOf(a), uriOf(b)))
  // Built-in rules are listed first, as every run lists them; others in order of their first result.
  const builtIn = new Set(listRules().map((rule) => rule.id))
  const ids = [...descriptors.keys()].filter((id) => builtIn.has(id))
  for (const result of results) if (!builtIn.has(result.ruleId) && !ids.includes(result.ruleId) && descriptors.has(result.ruleId)) ids.push(result.ruleId)
  for (const id of descriptors.keys()) if (!ids.includes(id)) ids.push(id)
  const index = new Map(ids.map((id, position) => [id, position]))
  for (const result of results) result.ruleIndex = index.get(result.ruleId) ?? 0
  run.tool.driver.rules = ids.map((id) => descriptors.get(id) as {id: string})
  const invocations = reports.flatMap(({value}) => (value.runs[0] as SarifRun).invocations)
  run.invocations = [
    {
      executionSuccessful: invocations.every((invocation) => invocation.executionSuccessful),
      toolExecutionNotifications: invocations.flatMap((invocation) => invocation.toolExecutionNotifications)
    }
  ]
  run.results = results
  return JSON.stringify(log, null, 2) + '\n'
}

/** Compare paths folder by folder, each folder's entries by name, as the folder walk orders them. */
function comparePaths(a: string, b: string): number {
  const left = a.split(/[\\/]/)
  const right = b.split(/[\\/]/)
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] as string
    const y = right[index] as string
    if (x !== y) return x < y ? -1 : 1
  }
  return left.length - right.length
}
