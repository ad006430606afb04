import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {applyDirectives, formatFromName, readCandidateProse, readDocx, readProse, type Format} from '@destigma/formats'

type Root = Awaited<ReturnType<typeof readProse>>
import {candidateScan, lintTree, type StigmaOptions} from 'retext-stigma'
import {root} from './helpers.js'
import {linesOf, markdownLayout} from '../packages/formats/src/markdown-layout.js'
import {condenseBlankLines} from '../packages/formats/src/condense.js'
import {sentenceSpans} from '../packages/formats/src/sentence-spans.js'

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
  // Quotations ignored, so that a quotation read from the wrong place changes the findings.
  ['custom rule, quotations ignored', {customRules: [customRule], quotes: 'ignore'}]
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
  ['nothing to find', 'markdown', '# Plain\n\nNothing here.\n\nNor here.\n'],
  // Code and HTML blocks, which the layout blanks, around and inside containers.
  ['fenced code in a list', 'markdown', '- Step one\n\n  ```js\n  const junkie = 1\n\n  // an addict\n  ```\n\n  The addict continues the item.\n- Two\n  ~~~\n  junkie\n  ~~~\nlazy line after\n\n1. Three\n   ````\n   ```\n   the homeless are\n   ````\n'],
  ['fenced code in a block quote', 'markdown', '> ```\n> junkie\n>\n> addict\n> ```\n> The addict.\n\n> ```\n> an unclosed junkie\nA junkie outside.\n'],
  ['indented code', 'markdown', 'Plain.\n\n    the junkie\n\n    an addict\nThe addict.\n\n- item\n\n      junkie in item code\n\n  An addict.\n\n-     junkie on the marker line\n\n  Then an addict.\n\nPara\n    junkie continues the paragraph\n'],
  ['HTML block ends at a blank line', 'markdown', '<div>\nA junkie in HTML.\n</div>\n\nAn addict after.\n\n<div>\n\nA junkie in Markdown inside a div.\n\n</div>\n\n<Sandpack>\n\n```js\nlet junkie\n```\n\n</Sandpack>\n'],
  ['HTML block ends at its closing tag', 'markdown', '<script>\n\nvar junkie\n\n</script>\nThe addict right after.\n\n<style>p { junkie: 1 }</style>\nAn addict.\n\n<pre>\n\naddict\n</PRE> trailing junkie\nplain\n\n<textarea\njunkie\n</textarea>\n'],
  ['HTML comments, instructions, declarations, CDATA', 'markdown', '<!--\n\njunkie\n\n-->\nAn addict.\n\n<!-- destigma-disable-next-line -->\nThe junkie.\n\n<!-->\nThe addict.\n\n<?php\n\njunkie\n\n?>\nAn addict.\n\n<!DOCTYPE junkie\n\n>\nAn addict.\n\n<![CDATA[\njunkie\n\n]]>\nAn addict.\n'],
  ['a tag that cannot interrupt a paragraph', 'markdown', 'The addict\n<Note>\njunkie\n\nText\n<div>\njunkie\n\n<a href=x/y>\njunkie\n\n<a b=c=d>\njunkie\n\n<span class="x" title=\'junkie\'>\njunkie\n'],
  ['img alt in an HTML block and inline', 'markdown', '<div>\n<img alt="the junkie">\n</div>\n\nText <img alt="an addict"> inline.\n\n<img alt="the junkie" src=x>\n\n<p>An addict in a p.</p>\n'],
  ['lazy lines', 'markdown', '> The\nhomeless are here\n\n- an item\nlazy junkie\n\n> quote\n```\njunkie\n```\n\n> para\n<div>\njunkie\n\n> para\n    indented lazy junkie\n\n- a\n---\nThe addict.\n'],
  ['tables next to code', 'markdown', '| a | b |\n| - | - |\n| junkie | x |\n```\ncode addict\n```\n\n| a |\n| - |\n<div>\njunkie\n'],
  ['tabs', 'markdown', '-\tjunkie\n\n\t```\n\taddict\n\t```\n\n>\t```\n>\tjunkie\n\n\tcode junkie\n'],
  ['runs of blank lines', 'markdown', `Plain.\n\n\n\n\n   \n\nThe junkie.\n\n\n\n\`\`\`\ncode\n\n\n\n\`\`\`\n\n\nAn addict.\n   \n\n\n<!-- destigma-disable-next-line -->\nThe junkie again.\n\n${'    indented code, junkie\n'.repeat(40)}\n\`\`\`\n${'let addict = 1\n'.repeat(40)}\`\`\`\n\nThe\n\nhomeless are, at the end, a junkie.\n`],
  ['crlf with code and HTML', 'markdown', 'Plain.\r\n\r\n```\r\njunkie\r\n```\r\n\r\n<div>\r\njunkie\r\n</div>\r\n\r\nThe junkie.\r\n\r\n\r\n\r\nAn addict.\r\n'],
  ['front matter with code', 'markdown', '---\ntitle: The junkie\n---\n\n```\naddict\n```\n\nAn addict.\n'],
  ['text with runs of blank lines', 'text', 'Plain.\n\n\n\nThe junkie.\n   \n\n\nThe\n\n\nhomeless are here.\n\n\n'],
  // Sentences blanked inside a kept block of plain text.
  ['sentences around a term', 'text', 'Plain opening here. Another plain one! The junkie left. Plain middle here? Plain closing here.\n'],
  ['a quotation opened in a sentence without a term', 'text', 'Plain start here. \u201CNothing to see here. They are junkies.\u201D Plain end.\n\n"Plain and open here. Still quoted, addicts." Then addicts outside.\n\n\'Plain single here. The junkies,\' she said.\n\nThe council&rsquo;s plan here. The addicts wait.\n'],
  ['a quotation across wrapped lines', 'text', 'The addicts came first.\nA whole plain line here.\nThen \u201Cquoted and plain\nwhole line here.\nStill quoted addicts\u201D again.\n\nPlain words before.\nPlain line alone.\nThe junkie here.\n'],
  ['abbreviations that do not end a sentence', 'text', 'Call us on Jan. The addicts wait here. Two tbsp. Then the junkie. Acme Ltd. The homeless are here. Use 3 lbs. Homeless are.\n'],
  ['a quotation opened on a later line', 'text', 'The addicts came.\nPlain \u201Copen here. Then addicts\u201D end.\n\nThe junkie said \u201COpen now. Plain words\nwrapped here. Then addicts\u201D end.\n\nThe junkie said \u201COpen now. Plain words here.\nThen addicts\u201D end.\n'],
  ['a term that reads its paragraph', 'text', 'She used heroin for years. The weather was plain today. Then she relapsed.\n\nHe had knee surgery here. Nothing else happened there. Then he went to rehab.\n\nPlain sentence here. Then she relapsed.\n'],
  ['a term across sentences', 'text', 'Plain one with the. Homeless are here. Plain again.\n']
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

  it('in plain text, parses only the sentences that may match, unless a term reads its paragraph', async () => {
    const scan = candidateScan({})
    if (!scan) throw new Error('the built-in rules should be anchorable')
    type Node = {type: string; value?: string; children?: Node[]}
    const wordsOf = (node: Node): string[] =>
      node.type === 'WordNode' ? [(node.children ?? []).map((child) => child.value ?? '').join('')] : (node.children ?? []).flatMap(wordsOf)
    const wordsRead = async (text: string): Promise<string[]> => [...((await readCandidateProse(text, 'text', scan)) ?? [])].flatMap((part) => wordsOf(part as Node))
    expect(await wordsRead('Plain one here. The junkie left. Plain two here.\n')).toEqual(['The', 'junkie', 'left'])
    // Under `strict`, `relapsed` needs a drug word anywhere in its paragraph.
    const strict = candidateScan({preset: 'strict'})
    const reads = (text: string, of = strict): boolean | undefined => of?.index(text).readsParagraph(0, text.length)
    expect(reads('Then she relapsed.')).toBe(true)
    expect(reads('The junkie left.')).toBe(false)
    expect(reads('Then she relapsed.', scan)).toBe(false)
    // Ranges of one indexed text: only the words inside the range count.
    const indexed = scan.index('The junkie left. Plain here. The homeless are cold.')
    expect([indexed.mayMatch(0, 16), indexed.mayMatch(17, 28), indexed.mayMatch(29, 51), indexed.mayMatch(13, 33)]).toEqual([true, false, true, false])
    // A term needs all its words inside the range (`committed` and `suicide` apart do not match),
    // except an article that opens it, which a headline may drop (`Homeless Are Moved On`).
    expect(scan.index('They committed. Suicide rates rose.').mayMatch(16, 35)).toBe(false)
    expect(scan.index('They committed suicide.').mayMatch(0, 23)).toBe(true)
    expect(scan.index('Convict Escapes From Open Prison').mayMatch(0, 32)).toBe(true)
    const paragraph = 'She used heroin here. Then she relapsed.\n'
    expect(strict && [...((await readCandidateProse(paragraph, 'text', strict)) ?? [])].flatMap((part) => wordsOf(part as Node))).toHaveLength(7)
    // A sentence that may open a quotation is read, and so is one across a line break after a kept one.
    expect(await wordsRead('\u201CPlain here. The junkie left.\u201D\n')).toHaveLength(5)
    expect(await wordsRead('The junkie left. Plain words\nwrapped here.\n')).toHaveLength(7)
  })

  it('a term only in code or HTML blocks: no parse at all', async () => {
    const scan = candidateScan({})
    if (!scan) throw new Error('the built-in rules should be anchorable')
    const text = '# Plain\n\n```\nconst junkie = true\n```\n\n<div>\nan addict\n</div>\n\n    the junkie\n\nNothing to find.\n'
    expect(await readCandidateProse(text, 'markdown', scan)).toBeUndefined()
    expect(await findings(text, 'markdown', {}, false)).toBe(await findings(text, 'markdown', {}, true))
  })
})

