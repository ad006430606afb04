import type {Fix} from 'retext-stigma'

/** Lines and columns of a span (1-based). */
export interface Place {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** A finding with exactly the fields of the JSON contract (design.md), in its order. */
export interface ContractFinding extends Place {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  message: string
  actual: string
  expected: string[]
  offset: number
  endOffset: number
  url: string
  fix?: Fix
}

/**
 * The contract's fields of a finding, and nothing else.
 *
 * @param finding - A finding from the engine or a reported one.
 * @returns Its contract fields, in the contract's order.
 */
export function contractFields(finding: ContractFinding): ContractFinding {
  const {ruleId, severity, message, actual, expected, line, column, endLine, endColumn, offset, endOffset, url, fix} = finding
  return {ruleId, severity, message, actual, expected, line, column, endLine, endColumn, offset, endOffset, url, ...(fix ? {fix: {range: fix.range, text: fix.text}} : {})}
}

/** A finding as the reporters show it: the contract's fields and what the reporters add. */
export interface ReportedFinding extends ContractFinding {
  /** Why the rule exists (the rule's explanation). */
  note: string
  /** The match is inside quotation marks (reported lower, without a fix, under the default `quotes`). */
  inQuotation?: boolean
  /** The match is a word discussed as a word, reported lower under `mentions: lower`. */
  mention?: boolean
  /** Where the fix's range is, for SARIF. */
  fixPlace?: Place
}

/** The result of one file or of standard input. */
export interface FileOutcome {
  /** Absolute path, or `<stdin>`. */
  filePath: string
  /** The path as people read it (relative to the working folder when inside it). */
  display: string
  /** False when the file could not be read: it is left out of the results. */
  linted: boolean
  findings: ReportedFinding[]
  /** Reasons this file could not be linted or fixed; each makes the exit code 2. */
  problems: string[]
  /** A problem with the command line found while linting (an unknown `--rule` id). */
  usageProblem?: string
  /** `--fix-dry-run`: the text `--fix` would write (with a byte-order mark if the file has one). */
  output?: string
  /** `--fix-dry-run`: a unified diff of the changes. */
  diff?: string
}

/**
 * Line and column (1-based) of offsets in a text.
 *
 * @param text - The text.
 * @returns A function from offset to line and column.
 */
export function positionsIn(text: string): (offset: number) => {line: number; column: number} {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1)
  }
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (starts[low] as number) + 1}
  }
}
