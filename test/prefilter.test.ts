import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {applyDirectives, formatFromName, readCandidateProse, readDocx, readProse, type Format} from '@destigma/formats'

type Root = Awaited<ReturnType<typeof readProse>>
import {candidateScan, lintTree, type StigmaOptions} from 'retext-stigma'
import {root} from './helpers.js'

/** Custom rules go into the same trie, so their words must be anchors too. */
const customRule = {
  id: 'house-term',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [{phrase: 'zonked out wreck'}],
  suggestions: {default: [{text: 'person who is intoxicated'}]},
  explanation: 'A house term for the test.'
} as unknown as NonNullable<StigmaOptions['customRules']>[number]

const optionSets: Array<[string, StigmaOptions]> = [
  ['recommended', {}],
  ['strict', {preset: 'strict'}],
  ['custom rule', {customRules: [customRule]}]
]

/** Findings and unused directives of a document, read in full or through the prefilter. */
async function findings(text: string, format: Format, options: StigmaOptions, prefilter: boolean): Promise<string> {
  let parts: Iterable<Root> | undefined
  if (prefilter) {
    const scan = candidateScan(options)
    parts = scan ? await readCandidateProse(text, format, scan) : [await readProse(text, format)]
  } else parts = [await readProse(text, format)]
  const found = [...(parts ?? [])].flatMap((part) => lintTree(part, text, options))
  const result = await applyDirectives(text, format, found, {reportUnused: true})
  return JSON.stringify(result)
}

async function expectSame(text: string, format: Format, label: string): Promise<void> {
  for (const [name, options] of optionSets) {
    const full = await findings(text, format, options, false)
    expect(await findings(text, format, options, true), `${label} (${name})`).toBe(full)
  }
}

const documents = (folder: string): Array<[string, string]> =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => formatFromName(name) && !name.endsWith('.findings'))
        .map((name) => [name, readFileSync(join(folder, name), 'utf8')])
    : []

/** Terms where a block-wise skip could go wrong: block edges, front matter, tables, code, HTML, MDX, lists, definitions. */
const tricky: Array<[string, Format, string]> = [
  ['block edges', 'markdown', 'Plain opening.\n\njunkie at the start\n\nat the end an addict\n\nThe\n\nhomeless are here.\n\nthe homeless are here\n'],
  ['front matter', 'markdown', '---\ntitle: The junkie returns\ndescription: "an addict speaks"\ntags: [junkie, addict]\n\nnotes: addict\n---\n\nPlain body.\n\nAnother plain block.\n'],
  ['front matter with blank lines', 'markdown', '---\ntitle: x\n\ntags: [junkie]\n\nlayout: post\n---\n\nPlain.\n'],
  ['front matter only', 'markdown', '---\ntags: [junkie]\n---\n\nPlain.\n'],
  ['tables', 'markdown', '| Name | Note |\n| --- | --- |\n| one | a junkie |\n| two | plain |\n\nPlain.\n\n| a | b |\n|---|---|\n| the | homeless are |\n'],
  ['fenced code across blank lines', 'markdown', 'Plain.\n\n```\ncode\n\njunkie in code\n\n```\n\nplain again\n\n~~~~\nx\n\n~~~\nstill code, junkie\n~~~~\n\nAn addict after.\n'],
  ['unclosed fence', 'markdown', 'Plain.\n\n```js\n\nthe junkie\n\nmore\n'],
  ['html blocks across blank lines', 'markdown', 'Plain.\n\n<script>\n\nvar junkie = 1\n\n</script>\n\n<!--\n\nplain comment\n\n-->\n\nThe addict.\n\n<div>\n\nA junkie in a div.\n\n</div>\n'],
  ['directives', 'markdown', '<!-- destigma-disable -->\n\nThe junkie.\n\n<!-- destigma-enable -->\n\nPlain.\n\n<!-- destigma-disable-next-line addict -->\n\nAn addict.\n\n<!-- destigma-disable-next-line -->\n\nPlain too.\n'],
  ['list continuation', 'markdown', '1. First item\n\n    The junkie continues the item.\n\n2. Second\n\n        indented code with junkie\n\n- a\n\n  An addict here.\n'],
  ['definitions', 'markdown', 'See [the homeless][ref] are here.\n\n[ref]: https://example.org "junkie"\n\nPlain.\n\nAnd [the homeless][two] are.\n\n[two]: https://example.org/two\n\n[^1]: A footnote about an addict.\n\nText[^1].\n'],
  ['inline markup and entities', 'markdown', 'Plain.\n\nA **junk**ie, an add`x`ict, a j&#117;nkie, the&nbsp;homeless are, an add\\*ict.\n\nPlain &amp; tidy.\n\n&#106;unkie\n'],
  ['blockquotes and setext', 'markdown', '> quoted\n> junkie\n\nHeading\n=======\n\nPlain\n---\n\n> plain\n\nAn addict.\n'],
  ['crlf', 'markdown', 'Plain.\r\n\r\nThe junkie.\r\n\r\nPlain.\r\n\r\n  \r\nAn addict.\r\n'],
  ['mdx', 'mdx', 'import X from "./x"\n\nPlain.\n\n<Note>\n\nA junkie in JSX.\n\n</Note>\n\n{/* destigma-disable-next-line */}\n\nAn addict.\n\nexport const meta = {\n\n  title: "junkie"\n\n}\n\nPlain end.\n'],
  ['html', 'html', '<p>Plain.</p>\n\n<p>The\n\nhomeless are here.</p>\n\n<p>A junkie.</p>\n<!-- destigma-disable-next-line -->\n<p>An addict.</p>\n'],
  ['text', 'text', 'Plain.\n\nThe\n\nhomeless are here.\n\n  \n\nthe homeless are here. A junkie.\n\nPlain.\n'],
  ['nothing to find', 'markdown', '# Plain\n\nNothing here.\n\nNor here.\n']
]

