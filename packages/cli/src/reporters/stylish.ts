import {createColors} from 'picocolors'
import type {FileOutcome} from '../finding.js'
import {firstSentence, type Reporter, type RunSummary} from './reporter.js'

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * The stylish reporter, for people: per file, each finding's place, severity, the flagged words,
 * the best suggestion, the rule id and a one-line why; under `--fix-dry-run`, the diff first.
 *
 * @param color - Use colour (only on a terminal, and not when `NO_COLOR` is set).
 * @returns The reporter.
 */
export function stylishReporter(color: boolean): Reporter {
  const paint = createColors(color)
  const severityColour = {error: paint.red, warning: paint.yellow, info: paint.cyan}
  return {
    begin: () => '',
    file(outcome: FileOutcome) {
      const lines: string[] = []
      if (outcome.diff) lines.push(colourDiff(outcome.diff, paint))
      if (outcome.findings.length === 0) return lines.join('')
      lines.push(paint.underline(outcome.display) + '\n')
      for (const finding of outcome.findings) {
        const place = `${finding.line}:${finding.column}`.padEnd(8)
        const severity = severityColour[finding.severity](finding.severity.padEnd(7))
        // Without a suggestion (an unused directive), the message says more than the flagged text.
        const quoted = [finding.inQuotation && ' (in a quotation)', finding.mention && ' (mentioned as a word)'].filter(Boolean).join('')
        const marks = quoted ? paint.dim(quoted) : ''
        const what = finding.expected[0] ? `${paint.bold(finding.actual)}${marks} → ${paint.green(finding.expected[0])}` : finding.message
        lines.push(`  ${paint.dim(place)} ${severity} ${what}  ${paint.dim(finding.ruleId)}\n`)
        lines.push(`  ${' '.repeat(17)}${paint.dim(firstSentence(finding.note))}\n`)
      }
      return lines.join('') + '\n'
    },
    end(run: RunSummary) {
      const total = run.errors + run.warnings + run.infos
      if (total === 0) return ''
      const mark = run.errors > 0 ? paint.red('✖') : paint.yellow('⚠')
      const fixable = run.fixable > 0 ? `\n  ${plural(run.fixable, 'finding')} can be fixed with --fix` : ''
      return `${mark} ${plural(total, 'finding')} (${plural(run.errors, 'error')}, ${plural(run.warnings, 'warning')}, ${run.infos} info)${fixable}\n`
    }
  }
}

function colourDiff(diff: string, paint: ReturnType<typeof createColors>): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? paint.green(line) : line.startsWith('-') && !line.startsWith('---') ? paint.red(line) : line.startsWith('@@') ? paint.cyan(line) : line))
    .join('\n')
}
