import {childElements, type DocxPackage, type Story} from './package.js'

/** WordprocessingML's namespace (transitional), and the strict one some tools write. */
export const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const wordNamespaces = new Set([wordNamespace, 'http://purl.oclc.org/ooxml/wordprocessingml/main'])
const markupCompatibility = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/** A stretch of a paragraph's text and the XML that shows it. */
export interface Piece {
  /** Offset of its first character in the document's text. */
  start: number
  length: number
  /** `text`: a `w:t`, editable in place; `other`: a tab, a break or a hyphen element, which is not. */
  kind: 'text' | 'other'
  /** The `w:t` (or tab, break…) element. */
  node: Element
  /** The `w:r` that holds it. */
  run: Element
  /** The author of someone else's tracked insertion this text is inside. */
  trackedBy?: string
}

/** A paragraph (`w:p`), with its place in the text. */
export interface Paragraph {
  story: Story
  start: number
  end: number
  pieces: Piece[]
}

/** The document's text as it reads once every tracked change is accepted, and where each character comes from. */
export interface DocxText {
  /** The paragraphs of every story joined by blank lines: the text findings refer to. */
  text: string
  paragraphs: Paragraph[]
}

/**
 * Is this a WordprocessingML element with this local name?
 *
 * @param node - A node.
 * @param name - The local name.
 * @returns Whether it is.
 */
export function isWord(node: Node | null, name: string): boolean {
  return node?.nodeType === 1 && (node as Element).localName === name && wordNamespaces.has((node as Element).namespaceURI ?? '')
}

/** Footnotes and endnotes Word keeps for its own layout (separators), which hold no prose. */
const layoutNotes = new Set(['separator', 'continuationSeparator', 'continuationNotice'])

/**
 * Read the text of every story, as it will read once tracked changes are accepted:
 * deleted text is skipped, inserted text is read (and marked as someone else's change).
 *
 * @param docx - The opened package.
 * @returns The text and its map to the XML.
 */
export function readText(docx: DocxPackage): DocxText {
  const paragraphs: Array<{story: Story; pieces: Array<Omit<Piece, 'start'> & {text: string}>}> = []
  for (const story of docx.stories) {
    const root = docx.xml.get(story.part)?.documentElement
    if (root) collectParagraphs(root, story, paragraphs)
  }
  let offset = 0
  const placed: Paragraph[] = []
  const texts: string[] = []
  for (const paragraph of paragraphs) {
    if (placed.length > 0) offset += 2
    const start = offset
    const pieces: Piece[] = []
    let text = ''
    for (const {text: pieceText, ...piece} of paragraph.pieces) {
      pieces.push({...piece, start: offset})
      offset += piece.length
      text += pieceText
    }
    placed.push({story: paragraph.story, start, end: offset, pieces})
    texts.push(text)
  }
  return {text: texts.join('\n\n').replace(/\n+$/, ''), paragraphs: placed}
}

type RawParagraph = {story: Story; pieces: Array<Omit<Piece, 'start'> & {text: string}>}

/** Find paragraphs under a node in document order; a text box's paragraphs follow the paragraph that anchors it. */
function collectParagraphs(node: Element, story: Story, out: RawParagraph[]): void {
  for (const child of childElements(node)) {
    if (isWord(child, 'p')) readParagraph(child, story, out)
    else if (isWord(child, 'sectPr') || isWord(child, 'del') || isWord(child, 'moveFrom')) continue
    else if ((isWord(child, 'footnote') || isWord(child, 'endnote')) && layoutNotes.has(child.getAttributeNS(child.namespaceURI, 'type') ?? '')) continue
    else if (isFallback(child) || isOwnComment(child)) continue
    else collectParagraphs(child, story, out)
  }
}

function readParagraph(paragraph: Element, story: Story, out: RawParagraph[]): void {
  const raw: RawParagraph = {story, pieces: []}
  out.push(raw)
  const nested: Element[] = []
  const walk = (node: Element, trackedBy: string | undefined): void => {
    for (const child of childElements(node)) {
      if (isWord(child, 'pPr') || isWord(child, 'rPr') || isWord(child, 'del') || isWord(child, 'moveFrom') || isFallback(child)) continue
      if (isWord(child, 'ins') || isWord(child, 'moveTo')) walk(child, child.getAttributeNS(child.namespaceURI, 'author') ?? 'another author')
      else if (isWord(child, 'r')) readRun(child, trackedBy, raw, nested)
      else if (isWord(child, 'p')) nested.push(child)
      else walk(child, trackedBy)
    }
  }
  walk(paragraph, undefined)
  for (const inner of nested) readParagraph(inner, story, out)
}

function readRun(run: Element, trackedBy: string | undefined, raw: RawParagraph, nested: Element[]): void {
  const add = (node: Element, kind: Piece['kind'], text: string): void => {
    if (text.length === 0) return
    raw.pieces.push({kind, node, run, length: text.length, text, ...(trackedBy === undefined ? {} : {trackedBy})})
  }
  for (const child of childElements(run)) {
    if (isWord(child, 't')) add(child, 'text', child.textContent ?? '')
    else if (isWord(child, 'tab') || isWord(child, 'ptab')) add(child, 'other', '\t')
    else if ((isWord(child, 'br') && child.getAttributeNS(child.namespaceURI, 'type') !== 'page') || isWord(child, 'cr')) add(child, 'other', '\n')
    else if (isWord(child, 'noBreakHyphen')) add(child, 'other', '-')
    else if (!isWord(child, 'rPr')) findNestedParagraphs(child, nested)
  }
}

/** Text boxes and shapes inside a run hold paragraphs of their own. */
function findNestedParagraphs(node: Element, nested: Element[]): void {
  for (const child of childElements(node)) {
    if (isFallback(child)) continue
    if (isWord(child, 'p')) nested.push(child)
    else findNestedParagraphs(child, nested)
  }
}

/** The author destigma writes its comments as: its own comments are not prose to check again. */
export const destigmaAuthor = 'destigma'

function isOwnComment(node: Element): boolean {
  return isWord(node, 'comment') && node.getAttributeNS(node.namespaceURI, 'author') === destigmaAuthor
}

/** `mc:Fallback` repeats what `mc:Choice` holds (a text box drawn the old way): read one of them only. */
function isFallback(node: Element): boolean {
  return node.localName === 'Fallback' && node.namespaceURI === markupCompatibility
}
