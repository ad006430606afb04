import {findingHelp, listRules, type Finding, type RuleInfo} from 'retext-stigma'
import {MarkupKind, type MarkupContent} from 'vscode-languageserver/node'

let rulesById: Map<string, RuleInfo> | undefined

function ruleInfo(ruleId: string): RuleInfo | undefined {
  rulesById ??= new Map(listRules().map((rule) => [rule.id, rule]))
  return rulesById.get(ruleId)
}

/**
 * What a hover over a finding shows: the engine's help for it (the rule, why the term hurts,
 * the alternatives, the sources behind the rule, and a link to its page).
 *
 * @param finding - The finding under the cursor.
 * @param markdown - Whether the client renders Markdown (else plain text).
 * @returns The hover's contents.
 */
export function hoverContents(finding: Finding, markdown: boolean): MarkupContent {
  const rule = ruleInfo(finding.ruleId)
  return markdown ? {kind: MarkupKind.Markdown, value: findingHelp(finding, rule, 'markdown')} : {kind: MarkupKind.PlainText, value: findingHelp(finding, rule, 'text')}
}