describe('prefilter: identical findings with and without it', () => {
  it.each(documents(join(root, 'fixtures')))('fixture %s', async (name, text) => {
    await expectSame(text, formatFromName(name) as Format, name)
  })

  it.each([...documents(join(root, 'test/corpus')), ...documents(join(root, 'test/corpus/holdout'))])('corpus %s', async (name, text) => {
    await expectSame(text, formatFromName(name) as Format, name)
  })

  it.each(tricky)('generated: %s', async (label, format, text) => {
    await expectSame(text, format, label)
  })

  it('a generated tree of every kind, each term at a block boundary', async () => {
    const terms = ['junkie', 'addict', 'the homeless are', 'committed suicide', 'zonked out wreck', 'alcoholic', 'crackhead']
    for (let index = 0; index < 60; index++) {
      const term = terms[index % terms.length] as string
      const filler = `Plain filler number ${index}.`
      const place = index % 5
      const blocks = [filler, filler, filler]
      if (place === 0) blocks[0] = `${term} opens it.`
      else if (place === 1) blocks[2] = `It ends with ${term}`
      else if (place === 2) blocks.splice(1, 0, `| a | b |\n| - | - |\n| ${term} | x |`)
      else if (place === 3) blocks.splice(1, 0, `<p>${term}</p>`)
      else blocks.unshift(`---\ntitle: ${term}\n---`)
      await expectSame(blocks.join('\n\n') + '\n', 'markdown', `markdown ${index}`)
      await expectSame(blocks.join('\n\n').replace(/<\/?p>/g, ''), 'text', `text ${index}`)
    }
  })

  it('.docx text', async () => {
    const document = new Document({
      sections: [{children: ['Plain opening.', 'The junkie left.', 'The', 'homeless are here.', 'Plain close, then an addict'].map((text) => new Paragraph({children: [new TextRun(text)]}))}]
    })
    const text = await readDocx(new Uint8Array(await Packer.toBuffer(document)))
    await expectSame(text, 'docx', 'docx')
  })

  it('does skip: no parse without a candidate, and blocks without one are blanked in place', async () => {
    const scan = candidateScan({})
    if (!scan) throw new Error('the built-in rules should be anchorable')
    expect(await readCandidateProse('# Plain\n\nNothing to find here.\n', 'markdown', scan)).toBeUndefined()
    const text = 'First plain block.\n\nThe junkie left.\n\nLast plain block.\n'
    const parts = [...((await readCandidateProse(text, 'markdown', scan)) ?? [])]
    const words = JSON.stringify(parts).match(/"WordNode"/g)?.length
    expect(words).toBe(3)
    expect(parts.flatMap((part) => lintTree(part, text, {})).map((finding) => [finding.line, finding.column, finding.offset])).toEqual([[3, 5, 24]])
    // MDX is parsed even without a candidate: its syntax errors are reported.
    await expect(readCandidateProse('# Title\n\n<Note>unclosed\n', 'mdx', scan)).rejects.toThrow()
    // Switched off rules are no candidates.
    const off = candidateScan({rules: {junkie: 'off'}})
    expect(off?.mayMatch('The junkie left.')).toBe(false)
    expect(candidateScan({customRules: [customRule]})?.mayMatch('a zonked-out wreck')).toBe(true)
  })
})