/** Seeded runs of words, abbreviations, numbers, initials and marks, ending in every way a sentence can. */
function generatedSentences(): string {
  const words = 'the plain word here then jan tbsp ltd inc etc ibid viz approx vs sat sun mar min dept no yes fig vol e.g i.e U.S. Dr Mr St Jan Ltd A I 2015 3rd x'.split(' ')
  const ends = ['. ', '! ', '? ', '." ', '.) ', '... ', '.\n', ' ', ', ', '; ']
  let seed = 7
  const pick = <T>(list: T[]): T => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    // The high bits: a power-of-two modulus leaves the low ones with short cycles.
    return list[Math.floor(seed / 65_536) % list.length] as T
  }
  let text = ''
  for (let index = 0; index < 10_000; index++) {
    const word = pick(words)
    text += (pick([true, false, false]) ? word.charAt(0).toUpperCase() + word.slice(1) : word) + pick(ends)
  }
  return text
}

describe('sentence spans: cut only where the English parser ends a sentence', () => {
  const texts = [
    ...tricky.filter(([, format]) => format === 'text').map(([, , text]) => text),
    // Every document read as plain text: the cut rule sees only letters, marks and spaces.
    ...[...documents(join(root, 'fixtures')), ...documents(join(root, 'test/corpus')), ...documents(join(root, 'docs'))].map(([, text]) => text),
    generatedSentences()
  ]

  it('every cut starts a sentence of the parse', async () => {
    let cuts = 0
    for (const text of texts) {
      for (const block of text.split(/\n[ \t]*\n/)) {
        const starts = new Set<number>()
        const visit = (node: {type: string; position?: {start: {offset?: number}}; children?: unknown[]}): void => {
          if (node.type === 'SentenceNode') starts.add(node.position?.start.offset ?? -1)
          for (const child of node.children ?? []) visit(child as typeof node)
        }
        const paragraphs = new Set<number>()
        const tree = (await readProse(block, 'text')) as Parameters<typeof visit>[0]
        visit(tree)
        for (const child of tree.children ?? []) {
          const node = child as Parameters<typeof visit>[0]
          if (node.type === 'ParagraphNode') paragraphs.add(node.position?.start.offset ?? -1)
        }
        const spans = sentenceSpans(block)
        for (const [index, [start]] of spans.entries()) {
          if (index === 0) continue
          const where = `${JSON.stringify(block.slice(start, start + 40))} in ${JSON.stringify(block.slice(0, 60))}`
          expect(starts.has(start), where).toBe(true)
          // The prefilter counts on this: a sentence after a line break starts a paragraph.
          if (block.slice(spans[index - 1]?.[1], start).includes('\n')) expect(paragraphs.has(start), where).toBe(true)
          cuts++
        }
      }
    }
    // The corpus is mostly prose: most of its sentence ends are cut.
    expect(cuts).toBeGreaterThan(300)
  })

  it('does not cut after abbreviations, digits, quotation marks or short words', () => {
    const cutsOf = (text: string): string[] => sentenceSpans(text).map(([start, end]) => text.slice(start, end))
    expect(cutsOf('Plain one. Two here! Three?  Four.')).toEqual(['Plain one.', 'Two here!', 'Three?  Four.'])
    expect(cutsOf('On Jan. The end. In 2015. Then she said "yes." Then Dr. No. Acme Ltd. Next one. Alpha b.c. D')).toEqual(['On Jan. The end.', 'In 2015. Then she said "yes." Then Dr. No. Acme Ltd. Next one.', 'Alpha b.c. D'])
    expect(cutsOf('the end. then lower. The next one.\nWrapped here.')).toEqual(['the end. then lower.', 'The next one.', 'Wrapped here.'])
  })
})

