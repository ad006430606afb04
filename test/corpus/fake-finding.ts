import type {Finding} from 'retext-stigma'

/**
 * A finding as the engine would give it for `actual` at `offset` on line 1, for scoring tests
 * that feed the harness hand-made findings instead of running the engine.
 *
 * @param ruleId - The rule.
 * @param actual - The flagged text.
 * @param offset - Where it starts.
 * @param inQuotation - Whether it is inside quotation marks.
 * @returns The finding.
 */
export const fakeFinding = (ruleId: string, actual: string, offset: number, inQuotation = false): Finding => ({
  ruleId,
  category: 'drugs',
  severity: 'warning',
  message: '',
  actual,
  expected: [],
  line: 1,
  column: offset + 1,
  endLine: 1,
  endColumn: offset + actual.length + 1,
  offset,
  endOffset: offset + actual.length,
  url: '',
  note: '',
  inQuotation,
  alternatives: []
})
