import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {cli, jsonOf, workspace, type JsonMessage} from './helpers.js'

/** `[actual, line, column]` of each message, to compare places at a glance. */
const places = (messages: JsonMessage[]): Array<[string, number, number]> => messages.map((message) => [message.actual, message.line, message.column])

/** Each message's `actual` must be exactly the source text at its offsets. */
function expectOffsetsMatchSource(text: string, messages: JsonMessage[]): void {
  for (const message of messages) expect(text.slice(message.offset, message.endOffset)).toBe(message.actual)
}

describe('formats', () => {
  it('plain text: every word is prose, with 1-based lines and columns and 0-based offsets', () => {
    const text = 'First line.\nTwo addicts and the homeless.\n'
    const folder = workspace({'a.txt': text})
    const [file] = jsonOf(cli(['--format', 'json', 'a.txt'], {cwd: folder}))
    expect(places(file?.messages ?? [])).toEqual([
      ['addicts', 2, 5],
      ['the homeless', 2, 17]
    ])
    expectOffsetsMatchSource(text, file?.messages ?? [])
  })

  it('Markdown: a finding in every kind of block, nothing in code, URLs, HTML or other front matter', () => {
    const text = [
      '---',
      'title: Help for addicts',
      'description: "Support for the homeless"',
      'slug: addict-support',
      'tags: [addict]',
      '---',
      '',
      '# Addicts in the news',
      '',
      'A paragraph about an addict.',
      '',
      '- A list item about addicts',
      '  that wraps onto a line with an addict.',
      '',
      '> A quotation block about the homeless,',
      '> and one more addict.',
      '',
      '| Name | Note |',
      '| ---- | ---- |',
      '| one  | an addict here |',
      '',
      '![an addict on a bench](photo.png) and [a page on addicts](https://example.org/addict).',
      '',
      '```',
      'addict = true',
      '```',
      '',
      '    indented code about an addict',
      '',
      'Inline `addict` code, <https://example.org/addicts>, https://example.org/addict and <span title="addict">x</span>.',
      '',
      '<!-- a comment about an addict -->',
      '',
      'Escaped \\*addict\\* and &amp; an addict after an entity.',
      ''
    ].join('\n')
    const folder = workspace({'doc.md': text})
    const [file] = jsonOf(cli(['--format', 'json', '--rule', 'the-homeless=warning', 'doc.md'], {cwd: folder}))
    const messages = file?.messages ?? []
    expect(places(messages)).toEqual([
      ['addicts', 2, 17], // front matter title
      ['the homeless', 3, 27], // front matter description
      ['Addicts', 8, 3], // heading
      ['addict', 10, 22], // paragraph
      ['addicts', 12, 21], // list item
      ['addict', 13, 34], // list item, continuation line
      ['the homeless', 15, 27], // blockquote
      ['addict', 16, 16], // blockquote, continuation line
      ['addict', 20, 13], // table cell
      ['addict', 22, 6], // image alt text
      ['addicts', 22, 51], // link text
      ['addict', 34, 11], // after escapes
      ['addict', 34, 33] // after a character reference
    ])
    expectOffsetsMatchSource(text, messages)
  })

  it('a block ending in a full stop does not hide its last word when the next block starts in lower case', () => {
    const text = '- one addict.\n- another addict.\n- and more\n\nplain text: an addict.\nthen lower case.\n'
    const folder = workspace({'list.md': text, 'list.txt': text})
    const [markdown, plain] = jsonOf(cli(['--format', 'json', 'list.md', 'list.txt'], {cwd: folder}))
    expect(places(markdown?.messages ?? [])).toEqual([
      ['addict', 1, 7],
      ['addict', 2, 11],
      ['addict', 5, 16]
    ])
    expect(places(plain?.messages ?? [])).toEqual([
      ['addict', 1, 7],
      ['addict', 2, 11],
      ['addict', 5, 16]
    ])
  })

  it('MDX: text inside JSX is prose; imports, expressions and attributes are not', () => {
    const text = ['import {Note} from "./note.js"', '', '# Addicts', '', '<Note title="addict">An addict spoke.</Note>', '', '{"addict"}', '', 'Text about addicts.', ''].join('\n')
    const folder = workspace({'page.mdx': text})
    const [file] = jsonOf(cli(['--format', 'json', 'page.mdx'], {cwd: folder}))
    expect(places(file?.messages ?? [])).toEqual([
      ['Addicts', 3, 3],
      ['addict', 5, 25],
      ['addicts', 9, 12]
    ])
    expectOffsetsMatchSource(text, file?.messages ?? [])
  })

  it('MDX that does not parse is reported with its place, and exit code 2', () => {
    const folder = workspace({'broken.mdx': '# Title\n\n<Note>unclosed\n'})
    const run = cli(['--format', 'json', 'broken.mdx'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/broken\.mdx:\d+:\d+: cannot be parsed/)
    expect(jsonOf(run)).toEqual([])
  })

  it('HTML: text and img alt are prose; attributes, script, style, code and pre are not', () => {
    const text = [
      '<!doctype html>',
      '<html><head><title>Addicts</title><style>.addict { color: red }</style></head>',
      '<body>',
      '<p class="addict" title="addict">A paragraph about an addict &amp; the homeless.</p>',
      '<img src="addict.png" alt="an addict outside">',
      '<pre>addict</pre><code>addicts</code>',
      '<script>const addict = 1</script>',
      '<ul><li>Addicts in a list</li></ul>',
      '</body></html>',
      ''
    ].join('\n')
    const folder = workspace({'page.html': text})
    const [file] = jsonOf(cli(['--format', 'json', '--rule', 'the-homeless=warning', 'page.html'], {cwd: folder}))
    expect(places(file?.messages ?? [])).toEqual([
      ['Addicts', 2, 20],
      ['addict', 4, 55],
      ['the homeless', 4, 68],
      ['addict', 5, 31],
      ['Addicts', 8, 9]
    ])
    expectOffsetsMatchSource(text, file?.messages ?? [])
  })

  it('.htm is HTML too, and CRLF line endings keep positions exact', () => {
    const text = '<p>One line\r\nthen an addict\r\nand addicts &rsquo; here.</p>\r\n'
    const folder = workspace({'page.htm': text})
    const [file] = jsonOf(cli(['--format', 'json', 'page.htm'], {cwd: folder}))
    expect(places(file?.messages ?? [])).toEqual([
      ['addict', 2, 9],
      ['addicts', 3, 5]
    ])
    expectOffsetsMatchSource(text, file?.messages ?? [])
  })

  it('a word that ends in a character reference ends after it, in HTML and Markdown, and --fix keeps the reference whole', () => {
    const html = '<p>The junkies&rsquo; homes, the junkie&#8217;s car, then junkies &amp; addicts.</p>\n'
    const markdown = 'The junkies&rsquo; homes, the junkie&#8217;s car, then junkies &amp; addicts.\n'
    const folder = workspace({'page.html': html, 'page.md': markdown})
    const files = jsonOf(cli(['--format', 'json', 'page.html', 'page.md'], {cwd: folder}))
    for (const [file, text] of [[files[0], html], [files[1], markdown]] as const) {
      expect(file?.messages.map((message) => message.actual)).toEqual(['junkies&rsquo;', 'junkie&#8217;s', 'junkies', 'addicts'])
      expectOffsetsMatchSource(text, file?.messages ?? [])
    }
    cli(['--fix', 'page.html', 'page.md'], {cwd: folder})
    const fixedHtml = readFileSync(join(folder, 'page.html'), 'utf8')
    expect(fixedHtml).toContain('&amp; people with addiction')
    expect(fixedHtml).not.toMatch(/&(?![a-z#\d]+;)/)
  })

  it('.docx: paragraphs joined by blank lines; positions refer to that text', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({children: [new TextRun('Press release')]}),
            new Paragraph({children: [new TextRun('Support for '), new TextRun({text: 'addicts', bold: true}), new TextRun(' in the city.')]}),
            new Paragraph({children: [new TextRun('A second paragraph about an addict.')]})
          ]
        }
      ]
    })
    const folder = workspace({'release.docx': new Uint8Array(await Packer.toBuffer(document))})
    const run = cli(['--format', 'json', 'release.docx'], {cwd: folder})
    const [file] = jsonOf(run)
    expect(places(file?.messages ?? [])).toEqual([
      ['addicts', 3, 13],
      ['addict', 5, 29]
    ])
    expect(file?.messages[0]?.offset).toBe('Press release\n\nSupport for '.length)
  })

  it('a file that only pretends to be .docx is refused with a reason', () => {
    const folder = workspace({'fake.docx': 'An addict, in plain text.\n'})
    const run = cli(['fake.docx'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('fake.docx: is not a .docx document')
  })

  it('a file of a kind destigma does not read, named on the command line, is an error', () => {
    const folder = workspace({'notes.rtf': 'addict'})
    const run = cli(['notes.rtf'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('notes.rtf: destigma does not read this kind of file')
  })
})
