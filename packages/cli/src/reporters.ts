import type {Finding} from 'retext-stigma'

/** The findings of one file. */
export interface FileResult {
  filePath: string
  findings: Finding[]
}

/**
 * The JSON reporter: exactly the fields of the CLI contract.
 *
 * @param results - One entry per linted file.
 * @returns The JSON text.
 */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        actual: finding.actual,
        expected: finding.expected,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        offset: finding.offset,
        endOffset: finding.endOffset,
        url: finding.url,
        ...(finding.fix ? {fix: finding.fix} : {})
      }))
    }))
  )
}

const paint = (on: boolean, code: number, text: string): string => (on ? `\u001B[${code}m${text}\u001B[39m` : text)
const dim = (on: boolean, text: string): string => (on ? `\u001B[2m${text}\u001B[22m` : text)

/** The first sentence of a rule's explanation, for the one-line why. */
const firstSentence = (note: string): string => /^.*?[.!?](?=\s|$)/.exec(note.trim())?.[0] ?? note.trim()

/**
 * The stylish reporter, for people: one block per file, a line per finding.
 *
 * @param results - One entry per linted file.
 * @param color - Use ANSI colour.
 * @returns The report.
 */
export function formatStylish(results: FileResult[], color: boolean): string {
  const lines: string[] = []
  const totals = {error: 0, warning: 0, info: 0}
  for (const result of results) {
    if (result.findings.length === 0) continue
    lines.push(paint(color, 4, result.filePath))
    for (const finding of result.findings) {
      totals[finding.severity]++
      const severity = paint(color, finding.severity === 'error' ? 31 : finding.severity === 'warning' ? 33 : 36, finding.severity.padEnd(7))
      const suggestion = finding.expected[0] ? ` → ${finding.expected[0]}` : ''
      lines.push(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${severity} ${finding.actual}${suggestion}  ${dim(color, finding.ruleId)}`)
      lines.push(`  ${' '.repeat(17)}${dim(color, firstSentence(finding.note))}`)
    }
    lines.push('')
  }
  const total = totals.error + totals.warning + totals.info
  if (total === 0) return ''
  lines.push(`${total} finding${total === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)`)
  return lines.join('\n') + '\n'
}
