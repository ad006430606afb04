import {describe, expect, it} from 'vitest'
import {categories, categoryTitles, findingHelp, lint, listRules, rulePage, type InvalidExample, type RuleInfo} from 'retext-stigma'
import {categoryLabels} from '../../packages/web/src/labels.js'

// One rule page for docs/rules, --explain, the editor's hover and the web panel. docs:check holds
// docs/rules to it byte for byte; these check what each surface relies on.

const rule = (id: string): RuleInfo => {
  const found = listRules().find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no rule ${id}`)
  return found
}

describe('the rule page', () => {
  it('titles every category once, for every surface', () => {
    expect(Object.keys(categoryTitles).sort()).toEqual([...categories].sort())
    expect(categoryLabels).toBe(categoryTitles)
  })

  it('gives the facts, why, each locale\'s suggestions and the sources', () => {
    const info = rule('alcohol-abuse')
    const page = rulePage(info)
    expect(page).toMatch(/^# alcohol-abuse\n\nAlcohol · (error|warning) · preset: (recommended|strict) · (safe fix available|suggestions only)\n/)
    expect(page).toContain(info.explanation.trim())
    expect(page).toContain('**Default (en-GB)**')
    expect(page).toContain('**en-US**')
    for (const source of info.sourceDetails) expect(page).toContain(`- [${source.title}](${source.url}), ${source.publisher} (${source.year})`)
  })

  it('shows examples through the caller, and links into the repository from where it is read', () => {
    const flagged: InvalidExample = {text: 'The addicts met.', flags: ['addicts']}
    const info = {...rule('addict'), examples: {invalid: [flagged], valid: [{text: 'They were addicted to the show.', note: 'a use, not a label'}]}}
    const shown: InvalidExample[] = []
    const page = rulePage(info, {repository: 'https://example.org/repo/', showFlagged: (example) => (shown.push(example), 'SHOWN')})
    expect(shown).toEqual([flagged])
    expect(page).toContain('### Flagged\n\nSHOWN\n\n### Not flagged\n\n- They were addicted to the show. (a use, not a label)')
    expect(page).toContain('](https://example.org/repo/rules/drugs/addict.yml)')
    expect(page).not.toContain('](../../')
    expect(rulePage(info)).toContain('```text\nThe addicts met.\n```')
  })
})

describe('the help over a finding', () => {
  const [finding] = lint('Two addicts.')
  if (!finding) throw new Error('no finding')

  it('is the rule\'s facts, why, the alternatives for this match and the sources, in Markdown', () => {
    const info = rule('addict')
    const help = findingHelp(finding, info, 'markdown')
    expect(help).toContain(`[\`addict\`](${finding.url})`)
    expect(help).toContain('Drugs · ')
    expect(help).toContain(`**Instead:** “${finding.expected[0]}”`)
    for (const source of info.sourceDetails) expect(help).toContain(`](${source.url})`)
  })

  it('reads as plain text for clients without Markdown, and falls back to the finding for a custom rule', () => {
    expect(findingHelp(finding, rule('addict'), 'text')).toContain(`Instead: ${finding.expected.join('; ')}`)
    expect(findingHelp(finding, rule('addict'), 'text')).not.toContain('**')
    const custom = findingHelp({...finding, note: 'House style: say *people* first.'}, undefined, 'markdown')
    expect(custom).toContain('House style: say \\*people\\* first.')
    expect(custom).not.toContain('Sources')
  })
})

describe('the rules index', () => {
  it('reads a pattern term as its shortest phrase, and a plain term in each of its forms', async () => {
    const {termReadings} = await import('../../packages/rules-compiler/src/docs.js')
    const classes = {substance: ['drugs', 'illegal drugs'], determiner: ['the']}
    expect(termReadings({phrase: '<abuse> >> [{determiner}] {substance}', kind: 'pattern'}, classes)).toEqual(['abuse drugs'])
    expect(termReadings({phrase: 'clean since {number}', kind: 'pattern'}, classes)).toEqual(['clean since 2019'])
    expect(termReadings({phrase: 'junkie'}, classes)).toEqual(['junkie', 'junkies', "junkie's", "junkies'"])
  })
})
