import {applyEdits, mergeFixes, openDocx, originalRange} from '@destigma/formats'
import {strFromU8, strToU8, unzipSync, zipSync} from 'fflate'
import {describe, expect, it} from 'vitest'

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** A minimal package around a body, built by hand so each case shows the XML it reads. */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${body}</w:body></w:document>`
    ),
    ...Object.fromEntries(Object.entries(extra).map(([name, content]) => [name, strToU8(content)]))
  })
}

const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array)
const span = (text: string, words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length]

describe('the .docx reader', () => {
  it('reads a document as accepted: deletions skipped, insertions read and marked as someone else’s', async () => {
    const document = await openDocx(
      docx(
        `<w:p><w:r><w:t xml:space="preserve">Help for </w:t></w:r><w:del w:id="1" w:author="Ann"><w:r><w:delText>all </w:delText></w:r></w:del><w:ins w:id="2" w:author="Ann"><w:r><w:t xml:space="preserve">local </w:t></w:r></w:ins><w:r><w:t>addicts.</w:t></w:r></w:p>`
      )
    )
    expect(document.text).toBe('Help for local addicts.')
    expect(document.editBlocker(span(document.text, 'addicts'))).toBeUndefined()
    expect(document.editBlocker(span(document.text, 'local'))).toBe('the text is inside a tracked change by Ann; accept or reject that change, then run destigma again')
  })

  it('reads a text box once (not its fallback copy), after the paragraph that anchors it', async () => {
    const box = (inner: string) => `<w:txbxContent><w:p><w:r><w:t>${inner}</w:t></w:r></w:p></w:txbxContent>`
    const document = await openDocx(
      docx(
        `<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('Boxed addicts.')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>${box('Boxed addicts.')}</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after.</w:t></w:r></w:p><w:p><w:r><w:t>Next.</w:t></w:r></w:p>`
      )
    )
    expect(document.text).toBe('Before after.\n\nBoxed addicts.\n\nNext.')
    const copy = documentXml(document.redline({edits: [{range: span(document.text, 'addicts'), text: 'people with addiction'}], comments: []}))
    expect(copy.match(/people with addiction/g)).toHaveLength(1)
    expect(copy).toMatch(/<mc:Choice Requires="wps">.*<w:delText xml:space="preserve">addicts<\/w:delText>.*<\/mc:Choice>/)
  })

  it('splits a run at a span’s bounds, keeping its properties and attributes on both sides', async () => {
    const document = await openDocx(docx(`<w:p><w:r w:rsidR="00A1"><w:rPr><w:i/></w:rPr><w:t>Two addicts spoke.</w:t></w:r></w:p>`))
    const copy = documentXml(
      document.redline({edits: [{range: span(document.text, 'addicts'), text: 'people with addiction'}], comments: [], date: new Date('2026-12-01T10:00:00.123Z')})
    )
    expect(copy).toContain(
      '<w:r w:rsidR="00A1"><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Two </w:t></w:r>' +
        '<w:del w:id="1" w:author="destigma" w:date="2026-12-01T10:00:00Z"><w:r w:rsidR="00A1"><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">addicts</w:delText></w:r></w:del>' +
        '<w:ins w:id="2" w:author="destigma" w:date="2026-12-01T10:00:00Z"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">people with addiction</w:t></w:r></w:ins>' +
        '<w:r w:rsidR="00A1"><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> spoke.</w:t></w:r>'
    )
  })

  it('keeps what a run holds beyond the span (a footnote mark) out of the deletion', async () => {
    const document = await openDocx(docx(`<w:p><w:r><w:t>Two addicts</w:t><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`))
    const copy = documentXml(document.redline({edits: [{range: span(document.text, 'addicts'), text: 'people with addiction'}], comments: [], date: new Date('2026-12-01T10:00:00Z')}))
    expect(copy).toContain(
      '<w:del w:id="3" w:author="destigma" w:date="2026-12-01T10:00:00Z"><w:r><w:delText xml:space="preserve">addicts</w:delText></w:r></w:del>' +
        '<w:ins w:id="4" w:author="destigma" w:date="2026-12-01T10:00:00Z"><w:r><w:t xml:space="preserve">people with addiction</w:t></w:r></w:ins><w:r><w:footnoteReference w:id="2"/></w:r>'
    )
  })

  it('refuses to track a change across a tab or paragraphs, and starts new ids above the document’s own', async () => {
    const document = await openDocx(docx(`<w:p><w:bookmarkStart w:id="41" w:name="x"/><w:r><w:t>An</w:t><w:tab/><w:t>addict.</w:t></w:r></w:p><w:p><w:r><w:t>More.</w:t></w:r></w:p>`))
    expect(document.text).toBe('An\taddict.\n\nMore.')
    expect(document.editBlocker([0, 9])).toBe('the text spans a tab or a line break')
    expect(document.editBlocker([3, 15])).toBe('the text runs across paragraphs')
    const copy = documentXml(document.redline({edits: [{range: span(document.text, 'addict'), text: 'person with addiction'}], comments: []}))
    expect(copy).toContain('<w:del w:id="42"')
    expect(copy).toContain('<w:ins w:id="43"')
  })

  it('takes a comment into a new comments part, registered in the content types and relationships', async () => {
    const document = await openDocx(docx(`<w:p><w:r><w:t>He fell off the wagon.</w:t></w:r></w:p>`))
    const copy = unzipSync(document.redline({edits: [], comments: [{range: span(document.text, 'fell off the wagon'), lines: ['First line', 'Second line']}]}))
    expect(strFromU8(copy['word/comments.xml'] as Uint8Array)).toContain('<w:comment w:id="1" w:author="destigma"')
    expect(strFromU8(copy['[Content_Types].xml'] as Uint8Array)).toContain('PartName="/word/comments.xml"')
    expect(strFromU8(copy['word/_rels/document.xml.rels'] as Uint8Array)).toContain('Target="comments.xml"')
    expect(strFromU8(copy['word/document.xml'] as Uint8Array)).toContain(
      '<w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">fell off the wagon</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
    )
    // Reading the copy again skips destigma's own comments.
    expect((await openDocx(zipSync(copy))).text).toBe('He fell off the wagon.')
  })
})

describe('edits on the original text', () => {
  it('maps a later pass’s fix back, merging it with the edit it touches', () => {
    const original = 'An addict and an addict.'
    const first = mergeFixes([], original, [{range: [3, 9], text: 'person with addiction'}])
    const current = applyEdits(original, first.edits)
    expect(current).toBe('An person with addiction and an addict.')
    // A second pass mends the article in front of the first fix (its range covers the fix), and fixes the second word.
    const second = mergeFixes(first.edits, current, [
      {range: [0, 24], text: 'A person with addiction'},
      {range: [32, 38], text: 'person with addiction'}
    ])
    expect(second.edits).toEqual([
      {range: [0, 9], text: 'A person with addiction'},
      {range: [17, 23], text: 'person with addiction'}
    ])
    expect(applyEdits(original, second.edits)).toBe('A person with addiction and an person with addiction.')
    expect(originalRange(second.edits, [24, 27])).toEqual([10, 13])
    expect(originalRange(second.edits, [2, 8])).toBeUndefined()
  })
})
