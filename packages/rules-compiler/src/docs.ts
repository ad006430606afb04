import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint, fix, type Rule, type RuleContext, type RuleInfo, listRules, type RuleSuggestion} from 'retext-stigma'
import {expandTerm} from '../../retext-stigma/src/inflect.js'
import {loadRules} from './load.js'

const categoryTitles: Record<string, string> = {
  drugs: 'Drugs',
  alcohol: 'Alcohol',
  'mental-health': 'Mental health',
  suicide: 'Suicide',
  homelessness: 'Homelessness',
  'criminal-justice': 'Criminal justice',
  'sex-work': 'Sex work',
  health: 'Health conditions (HIV, hepatitis, neonatal)'
}

const code = (text: string): string => '`' + text.replaceAll('`', "'") + '`'
const cell = (text: string): string => text.replaceAll('|', '\\|')

/** Every form the engine will match for a rule, so reviewers see exactly what fires. */
export function flaggedForms(rule: Rule): string[] {
  // A pattern can stand for hundreds of phrases; its own wording says what it matches.
  return [...new Set(rule.terms.flatMap((term) => (term.kind === 'pattern' ? [term.phrase] : expandTerm(term).map((variant) => variant.keys.join(' ')))))]
}

function suggestionLine(suggestion: RuleSuggestion): string {
  const plural = suggestion.plural ? ` (plural: ${code(suggestion.plural)})` : ''
  return `${code(suggestion.text)}${plural}${suggestion.safe ? ' (applied by `--fix`)' : ''}`
}

