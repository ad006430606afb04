import {copyFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execFileSync} from 'node:child_process'
import {Document, InsertedTextRun, Packer, Paragraph, TextRun} from 'docx'
import mammoth from 'mammoth'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, workspace} from '../cli/helpers.js'
import {convert, exported, requireLibreOffice, runOffice, unzip, withoutComments, wordAttribute, wordElements, xml, type OfficeJob} from './office.js'

const fixture = new URL('fixtures/press-release.fodt', import.meta.url).pathname

/** Parts the fixes and comments touch in LibreOffice's press release; every other part must come back byte for byte. */
const changedParts = ['word/document.xml', 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml']

let folder: string
let started: number
const path = (name: string): string => join(folder, name)
const text = (name: string): string => exported(path(name))

/** Whether `node` is `ancestor` or inside it. */
function inside(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (at === ancestor) return true
  return false
}

/** A draft written by the `docx` package: a foreign tracked insertion holding a flagged word, and a split run. */
async function packageDraft(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({children: [new TextRun('Rates of sub'), new TextRun({text: 'stance ab', bold: true}), new TextRun('use rose this year.')]}),
          new Paragraph({
            children: [
              new TextRun('The team met '),
              new InsertedTextRun({text: 'every addict', id: 7, author: 'Carol Colleague', date: '2026-11-02T10:00:00Z'}),
              new TextRun(' in the clinic.')
            ]
          }),
          new Paragraph({children: [new TextRun('He fell off the wagon in May.')]})
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

beforeAll(async () => {
  requireLibreOffice()
  started = Date.now()
  folder = workspace({'package-draft.docx': await packageDraft()})
  copyFileSync(fixture, path('press-release.fodt'))
  convert([path('press-release.fodt')], 'docx', folder)
  for (const name of ['press-release', 'package-draft']) {
    const run = cli(['--fix', '--docx-output', `${name}-out.docx`, `${name}.docx`], {cwd: folder})
    if (run.status === 2) throw new Error(run.stderr)
  }
  const jobs: OfficeJob[] = []
  for (const name of ['press-release', 'press-release-out', 'package-draft', 'package-draft-out']) {
    withoutComments(path(`${name}.docx`), path(`${name}-plain.docx`))
    for (const changes of ['accept', 'reject'] as const) jobs.push({input: path(`${name}-plain.docx`), output: path(`${name}-${changes}.txt`), as: 'text', changes})
  }
  runOffice(jobs)
  // The output as it is, comments and all, through soffice's own converter.
  convert([path('press-release-out.docx')], 'pdf', folder)
  // The plain-text twin: LibreOffice's text of the input, one paragraph a line, with the paragraphs
  // apart as destigma reads a .docx (blank lines), so sentences end where they end in Word.
  for (const name of ['press-release', 'package-draft']) writeFileSync(path(`${name}-twin.txt`), `${text(`${name}-accept.txt`).split('\n').join('\n\n')}\n`)
})

describe('--fix --docx-output, opened again by LibreOffice', () => {
  it('accepting every change gives the text that --fix gives on the plain-text twin', () => {
    const run = cli(['--fix', 'press-release-twin.txt'], {cwd: folder})
    expect(run.status).not.toBe(2)
    const fixed = readFileSync(path('press-release-twin.txt'), 'utf8').replace(/\n+$/, '').split('\n\n').join('\n')
    expect(fixed).not.toBe(text('press-release-accept.txt'))
    expect(text('press-release-out-accept.txt')).toBe(fixed)
    expect(fixed).toContain('rates of substance use fell this year, and people experiencing homelessness were housed.')
  })

  it('rejecting every change gives the original text back', () => {
    expect(text('press-release-out-reject.txt')).toBe(text('press-release-reject.txt'))
    expect(text('package-draft-out-reject.txt')).toBe(text('package-draft-reject.txt'))
  })

  it('leaves every part it did not need to change byte for byte as it was', () => {
    const before = unzip(path('press-release.docx'))
    const after = unzip(path('press-release-out.docx'))
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    const changed = Object.keys(before).filter((name) => !Buffer.from(before[name] as Uint8Array).equals(Buffer.from(after[name] as Uint8Array)))
    expect(changed.sort()).toEqual([...changedParts].sort())
  })

  it('edits headers, footers, footnotes, endnotes, table cells, list items and hyperlinks, keeping formatting', () => {
    const parts = unzip(path('press-release-out.docx'))
    const insertions = (part: string): string[] => wordElements(xml(parts[part]), 'ins').filter((element) => wordAttribute(element, 'author') === 'destigma').map((element) => element.textContent ?? '')
    expect(insertions('word/header1.xml')).toEqual(['people with addiction'])
    expect(insertions('word/footer1.xml')).toEqual(['people experiencing homelessness'])
    expect(insertions('word/footnotes.xml')).toEqual(['person with addiction'])
    expect(insertions('word/endnotes.xml')).toEqual(['person who uses drugs'])
    const body = insertions('word/document.xml')
    expect(body).toEqual(expect.arrayContaining(['people with addiction', 'substance use', 'people experiencing homelessness', 'people who use drugs', 'People with addiction', 'died by suicide']))
    const document = xml(parts['word/document.xml'])
    // "substance abuse": "abuse" is bold, "substance " is not; the insertion takes the first character's formatting.
    const substance = wordElements(document, 'ins').find((element) => element.textContent === 'substance use') as Element
    expect(wordElements(document, 'b').some((bold) => inside(substance, bold))).toBe(false)
    const deleted = wordElements(document, 'del').filter((element) => wordAttribute(element, 'author') === 'destigma')
    const boldAbuse = deleted.find((element) => element.textContent === 'abuse') as Element
    expect(wordElements(document, 'b').some((bold) => inside(boldAbuse, bold))).toBe(true)
    // The link's text is replaced inside the link.
    const link = wordElements(document, 'hyperlink')[0] as Element
    expect(wordElements(document, 'ins').some((element) => inside(link, element) && element.textContent === 'people who use drugs')).toBe(true)
    for (const name of ['t', 'delText']) {
      for (const element of wordElements(document, name)) if (/^\s|\s$/.test(element.textContent ?? '')) expect(element.getAttribute('xml:space')).toBe('preserve')
    }
  })

  it('gives every tracked change and comment an id unique across the package, and the run one date', () => {
    const parts = unzip(path('press-release-out.docx'))
    const ids: string[] = []
    const dates = new Set<string>()
    for (const part of changedParts) {
      const document = xml(parts[part])
      for (const name of ['ins', 'del', 'comment']) {
        for (const element of wordElements(document, name)) {
          ids.push(`${name === 'comment' ? 'c' : 'r'}${wordAttribute(element, 'id')}`)
          if (wordAttribute(element, 'author') === 'destigma') dates.add(wordAttribute(element, 'date') ?? '')
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(dates.size).toBe(1)
    const [date] = [...dates]
    expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Math.abs(Date.parse(date as string) - started)).toBeLessThan(10 * 60_000)
  })

  it('comments on the flagged words it could not fix, with the message, alternatives and link', () => {
    const parts = unzip(path('press-release-out.docx'))
    const comments = wordElements(xml(parts['word/comments.xml']), 'comment')
    const ours = comments.filter((comment) => wordAttribute(comment, 'author') === 'destigma')
    expect(ours).toHaveLength(2)
    const document = xml(parts['word/document.xml'])
    const anchored = (id: string): string => {
      const start = wordElements(document, 'commentRangeStart').find((element) => wordAttribute(element, 'id') === id) as Element
      let words = ''
      for (let node: Node | null = start.nextSibling; node && !(node.nodeType === 1 && (node as Element).localName === 'commentRangeEnd'); node = node.nextSibling) words += node.textContent ?? ''
      return words
    }
    const [wagon, quoted] = ours as [Element, Element]
    expect(anchored(wordAttribute(wagon, 'id') as string)).toBe('fell off the wagon')
    expect(wagon.textContent).toContain('Alternatives: started drinking again')
    expect(wagon.textContent).toContain('https://')
    expect(anchored(wordAttribute(quoted, 'id') as string)).toBe('junkies')
    expect(quoted.textContent).toContain('quotation')
  })

  it('keeps the comments and tracked changes already in the document', () => {
    const parts = unzip(path('press-release-out.docx'))
    const comments = wordElements(xml(parts['word/comments.xml']), 'comment')
    expect(comments.some((comment) => wordAttribute(comment, 'author') === 'Bob Reviewer' && comment.textContent?.includes('Check this figure'))).toBe(true)
    const document = xml(parts['word/document.xml'])
    const byAlice = ['ins', 'del'].map((name) => wordElements(document, name).filter((element) => wordAttribute(element, 'author') === 'Alice Editor').map((element) => element.textContent))
    expect(byAlice).toEqual([['local '], ['quickly ']])
    expect(text('press-release-out-accept.txt')).toContain('The local council')
    expect(text('press-release-out-accept.txt')).not.toContain('quickly')
  })

  it('reports text inside a colleague’s tracked change but does not edit it, and says so', () => {
    const parts = unzip(path('package-draft-out.docx'))
    const document = xml(parts['word/document.xml'])
    const carol = wordElements(document, 'ins').find((element) => wordAttribute(element, 'author') === 'Carol Colleague') as Element
    expect(carol.textContent).toBe('every addict')
    expect(wordElements(document, 'del').some((element) => inside(carol, element))).toBe(false)
    const comments = wordElements(xml(parts['word/comments.xml']), 'comment').map((comment) => comment.textContent ?? '')
    expect(comments.some((comment) => comment.includes('inside a tracked change by Carol Colleague'))).toBe(true)
    // A bold word in the middle of the flagged span: one insertion, the deletions keep their runs' formatting.
    expect(text('package-draft-out-accept.txt').split('\n')[0]).toBe('Rates of substance use rose this year.')
    const substance = wordElements(document, 'ins').find((element) => element.textContent === 'substance use') as Element
    expect(wordElements(document, 'b').some((bold) => inside(substance, bold))).toBe(false)
    const deleted = wordElements(document, 'del').map((element) => [element.textContent, wordElements(document, 'b').some((bold) => inside(element, bold))])
    expect(deleted).toEqual([['sub', false], ['stance ab', true], ['use', false]])
  })

  it('shows the changes as tracked when LibreOffice renders the document', () => {
    const pdf = execFileSync('pdftotext', ['-layout', path('press-release-out.pdf'), '-'], {encoding: 'utf8'})
    // Deleted and inserted text both show: the change is tracked, not applied.
    expect(pdf).toMatch(/addicts\s*people with addiction/)
    expect(pdf).toMatch(/committed suicide\s*died by suicide/)
  })

  it('is read by mammoth without warnings', async () => {
    for (const [name, fixed] of [
      ['press-release-out.docx', 'people with addiction'],
      ['package-draft-out.docx', 'substance use']
    ]) {
      const output = readFileSync(path(name as string))
      const raw = await mammoth.extractRawText({buffer: output})
      expect(raw.messages).toEqual([])
      // mammoth reads a document as accepted: the insertions, not the deletions.
      expect(raw.value).toContain(fixed)
      // Converting to HTML, it warns only about the styles it has no HTML for, as for the input.
      const html = await mammoth.convertToHtml({buffer: output})
      const before = await mammoth.convertToHtml({buffer: readFileSync(path((name as string).replace('-out', '')))})
      expect(html.messages).toEqual(before.messages)
    }
  })

  it('never writes the input, and replaces an existing output', () => {
    const input = readFileSync(path('package-draft.docx'))
    writeFileSync(path('again.docx'), 'old content')
    const run = cli(['--fix', '--docx-output', 'again.docx', '--docx-comments', 'none', 'package-draft.docx'], {cwd: folder})
    expect(run.status).toBe(0)
    expect(readFileSync(path('package-draft.docx')).equals(input)).toBe(true)
    const parts = unzip(path('again.docx'))
    expect(parts['word/comments.xml']).toBeUndefined()
    const same = cli(['--fix', '--docx-output', './package-draft.docx', 'package-draft.docx'], {cwd: folder})
    expect(same.status).toBe(2)
    expect(same.stderr).toContain('never overwrites the document it reads')
  })

  it('--docx-comments all comments on the fixed findings too', () => {
    const run = cli(['--fix', '--docx-output', 'all.docx', '--docx-comments', 'all', 'package-draft.docx'], {cwd: folder})
    expect(run.status).toBe(0)
    const comments = wordElements(xml(unzip(path('all.docx'))['word/comments.xml']), 'comment')
    expect(comments).toHaveLength(3)
    expect(existsSync(path('all.docx'))).toBe(true)
  })
})
