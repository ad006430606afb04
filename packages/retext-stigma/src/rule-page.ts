import {expandTerm} from '@destigma/rule-schema'
import type {RuleInfo} from './api.js'
import type {Category, Finding, InvalidExample, Rule, RuleContext, RuleSuggestion, Source} from './types.js'

// A rule's page, written once: docs/rules, `destigma --explain`, the editor's hover and the web
// page's details panel all take their words from here. It lints nothing itself, so the page's
// own script can use it without the engine; flagged examples are shown by a caller that lints
// (`showFlaggedExample`).

/** How each category is titled, on every surface. */
export const categoryTitles: Readonly<Record<Category, string>> = {
  drugs: 'Drugs',
  alcohol: 'Alcohol',
  'mental-health': 'Mental health',
  suicide: 'Suicide',
  homelessness: 'Homelessness',
  'criminal-justice': 'Criminal justice',
  'sex-work': 'Sex work',
  health: 'Health conditions (HIV, hepatitis, neonatal)'
}

/** What a rule page needs besides the rule. */
export interface RulePageOptions {
  /**
   * Shows a flagged example as a real run prints it (a Markdown block). Without it the example's
   * text is shown as written.
   */
  showFlagged?: (example: InvalidExample) => string
  /** Where links into the repository start: `../../` from docs/rules (the default), a URL elsewhere. */
  repository?: string
}

const code = (text: string): string => '`' + text.replaceAll('`', "'") + '`'

/**
 * Every form the engine will match for a rule, so reviewers see exactly what fires.
 *
 * @param rule - The rule.
 * @returns The forms, each once; a pattern is given as written, since it stands for many phrases.
 */
export function flaggedForms(rule: Rule): string[] {
  return [...new Set(rule.terms.flatMap((term) => (term.kind === 'pattern' ? [term.phrase] : expandTerm(term).map((variant) => variant.keys.join(' ')))))]
}

/**
 * The line under a rule's title: category, severity, preset and whether `--fix` applies it.
 *
 * @param rule - The rule with its metadata.
 * @returns For example `Drugs · error · preset: recommended · safe fix available`.
 */
export function ruleFacts(rule: Pick<RuleInfo, 'category' | 'severity' | 'preset' | 'fixable'>): string {
  return `${categoryTitles[rule.category]} · ${rule.severity} · preset: ${rule.preset} · ${rule.fixable ? 'safe fix available' : 'suggestions only'}`
}

/**
 * Who published a source, and when: what follows its title in a citation.
 *
 * @param source - A source from rules/sources.yml.
 * @returns For example `Associated Press (2017)`.
 */
export function sourceByline(source: Source): string {
  return `${source.publisher} (${source.year})`
}

function suggestionLine(suggestion: RuleSuggestion): string {
  const plural = suggestion.plural ? ` (plural: ${code(suggestion.plural)})` : ''
  return `${code(suggestion.text)}${plural}${suggestion.safe ? ' (applied by `--fix`)' : ''}`
}

/** A rule's or a term's context conditions, in plain words. */
function describeContext(context: RuleContext | undefined): string[] {
  if (!context) return []
  const lines: string[] = []
  const nearby = context.window === 'paragraph' ? 'in the same paragraph' : context.window === 'document' ? 'anywhere in the document' : 'nearby'
  if (context.requires) lines.push(`Fires only with one of these words ${nearby}: ${context.requires.join(', ')}.`)
  if (context.forbids) lines.push(`Does not fire with any of these words ${nearby}: ${context.forbids.join(', ')}.`)
  if (context.preceded_by) lines.push(`Fires only right after: ${context.preceded_by.join(', ')}.`)
  if (context.not_preceded_by) lines.push(`Does not fire right after: ${context.not_preceded_by.join(', ')}.`)
  if (context.followed_by) lines.push(`Fires only right before: ${context.followed_by.join(', ')}.`)
  if (context.not_followed_by) lines.push(`Does not fire right before: ${context.not_followed_by.join(', ')}.`)
  if (context.standalone) lines.push('Fires only where the phrase stands alone as a noun (not "the homeless shelter").')
  if (context.noun) lines.push('Fires only where the word reads as a noun: not right after "to", a modal, "do" or a subject pronoun (not "had to tramp the creeks").')
  if (context.off_topic) lines.push(`Does not fire in a document about: ${context.off_topic.join(', ')} (two of them at least, and one every 300 words).`)
  if (context.topic) lines.push(`Also fires without those words nearby when the document is about: ${context.topic.join(', ')} (one of them at least once every 300 words).`)
  if (context.head) lines.push('Fires only where the phrase ends its noun phrase: the next word is not a noun, adjective or number by its part of speech (not "an alcoholic drink").')
  const pos = (list: string[]): string => list.join(' or ')
  if (context.preceded_by_pos) lines.push(`Fires only right after a ${pos(context.preceded_by_pos)}.`)
  if (context.not_preceded_by_pos) lines.push(`Does not fire right after a ${pos(context.not_preceded_by_pos)}.`)
  if (context.followed_by_pos) lines.push(`Fires only right before a ${pos(context.followed_by_pos)}.`)
  if (context.not_followed_by_pos) lines.push(`Does not fire right before a ${pos(context.not_followed_by_pos)}.`)
  return lines
}

