import type {VFileMessage} from 'vfile-message'
import type {StigmaMessageFields} from './plugin.js'
import {ruleUrl} from './rule-set.js'
import type {Finding} from './types.js'

/**
 * Turn the messages retext-stigma left on a file into plain findings.
 * Messages from other plugins are skipped.
 *
 * @param messages - A vfile's messages.
 * @returns Findings in order of position.
 */
export function findingsFromMessages(messages: VFileMessage[]): Finding[] {
  const findings: Finding[] = []
  for (const message of messages) {
    if (message.source !== 'retext-stigma' || !message.ruleId) continue
    const fields = message as VFileMessage & StigmaMessageFields
    const start = message.place && 'start' in message.place ? message.place.start : undefined
    const end = message.place && 'end' in message.place ? message.place.end : undefined
    const finding: Finding = {
      ruleId: message.ruleId,
      category: fields.category,
      severity: fields.severity,
      message: message.reason,
      actual: message.actual ?? '',
      expected: message.expected ?? [],
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? 1,
      endColumn: end?.column ?? 1,
      offset: start?.offset ?? 0,
      endOffset: end?.offset ?? 0,
      url: message.url ?? ruleUrl(message.ruleId),
      note: message.note ?? '',
      inQuotation: fields.inQuotation,
      mention: fields.mention === true,
      alternatives: fields.alternatives ?? []
    }
    if (fields.fix) finding.fix = fields.fix
    findings.push(finding)
  }
  return findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
}
