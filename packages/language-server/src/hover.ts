import {listRules, type Finding, type RuleInfo} from 'retext-stigma'
import {MarkupKind, type MarkupContent} from 'vscode-languageserver/node'

let rulesById: Map<string, RuleInfo> | undefined

function ruleInfo(ruleId: string): RuleInfo | undefined {
  rulesById ??= new Map(listRules().map((rule) => [rule.id, rule]))
  return rulesById.get(ruleId)
}

/**
 * What a hover over a finding shows: the rule, why the term hurts, the alternatives,
 * the sources behind the rule, and a link to its page.
 *
 * @param finding - The finding under the cursor.
 * @param markdown - Whether the client renders Markdown (else plain text).
 * @returns The hover's contents.
 */
export function hoverContents(finding: Finding, markdown: boolean): MarkupContent {
  const rule = ruleInfo(finding.ruleId)
  const explanation = (rule?.explanation ?? finding.note).trim()
  const sources = rule?.sourceDetails ?? []
  if (!markdown) {
    const lines = [`destigma: ${finding.ruleId} (${finding.severity})`, '', explanation]
    if (finding.expected.length > 0) lines.push('', `Instead: ${finding.expected.join('; ')}`)
    if (sources.length > 0) lines.push('', 'Sources:', ...sources.map((source) => `- ${source.title}, ${source.publisher} (${source.year}): ${source.url}`))
    lines.push('', `Rule page: ${finding.url}`)
    return {kind: MarkupKind.PlainText, value: lines.join('\n')}
  }
  const lines = [`**destigma** · [\`${finding.ruleId}\`](${finding.url}) (${finding.severity})`, '', escapeMarkdown(explanation)]
  if (finding.expected.length > 0) lines.push('', `**Instead:** ${finding.expected.map((text) => `“${escapeMarkdown(text)}”`).join(' · ')}`)
  if (sources.length > 0)
    lines.push('', '**Sources:**', ...sources.map((source) => `- [${escapeMarkdown(source.title)}](${source.url}), ${escapeMarkdown(source.publisher)} (${source.year})`))
  lines.push('', `[Rule documentation](${finding.url})`)
  return {kind: MarkupKind.Markdown, value: lines.join('\n')}
}

/** Keep rule text literal where Markdown would read it as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}
