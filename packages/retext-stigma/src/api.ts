import retextEnglish from 'retext-english'
import {unified} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {VFile} from 'vfile'
import type {Root} from 'nlcst'
import retextStigma, {type StigmaMessageFields} from './plugin.js'
import {ruleSet, ruleUrl} from './rule-set.js'
import type {Finding, Fix, Rule, Source, StigmaOptions} from './types.js'

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

/**
 * Run retext-stigma over an nlcst tree made by any reader (plain text, Markdown, HTML),
 * whose positions point into `text`.
 *
 * @param tree - The nlcst tree.
 * @param text - The source the tree's positions refer to.
 * @param options - Options.
 * @returns Findings in order of position.
 */
export function lintTree(tree: Root, text: string, options?: StigmaOptions): Finding[] {
  const file = new VFile(text)
  unified().use(retextStigma, options).runSync(tree, file)
  return findingsFromMessages(file.messages)
}

/**
 * Lint plain English text.
 *
 * @param text - The text.
 * @param options - Options.
 * @returns Findings in order of position.
 */
export function lint(text: string, options?: StigmaOptions): Finding[] {
  const processor = unified().use(retextEnglish)
  return lintTree(processor.parse(text), text, options)
}

/**
 * Apply the fixes of some findings to a text. Overlapping fixes after the first are left out.
 *
 * @param text - The text the findings were made on.
 * @param findings - Findings (those without a fix are skipped).
 * @returns The fixed text.
 */
export function applyFixes(text: string, findings: Array<{fix?: Fix}>): string {
  const fixes = findings
    .flatMap((finding) => (finding.fix ? [finding.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0])
  let result = ''
  let cursor = 0
  for (const fix of fixes) {
    if (fix.range[0] < cursor) continue
    result += text.slice(cursor, fix.range[0]) + fix.text
    cursor = fix.range[1]
  }
  return result + text.slice(cursor)
}

/** Fixed text can hold a new match (a fix's words beside the next word): a few passes settle it, as ESLint's ten do. */
const maxFixPasses = 10

/**
 * Lint plain text and apply every safe fix, again on the fixed text until no safe fix is
 * left (at most ten passes), so that fixing the result once more changes nothing.
 *
 * @param text - The text.
 * @param options - Options.
 * @returns The fixed text.
 */
export function fix(text: string, options?: StigmaOptions): string {
  let fixed = text
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const findings = lint(fixed, options)
    if (!findings.some((finding) => finding.fix)) break
    fixed = applyFixes(fixed, findings)
  }
  return fixed
}

/** A rule with what editors, docs and `--explain` need. */
export interface RuleInfo extends Rule {
  url: string
  /** `recommended` for clear-cut rules, `strict` for contested ones. */
  preset: 'recommended' | 'strict'
  fixable: boolean
  sourceDetails: Array<Source & {key: string}>
}

/**
 * List the built-in rules with their metadata.
 *
 * @returns Every rule, sorted by category and id.
 */
export function listRules(): RuleInfo[] {
  return ruleSet.rules
    .map((rule) => ({
      ...rule,
      url: ruleUrl(rule.id),
      preset: rule.confidence === 'clear-cut' ? ('recommended' as const) : ('strict' as const),
      fixable: Object.values(rule.suggestions).some((list) => list?.some((suggestion) => suggestion.safe)),
      sourceDetails: (rule.sources ?? []).flatMap((key) => {
        const source = ruleSet.sources[key]
        return source ? [{key, ...source}] : []
      })
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
}

/** The version of the built-in rule set. */
export const ruleSetVersion: string = ruleSet.version