/** Show a flagged example as a real run prints it: the sentence, a caret line, the fix. */
function renderInvalid(rule: Rule, example: NonNullable<NonNullable<Rule['examples']>['invalid']>[number]): string {
  const options = {preset: 'strict' as const, locale: example.locale, ...example.options}
  const findings = lint(example.text, options).filter((finding) => finding.ruleId === rule.id)
  const lines = [example.text]
  if (!example.text.includes('\n')) {
    let carets = ''
    for (const finding of findings) carets = carets.padEnd(finding.offset, ' ') + '^'.repeat(finding.endOffset - finding.offset)
    lines.push(carets)
  }
  for (const finding of findings) lines.push(`→ ${finding.actual}: ${finding.expected.join(' / ')}`)
  const fixed = fix(example.text, options)
  if (fixed !== example.text) lines.push(`fixed: ${fixed}`)
  const locale = example.locale ? ` (${example.locale})` : ''
  return '```text' + locale + '\n' + lines.join('\n') + '\n```'
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
 * Render the page of one rule.
 *
 * @param rule - The rule with its metadata.
 * @returns The Markdown page.
 */
export function rulePage(rule: RuleInfo): string {
  const parts: string[] = []
  parts.push(`<!-- Generated from rules/${rule.category}/${rule.id}.yml by \`pnpm rules:docs\`. Do not edit. -->`)
  parts.push(`# ${rule.id}`)
  parts.push(
    `${categoryTitles[rule.category] ?? rule.category} · ${rule.severity} · preset: ${rule.preset} · ${rule.fixable ? 'safe fix available' : 'suggestions only'}`
  )
  parts.push('## Why', rule.explanation.trim())
  if (rule.contested_because) parts.push('### Who disagrees', rule.contested_because.trim())
  const patternNote = rule.terms.some((term) => term.kind === 'pattern')
    ? '\n\nIn patterns, `<verb>` stands for each form of the verb, `{class}` for any phrase of that class in [rules/word-classes.yml](../../rules/word-classes.yml), `{number}` for any numeral, `[ ]` for optional words, `( | )` for alternatives, and words before `<<` or after `>>` must be there but are not flagged.'
    : ''
  parts.push('## What it flags', flaggedForms(rule).map(code).join(', ') + patternNote)
  const locales = Object.entries(rule.suggestions) as Array<[string, RuleSuggestion[]]>
  parts.push('## Say instead', ...locales.map(([locale, list]) => `**${locale === 'default' ? 'Default (en-GB)' : locale}**\n\n${list.map((item) => '- ' + suggestionLine(item)).join('\n')}`))
  const invalid = rule.examples?.invalid ?? []
  const valid = rule.examples?.valid ?? []
  parts.push('## Examples', '### Flagged', ...invalid.map((example) => renderInvalid(rule, example)))
  parts.push('### Not flagged', valid.map((example) => `- ${example.text}${example.note ? ` (${example.note})` : ''}`).join('\n'))
  const exceptionLines: string[] = []
  if (rule.exceptions?.length) exceptionLines.push(`Never flagged inside these names: ${rule.exceptions.join('; ')}.`)
  exceptionLines.push(...describeContext(rule.context))
  for (const term of rule.terms)
    if (term.context) exceptionLines.push(`For ${code(term.phrase)}, in place of the above: ${describeContext(term.context).join(' ') || 'no conditions.'}`)
  exceptionLines.push('Capitalised names that contain the term (organisations, programmes, laws) are not flagged, and a match inside quotation marks is reported one level lower, without a fix.')
  parts.push('## Exceptions', exceptionLines.join('\n\n'))
  parts.push('## Sources', rule.sourceDetails.map((source) => `- [${source.title}](${source.url}), ${source.publisher} (${source.year})`).join('\n'))
  parts.push(
    '## Turning it off',
    `In \`.destigmarc.json\`:\n\n\`\`\`json\n{"rules": {"${rule.id}": "off"}}\n\`\`\`\n\nFor one block of Markdown or HTML:\n\n\`\`\`markdown\n<!-- destigma-disable-next-line ${rule.id} -- reason -->\n\`\`\``
  )
  parts.push('## Resources', `- [Rule file](../../rules/${rule.category}/${rule.id}.yml)`)
  return parts.join('\n\n') + '\n'
}

/**
 * Render the index of all rules, one table per category.
 *
 * @param rules - Every rule.
 * @returns The Markdown index.
 */
export function indexPage(rules: RuleInfo[]): string {
  const parts = ['<!-- Generated from rules/ by `pnpm rules:docs`. Do not edit. -->', '# Rules', `${rules.length} rules. \`recommended\` (the default) checks the clear-cut ones; \`strict\` adds the contested ones.`]
  for (const [category, title] of Object.entries(categoryTitles)) {
    const inCategory = rules.filter((rule) => rule.category === category)
    if (inCategory.length === 0) continue
    parts.push(`## ${title}`, '| Rule | Flags | Say instead | Preset | Fix |\n| --- | --- | --- | --- | --- |\n' +
      inCategory.map((rule) => `| [${rule.id}](${rule.id}.md) | ${cell(flaggedForms(rule).slice(0, 3).join(', '))} | ${cell(rule.suggestions.default[0]?.text ?? '')} | ${rule.preset} | ${rule.fixable ? 'yes' : 'no'} |`).join('\n'))
  }
  return parts.join('\n\n') + '\n'
}

/**
 * Write `docs/rules/`, or with `check` compare it with what would be written.
 *
 * @param root - The repository root.
 * @param check - Only compare; write nothing.
 * @returns Paths that are stale (always empty when writing).
 */
export async function writeDocs(root: string, check: boolean): Promise<string[]> {
  const folder = join(root, 'docs/rules')
  // The engine ships without examples; take them from the rule files.
  const examples = new Map(loadRules(join(root, 'rules')).rules.map(({rule}) => [rule.id, rule.examples]))
  const rules = listRules().map((rule) => ({...rule, examples: examples.get(rule.id)}))
  const pages = new Map<string, string>(rules.map((rule) => [`${rule.id}.md`, rulePage(rule)]))
  pages.set('README.md', indexPage(rules))
  const stale: string[] = []
  if (check) {
    for (const [name, content] of pages) {
      const file = join(folder, name)
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(`docs/rules/${name}`)
    }
    if (existsSync(folder)) for (const name of readdirSync(folder)) if (!pages.has(name)) stale.push(`docs/rules/${name} (no such rule)`)
    return stale
  }
  mkdirSync(folder, {recursive: true})
  for (const [name, content] of pages) writeFileSync(join(folder, name), content)
  return stale
}