/**
 * Render the page of one rule, in Markdown: why, what it flags, what to say instead in each
 * locale, its examples, exceptions, sources and how to turn it off.
 *
 * @param rule - The rule with its metadata, and its examples when the caller has them.
 * @param options - How to show flagged examples, and where repository links start.
 * @returns The Markdown page.
 */
export function rulePage(rule: RuleInfo, options: RulePageOptions = {}): string {
  const repository = options.repository ?? '../../'
  const showFlagged = options.showFlagged ?? ((example: InvalidExample) => '```text\n' + example.text + '\n```')
  const parts: string[] = [`# ${rule.id}`, ruleFacts(rule)]
  parts.push('## Why', rule.explanation.trim())
  if (rule.contested_because) parts.push('### Who disagrees', rule.contested_because.trim())
  const patternNote = rule.terms.some((term) => term.kind === 'pattern')
    ? `\n\nIn patterns, \`<verb>\` stands for each form of the verb, \`{class}\` for any phrase of that class in [rules/word-classes.yml](${repository}rules/word-classes.yml), \`{number}\` for any numeral, \`[ ]\` for optional words, \`( | )\` for alternatives, and words before \`<<\` or after \`>>\` must be there but are not flagged.`
    : ''
  parts.push('## What it flags', flaggedForms(rule).map(code).join(', ') + patternNote)
  const locales = Object.entries(rule.suggestions) as Array<[string, RuleSuggestion[]]>
  parts.push('## Say instead', ...locales.map(([locale, list]) => `**${locale === 'default' ? 'Default (en-GB)' : locale}**\n\n${list.map((item) => '- ' + suggestionLine(item)).join('\n')}`))
  const invalid = rule.examples?.invalid ?? []
  const valid = rule.examples?.valid ?? []
  parts.push('## Examples', '### Flagged', ...invalid.map(showFlagged))
  parts.push('### Not flagged', valid.map((example) => `- ${example.text}${example.note ? ` (${example.note})` : ''}`).join('\n'))
  const exceptionLines: string[] = []
  if (rule.exceptions?.length) exceptionLines.push(`Never flagged inside these names: ${rule.exceptions.join('; ')}.`)
  exceptionLines.push(...describeContext(rule.context))
  for (const term of rule.terms)
    if (term.context) exceptionLines.push(`For ${code(term.phrase)}, in place of the above: ${describeContext(term.context).join(' ') || 'no conditions.'}`)
  exceptionLines.push('Capitalised names that contain the term (organisations, programmes, laws) are not flagged, and a match inside quotation marks is reported one level lower, without a fix.')
  parts.push('## Exceptions', exceptionLines.join('\n\n'))
  parts.push('## Sources', rule.sourceDetails.map((source) => `- [${source.title}](${source.url}), ${sourceByline(source)}`).join('\n'))
  parts.push(
    '## Turning it off',
    `In \`.destigmarc.json\`:\n\n\`\`\`json\n{"rules": {"${rule.id}": "off"}}\n\`\`\`\n\nFor one block of Markdown or HTML:\n\n\`\`\`markdown\n<!-- destigma-disable-next-line ${rule.id} -- reason -->\n\`\`\``
  )
  parts.push('## Resources', `- [Rule file](${repository}rules/${rule.category}/${rule.id}.yml)`)
  return parts.join('\n\n') + '\n'
}

/**
 * What an editor shows over a finding: the rule, why the term hurts, the alternatives for this
 * match, the sources behind the rule, and a link to its page. A short cut of the rule page.
 *
 * @param finding - The finding.
 * @param rule - Its rule, when it is a built-in one (a custom rule's explanation is the finding's note).
 * @param format - `markdown`, or `text` for clients that cannot show Markdown.
 * @returns The text to show.
 */
export function findingHelp(finding: Finding, rule: RuleInfo | undefined, format: 'markdown' | 'text'): string {
  const explanation = (rule?.explanation ?? finding.note).trim()
  const sources = rule?.sourceDetails ?? []
  if (format === 'text') {
    const lines = [`destigma: ${finding.ruleId} (${finding.severity})`, ...(rule ? [ruleFacts(rule)] : []), '', explanation]
    if (finding.expected.length > 0) lines.push('', `Instead: ${finding.expected.join('; ')}`)
    if (sources.length > 0) lines.push('', 'Sources:', ...sources.map((source) => `- ${source.title}, ${sourceByline(source)}: ${source.url}`))
    lines.push('', `Rule page: ${finding.url}`)
    return lines.join('\n')
  }
  const lines = [`**destigma** · [\`${finding.ruleId}\`](${finding.url}) (${finding.severity})`, ...(rule ? ['', escapeMarkdown(ruleFacts(rule))] : []), '', escapeMarkdown(explanation)]
  if (finding.expected.length > 0) lines.push('', `**Instead:** ${finding.expected.map((text) => `“${escapeMarkdown(text)}”`).join(' · ')}`)
  if (sources.length > 0) lines.push('', '**Sources:**', ...sources.map((source) => `- [${escapeMarkdown(source.title)}](${source.url}), ${escapeMarkdown(sourceByline(source))}`))
  lines.push('', `[Rule documentation](${finding.url})`)
  return lines.join('\n')
}

/** Keep rule text literal where Markdown would read it as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}