/** Remark as the Markdown reader sets it up, loaded from the readers' own dependencies. */
async function markdownParser(): Promise<(text: string) => {type: string; children?: unknown[]}> {
  const load = async (name: string) => ((await import(pathToFileURL(join(root, 'packages/formats/node_modules', name, 'index.js')).href)) as {default: unknown}).default
  const {unified} = await import('unified')
  const plugins = await Promise.all(['remark-parse', 'remark-frontmatter', 'remark-gfm'].map(load))
  // The plugins are loaded by path, so untyped: the chain is described as far as it is used.
  type Chain = {use(plugin: unknown): Chain; parse(text: string): unknown}
  const processor = plugins.reduce<Chain>((chain, plugin) => chain.use(plugin), unified() as unknown as Chain)
  return (text) => processor.parse(text) as {type: string; children?: unknown[]}
}

const layoutOf = (text: string): ReturnType<typeof markdownLayout> => markdownLayout(...linesOf(text))

describe('markdown layout: what is blanked for structure', () => {
  const markdown = [
    ...tricky.filter(([, format]) => format === 'markdown').map(([label, , text]) => [label, text] as [string, string]),
    ...[...documents(join(root, 'fixtures')), ...documents(join(root, 'test/corpus'))].filter(([name]) => formatFromName(name) === 'markdown')
  ]

  it.each(markdown)('lies in code or HTML as micromark reads %s', async (_label, text) => {
    const parse = await markdownParser()
    const ranges: Array<[number, number]> = []
    const visit = (node: {type: string; position?: {start: {offset?: number}; end: {offset?: number}}; children?: unknown[]}): void => {
      if ((node.type === 'code' || node.type === 'html') && node.position) ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0])
      for (const child of node.children ?? []) visit(child as typeof node)
    }
    visit(parse(text) as Parameters<typeof visit>[0])
    for (const [start, end] of layoutOf(text)?.blank ?? []) {
      const piece = text.slice(start, end)
      if (piece.trim() === '') continue
      const from = start + piece.length - piece.trimStart().length
      const to = end - (piece.length - piece.trimEnd().length)
      expect(ranges.some(([low, high]) => low <= from && to <= high), `${JSON.stringify(piece)} at ${start}`).toBe(true)
    }
  })

  it('knows the layout of each block kind, and blanks code and HTML but not comments', () => {
    const blanked = (text: string): string[] => (layoutOf(text)?.blank ?? []).map(([start, end]) => text.slice(start, end).trim()).filter(Boolean)
    expect(blanked('- a\n\n  ```\n  junkie\n  ```\n')).toEqual(['junkie'])
    expect(blanked('> ```\n> junkie\n> ```\n')).toEqual(['junkie'])
    expect(blanked('Text.\n\n    junkie\n')).toEqual(['junkie'])
    // An indented line continues a paragraph rather than start code.
    expect(blanked('Text\n    junkie\n')).toEqual([])
    expect(blanked('<div>\njunkie\n</div>\n\nText\n')).toEqual(['<div>', 'junkie', '</div>'])
    expect(blanked('<script>\n\njunkie\n\n</script>\nText\n')).toEqual(['<script>', 'junkie', '</script>'])
    expect(blanked('<?x\n\n?>\n<!X\n\n>\n')).toEqual(['<?x', '?>', '<!X', '>'])
    expect(blanked('<Note>\njunkie\n\nText\n')).toEqual(['<Note>', 'junkie'])
    // Kind 7 cannot interrupt a paragraph; an HTML block that does is kept, as is one with a comment.
    expect(blanked('Text\n<Note>\njunkie\n')).toEqual([])
    expect(blanked('Text\n<Note>\n```\njunkie\n```\n')).toEqual(['junkie'])
    expect(blanked('Text\n<div>\njunkie\n')).toEqual([])
    expect(blanked('<div>\n<!-- destigma-disable -->\n</div>\n')).toEqual([])
    expect(layoutOf('<div>\n<!-- destigma-disable -->\n</div>\n')?.pinned).toEqual(new Set([0, 1, 2]))
    // What the scan does not model leaves the layout unknown.
    expect(layoutOf('<![CDATA[\nx\n]]>\n')).toBeUndefined()
    expect(layoutOf('| a |\n| - |\n```\nx\n```\n')).toBeUndefined()
    expect(layoutOf('a\rb\n')).toBeUndefined()
  })

  it('keeps every word in place once code and HTML are blanked and blank lines cut', async () => {
    const everything = {paragraphLocal: true, mayMatch: () => true, index: () => ({mayMatch: () => true, readsParagraph: () => false})}
    type Node = {type: string; position?: unknown; value?: string; children?: Node[]}
    const words = (trees: Iterable<Root>): string[] => {
      const found: string[] = []
      const visit = (node: Node): void => {
        if (node.type === 'WordNode') found.push(JSON.stringify([node.position, (node.children ?? []).map((child) => child.value ?? '').join('')]))
        for (const child of node.children ?? []) visit(child)
      }
      for (const tree of trees) visit(tree)
      return found
    }
    for (const [label, text] of markdown) {
      expect(words((await readCandidateProse(text, 'markdown', everything)) ?? []), label).toEqual(words([await readProse(text, 'markdown')]))
    }
  })

  it('cuts runs of blank lines to one and maps places back', () => {
    const condensed = condenseBlankLines(`a\n\n${' '.repeat(40)}\n\n\nb\n\nc\n${' '.repeat(10)}\nd\n`)
    expect(condensed?.text).toBe('a\n\nb\n\nc\n\nd\n')
    expect(condensed && [condensed.at, condensed.chars, condensed.lines]).toEqual([
      [3, 9],
      [43, 53],
      [3, 3]
    ])
    // Not worth it when the runs are less than half the text.
    expect(condenseBlankLines('A paragraph long enough to outweigh the blank lines.\n\n\n\nb\n')).toBeUndefined()
  })
})
