import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {applyDirectives, lintDocument, markdownBlocks, readProse, type BlockCache, type Format} from '@destigma/formats'
import fc from 'fast-check'
import {createLinter, lintTree, resolveOptions, type Linter, type StigmaOptions} from 'retext-stigma'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

/** One linter per set of options, as an editor keeps one per document configuration. */
const linters = new Map<string, Linter>()

/** The editor's way through: block by block, with a cache of the blocks' findings. */
async function lintByBlocks(text: string, format: Format, options: StigmaOptions, cache: BlockCache) {
  const key = JSON.stringify(options)
  let linter = linters.get(key)
  if (!linter) linters.set(key, (linter = createLinter(resolveOptions(options))))
  return (await lintDocument(text, format, linter, {incremental: {cache}}))?.findings
}

/** What the CLI reports for the whole document: the reference the block-wise run must equal. */
async function wholeDocument(text: string, format: Format, options: StigmaOptions = {}) {
  return (await applyDirectives(text, format, lintTree(await readProse(text, format), text, options))).findings
}

/** The whole-document findings, or undefined where the reader itself fails on the document. */
async function wholeOrFailure(text: string, format: Format) {
  try {
    return await wholeDocument(text, format)
  } catch {
    return undefined
  }
}

const terms = ['addicts', 'an addict', 'substance abuse', 'the homeless', 'committed suicide', 'junkie', 'drug abuser']
const word = fc.constantFrom('the', 'service', 'for', 'people', 'council', 'said', 'support', 'recovery', 'week', 'Addicts', '"an addict"', ...terms)
// Paragraphs that start in lower case or with a digit matter: parse-latin reads them into the paragraph before.
const firstWord = fc.constantFrom('The', 'the', 'Addicts', 'addicts', 'Junkies', 'Council', '2024', 'The homeless', 'substance abuse', '"An addict"', ')', '—')
const sentence = fc.tuple(firstWord, fc.array(word, {maxLength: 8})).map(([first, words]) => `${[first, ...words].join(' ')}.`)
const line = fc.array(sentence, {minLength: 1, maxLength: 3}).map((sentences) => sentences.join(' '))
const lines = fc.array(line, {minLength: 1, maxLength: 3})

/** Markdown constructs, including the ones that hold blank lines or reach across blocks. */
const markdownPiece = fc.oneof(
  lines.map((items) => items.join('\n')),
  line.map((text) => `# ${text}`),
  fc.tuple(line, fc.constantFrom('-', '*', '1.')).map(([text, marker]) => `${marker} ${text}\n${marker} ${text}`),
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n\n  ${b}`),
  fc.tuple(line, line).map(([a, b]) => `1. ${a}\n\n       ${b}`),
  fc.tuple(line, line, fc.constantFrom('```', '~~~', '````', ' ```')).map(([a, b, fence]) => `${fence}\n${a}\n\n${b}\n${fence.trim()}`),
  fc.tuple(line, line).map(([a, b]) => `\`\`\`md\n${a}\n\n${b}`),
  fc.tuple(line, line).map(([a, b]) => `- Item\n\n  \`\`\`\n  ${a}\n\n  ${b}\n  \`\`\``),
  fc.tuple(line, line).map(([a, b]) => `<!-- ${a}\n\n${b} -->`),
  fc.tuple(line, line).map(([a, b]) => `<pre>\n${a}\n\n${b}\n</pre>`),
  fc.tuple(line, line).map(([a, b]) => `<div>\n${a}\n\n${b}\n</div>`),
  line.map((text) => `    ${text}`),
  fc.tuple(line, line).map(([a, b]) => `> ${a}\n>\n> ${b}`),
  fc.tuple(line, line).map(([a, b]) => `> ${a}\n${b}`),
  line.map((text) => `| A | B |\n| - | - |\n| ${text} | X |`),
  fc.constantFrom('See [see][addicts] and [junkie] here.', '[addicts]: https://example.org/a', '[junkie]:\n  https://example.org/j "Title"', 'Text[^addict] here.', '[^addict]: The addicts note.'),
  fc.constantFrom('   ', '\t', '***', 'Heading\n===', 'Setext addicts\n---'),
  // One-line HTML blocks, which close before the next line: a definition or a lone tag may open there.
  fc.constantFrom('<!-- note -->\n[addicts]: https://example.org/a', '<?php x ?>\n<custom-tag>\n```', '<!DOCTYPE html>\n<pre/>\n<script>', '<b>x</b>\n<?php y ?>\n<custom-tag>'),
  fc.constantFrom('<!-- destigma-disable-next-line -->', '<!-- destigma-disable addict -->', '<!-- destigma-enable -->', '<!-- destigma-disable -->', 'The addicts. <!-- destigma-disable-next-line addict -->\nThe addicts.')
)

