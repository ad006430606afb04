import type {FileOutcome} from '../finding.js'
import {firstSentence, type Reporter} from './reporter.js'

const command: Record<string, string> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escaping from GitHub's toolkit: message data and property values differ. */
const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
const escapeProperty = (text: string): string => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

/**
 * The GitHub reporter: workflow commands, so findings show as annotations on a pull request's files.
 *
 * @returns The reporter.
 */
export function githubReporter(): Reporter {
  return {
    begin: () => '',
    file(outcome: FileOutcome) {
      return outcome.findings
        .map((finding) => {
          const properties = [
            `file=${escapeProperty(outcome.display)}`,
            `line=${finding.line}`,
            `endLine=${finding.endLine}`,
            `col=${finding.column}`,
            `endColumn=${finding.endColumn}`,
            `title=${escapeProperty(`destigma ${finding.ruleId}`)}`
          ]
          return `::${command[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.message}\n${firstSentence(finding.note)}`)}\n`
        })
        .join('')
    },
    end: () => ''
  }
}
