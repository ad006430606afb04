import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {anyNumber, expandTerm, forEachVariant, type RuleTerm, type WordClasses} from '@destigma/rule-schema'
import {categoryTitles, listRules, rulePage, showFlaggedExample, type RuleInfo} from 'retext-stigma'
import {loadRules} from './load.js'
import {ruleJsonSchema, ruleSchemaFile} from './rule-json-schema.js'

const cell = (text: string): string => text.replaceAll('|', '\\|')

/** The note that heads each generated page, for the docs folder rather than its readers. */
const generatedNote = (from: string): string => `<!-- Generated from ${from} by \`pnpm rules:docs\`. Do not edit. -->\n\n`

/**
 * A phrase a term matches, as a reader would write it: a pattern's shortest reading (`<abuse>
 * >> [{determiner}] {substance}` reads `abuse drugs`), since its syntax belongs on the rule's
 * own page.
 *
 * @param term - One of a rule's terms.
 * @param classes - The word classes its pattern names.
 * @returns The phrases, each once.
 */
export function termReadings(term: RuleTerm, classes: WordClasses): string[] {
  if (term.kind !== 'pattern') return expandTerm(term).map((variant) => variant.keys.join(' '))
  let shortest: string[] | undefined
  forEachVariant(term, classes, (variant) => {
    // The callback sees a buffer the expansion goes on to reuse: copy what is kept.
    if (!shortest || variant.keys.length < shortest.length) shortest = [...variant.keys]
  })
  return shortest ? [shortest.map((key) => (key === anyNumber ? '2019' : key)).join(' ')] : []
}

/**
 * Render the index of all rules, one table per category.
 *
 * @param rules - Every rule.
 * @param classes - The word classes the rules' patterns name.
 * @returns The Markdown index.
 */
export function indexPage(rules: RuleInfo[], classes: WordClasses): string {
  const parts = ['# Rules', `${rules.length} rules. \`recommended\` (the default) checks the clear-cut ones; \`strict\` adds the contested ones.`]
  for (const [category, title] of Object.entries(categoryTitles)) {
    const inCategory = rules.filter((rule) => rule.category === category)
    if (inCategory.length === 0) continue
    parts.push(`## ${title}`, '| Rule | Flags | Say instead | Preset | Fix |\n| --- | --- | --- | --- | --- |\n' +
      inCategory.map((rule) => `| [${rule.id}](${rule.id}.md) | ${cell([...new Set(rule.terms.flatMap((term) => termReadings(term, classes)))].slice(0, 3).join(', '))} | ${cell(rule.suggestions.default[0]?.text ?? '')} | ${rule.preset} | ${rule.fixable ? 'yes' : 'no'} |`).join('\n'))
  }
  return generatedNote('rules/') + parts.join('\n\n') + '\n'
}

/**
 * Write the generated files: `docs/rules/` and the rule files' JSON Schema; or with `check`,
 * compare them with what would be written.
 *
 * @param root - The repository root.
 * @param check - Only compare; write nothing.
 * @returns Paths that are stale (always empty when writing).
 */
export async function writeDocs(root: string, check: boolean): Promise<string[]> {
  const folder = 'docs/rules'
  // The engine ships without examples; take them from the rule files.
  const loaded = loadRules(join(root, 'rules'))
  const examples = new Map(loaded.rules.map(({rule}) => [rule.id, rule.examples]))
  const rules = listRules().map((rule) => ({...rule, examples: examples.get(rule.id)}))
  const page = (rule: RuleInfo): string => generatedNote(`rules/${rule.category}/${rule.id}.yml`) + rulePage(rule, {showFlagged: (example) => showFlaggedExample(rule, example)})
  const files = new Map<string, string>(rules.map((rule) => [`${folder}/${rule.id}.md`, page(rule)]))
  files.set(`${folder}/README.md`, indexPage(rules, loaded.classes))
  files.set(ruleSchemaFile, ruleJsonSchema())
  const stale: string[] = []
  if (check) {
    for (const [name, content] of files) {
      const file = join(root, name)
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(name)
    }
    if (existsSync(join(root, folder))) for (const name of readdirSync(join(root, folder))) if (!files.has(`${folder}/${name}`)) stale.push(`${folder}/${name} (no such rule)`)
    return stale
  }
  mkdirSync(join(root, folder), {recursive: true})
  for (const [name, content] of files) writeFileSync(join(root, name), content)
  return stale
}
