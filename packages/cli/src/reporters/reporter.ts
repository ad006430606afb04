import type {FileOutcome} from '../finding.js'

/** Turns outcomes into output, one file at a time, so long runs stream and memory stays flat. */
export interface Reporter {
  /** Text to print before the first file. */
  begin(): string
  /** Text to print for one file (outcomes arrive in the order the paths were given). */
  file(outcome: FileOutcome): string
  /** Text to print at the end. */
  end(run: RunSummary): string
}

/** What the whole run found, for the reporters' closing lines. */
export interface RunSummary {
  errors: number
  warnings: number
  infos: number
  fixable: number
  /** Files that could not be linted, with the reason, for reporters that carry them (SARIF). */
  problems: string[]
}

/**
 * The first sentence of a rule's explanation, for one-line reasons.
 *
 * @param note - The explanation.
 * @returns Its first sentence.
 */
export const firstSentence = (note: string): string => /^[\s\S]*?[.!?](?=\s|$)/.exec(note.trim())?.[0]?.replace(/\s+/g, ' ') ?? note.trim()
