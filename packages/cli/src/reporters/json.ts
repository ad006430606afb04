import {contractFields, type FileOutcome} from '../finding.js'
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
        messages: outcome.findings.map(contractFields),
        ...(outcome.output === undefined ? {} : {output: outcome.output})
      }
      return (count++ === 0 ? '' : ',') + JSON.stringify(entry)
    },
    end: () => ']\n'
  }
}
