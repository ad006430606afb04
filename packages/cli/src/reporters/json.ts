import type {FileOutcome} from '../finding.js'
import type {Reporter} from './reporter.js'

/**
 * The JSON reporter: one array, one object per linted file, with exactly the contract's fields
 * (and `output` under `--fix-dry-run`, as ESLint does). Nothing else goes to stdout.
 *
 * @returns The reporter.
 */
export function jsonReporter(): Reporter {
  let count = 0
  return {
    begin: () => '[',
    file(outcome: FileOutcome) {
      if (!outcome.linted) return ''
      const entry = {
        filePath: outcome.filePath,
        messages: outcome.findings.map((finding) => ({
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
          ...(finding.fix ? {fix: {range: finding.fix.range, text: finding.fix.text}} : {})
        })),
        ...(outcome.output === undefined ? {} : {output: outcome.output})
      }
      return (count++ === 0 ? '' : ',') + JSON.stringify(entry)
    },
    end: () => ']\n'
  }
}