const markdownDocument = fc
  .tuple(
    fc.option(line.map((text) => `---\ntitle: ${text}\nauthor: addicts\n\nlayout: post\n---`), {nil: undefined}),
    fc.array(fc.tuple(markdownPiece, fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n')), {minLength: 1, maxLength: 14}),
    fc.constantFrom('\n', '\n', '\r\n', '\r')
  )
  .map(([front, pieces, eol]) => ((front ? `${front}\n` : '') + pieces.map(([piece, gap]) => piece + gap).join('')).replace(/\n/g, eol))

describe('block-wise linting gives the whole-document findings', () => {
  const fixtures = readdirSync(join(root, 'fixtures')).filter((name) => /\.(md|txt)$/.test(name))

  it.each(fixtures)('fixture %s', async (name) => {
    const text = readFileSync(join(root, 'fixtures', name), 'utf8').replace(/^\uFEFF/, '')
    const format: Format = name.endsWith('.md') ? 'markdown' : 'text'
    const whole = await wholeDocument(text, format)
    expect(await lintByBlocks(text, format, {}, new Map())).toEqual(whole)
    // And with every option that changes findings.
    const options: StigmaOptions = {preset: 'strict', locale: 'en-US', quotes: 'report'}
    expect(await lintByBlocks(text, format, options, new Map())).toEqual(await wholeDocument(text, format, options))
  })

  it('on generated Markdown documents', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (text) => {
        const whole = await wholeOrFailure(text, 'markdown')
        fc.pre(whole !== undefined)
        expect(await lintByBlocks(text, 'markdown', {}, new Map())).toEqual(whole)
      }),
      {numRuns: 300}
    )
  })

  it('on generated plain text documents', async () => {
    const textDocument = fc.array(fc.tuple(lines, fc.constantFrom('\n\n', '\n \n', '\n\n\n', '\r\n\r\n')), {minLength: 1, maxLength: 10}).map((parts) =>
      parts.map(([items, gap]) => items.join('\n') + gap).join('')
    )
    await fc.assert(
      fc.asyncProperty(textDocument, async (text) => {
        expect(await lintByBlocks(text, 'text', {}, new Map())).toEqual(await wholeDocument(text, 'text'))
      }),
      {numRuns: 200}
    )
  })

  it('after edits, with the cache of the version before, as with no cache', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom('', 'x', ' addicts', '\n\n', '```', '\n- ', 'the homeless')), {minLength: 1, maxLength: 8}), async (start, edits) => {
        const cache: BlockCache = new Map()
        let text = start
        await lintByBlocks(text, 'markdown', {}, cache)
        for (const [at, length, insert] of edits) {
          const from = at % (text.length + 1)
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + length))
          expect(await lintByBlocks(text, 'markdown', {}, cache)).toEqual(await lintByBlocks(text, 'markdown', {}, new Map()))
        }
      }),
      {numRuns: 100}
    )
  })
})

describe('Markdown blocks', () => {
  const starts = (text: string) => markdownBlocks(text).blocks.map((block) => text.slice(block.start, block.end))

  it('splits at blank lines before a line at the margin', () => {
    expect(starts('# Title\n\nOne\ntwo\n\nThree\n')).toEqual(['# Title', 'One\ntwo', 'Three'])
  })

  it('keeps fenced code, front matter, HTML blocks and indented lines with their block', () => {
    expect(starts('---\ntitle: x\n\ny: 1\n---\n\nA\n\n```\nB\n\nC\n```\n\nD\n\n<!--\n\nE -->\n\n- F\n\n  G\n')).toEqual([
      '---\ntitle: x\n\ny: 1\n---',
      'A',
      '```\nB\n\nC\n```',
      'D',
      '<!--\n\nE -->',
      '- F\n\n  G'
    ])
  })

  it('stops splitting where an indented fence may or may not have ended', () => {
    expect(starts('- a\n\n  ```\n\nB\n\nC\n')).toEqual(['- a\n\n  ```\n\nB\n\nC'])
    // One space under a fence opened with two also ends the list item, and the fence with it.
    expect(starts('- a\n\n  ```\n  b\n\n c\n\n  ```\n\n> D\n')).toEqual(['- a\n\n  ```\n  b\n\n c\n\n  ```\n\n> D'])
    expect(starts('- a\n\n  ```\n  b\n\n  c\n  ```\n\n> D\n')).toEqual(['- a\n\n  ```\n  b\n\n  c\n  ```', '> D'])
  })

  it('reads HTML blocks as html-block.ts does: one that ends on its own line leaves the next line free', () => {
    // A definition after a one-line comment is a definition, and is copied beside every block.
    expect(markdownBlocks('<!-- note -->\n[addicts]: https://example.org/a\n\nSee [addicts].').definitions).toBe('[addicts]: https://example.org/a')
    // A lone tag after a one-line block opens a block that ends at the blank line, so `<script>` inside it opens nothing.
    expect(starts('<?php x ?>\n<pre/>\n<script>\n\nThe addicts.')).toEqual(['<?php x ?>\n<pre/>\n<script>', 'The addicts.'])
    // CDATA is read its own way by micromark: the document stays whole.
    expect(starts('<![CDATA[ x ]]>\n\nThe addicts.')).toEqual(['<![CDATA[ x ]]>\n\nThe addicts.'])
  })

  it('reads the whole document when a definition\'s next line may open a fence or an HTML block', async () => {
    // Copied beside each block, `[junkie]:` and its next line would open a fence over the block.
    for (const next of ['```the addicts here.', '~~~ addicts', '<pre>addicts']) {
      const text = `Intro.\n\n[junkie]:\n${next}\n\nThe junkie left.\n`
      expect(markdownBlocks(text)).toEqual({blocks: [{start: 0, end: text.length - 1}], definitions: ''})
      const cache: BlockCache = new Map()
      await lintByBlocks(text.replace(next, 'the addicts here.'), 'markdown', {}, cache)
      expect(await lintByBlocks(text, 'markdown', {}, cache)).toEqual(await wholeDocument(text, 'markdown'))
    }
  })

  it('collects link and footnote definitions', () => {
    expect(markdownBlocks('A [b][c].\n\n[c]: /url\n\n```\n[d]: /no\n```\n\n[^e]: note\n').definitions).toBe('[c]: /url\n\n[^e]: note')
  })
})
