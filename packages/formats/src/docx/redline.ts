import {isWord, wordNamespace, type Paragraph, type Piece} from './read.js'

/** Who makes the changes, and when: every tracked change and comment of a run shares them. */
export interface Revision {
  author: string
  /** ISO 8601 without fractions, as Word writes it (`2026-12-01T23:10:00Z`). */
  date: string
  /** Hands out ids unique across the package. */
  nextId: () => number
}

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace'

/**
 * Why a range of the text cannot become a tracked change, or undefined when it can.
 *
 * @param paragraphs - The document's paragraphs.
 * @param range - Offsets into the text.
 * @returns The reason, in words that finish "Not changed: …".
 */
export function editBlocker(paragraphs: readonly Paragraph[], range: readonly [number, number]): string | undefined {
  const paragraph = paragraphAt(paragraphs, range)
  if (!paragraph) return 'the text runs across paragraphs'
  if (paragraph.story.kind === 'comments') return 'the text is in a comment'
  const pieces = overlapping(paragraph, range)
  const foreign = pieces.find((piece) => piece.trackedBy !== undefined)
  if (foreign) return `the text is inside a tracked change by ${foreign.trackedBy}; accept or reject that change, then run destigma again`
  if (pieces.some((piece) => piece.kind !== 'text')) return 'the text spans a tab or a line break'
  if (pieces.length === 0 && !paragraph.pieces.some((piece) => piece.kind === 'text' && (piece.start + piece.length === range[0] || piece.start === range[0]))) return 'there is no text to attach it to'
  return undefined
}

/**
 * Why a comment cannot be anchored on a range, or undefined when it can.
 *
 * @param paragraphs - The document's paragraphs.
 * @param range - Offsets into the text.
 * @returns The reason.
 */
export function commentBlocker(paragraphs: readonly Paragraph[], range: readonly [number, number]): string | undefined {
  const paragraph = paragraphAt(paragraphs, range)
  if (!paragraph) return 'the text runs across paragraphs'
  if (paragraph.story.kind !== 'body') return `Word comments are anchored in the main text, and this is in a ${paragraph.story.kind === 'footnotes' ? 'footnote' : paragraph.story.kind === 'endnotes' ? 'endnote' : paragraph.story.kind}`
  if (range[0] === range[1]) return 'the range is empty'
  return undefined
}

/**
 * Replace a range with a tracked change: each run in it wrapped in `w:del` (its `w:t` become
 * `w:delText`), then one `w:ins` run with the first replaced character's formatting.
 *
 * @param paragraphs - The document's paragraphs; the pieces are updated as runs split.
 * @param range - Offsets into the text; {@link editBlocker} must allow it.
 * @param text - The new text.
 * @param revision - Author, date and ids.
 * @returns The part that changed.
 */
export function trackReplacement(paragraphs: Paragraph[], range: readonly [number, number], text: string, revision: Revision): string {
  const paragraph = paragraphAt(paragraphs, range) as Paragraph
  const [start, end] = range
  splitAt(paragraph, start)
  splitAt(paragraph, end)
  const runs = runsWithin(paragraph, range)
  const document = paragraph.pieces[0]?.run.ownerDocument as Document
  const formatting = formattingAt(paragraph, start)
  if (runs.length === 0) {
    const inserted = text.length > 0 ? insertionRun(document, formatting, text, revision) : undefined
    // A pure insertion: after the run that ends here, or before the one that starts here.
    const before = paragraph.pieces.find((piece) => piece.kind === 'text' && piece.start + piece.length === start)
    const after = paragraph.pieces.find((piece) => piece.kind === 'text' && piece.start === start)
    if (inserted && before) before.run.parentNode?.insertBefore(inserted, before.run.nextSibling)
    else if (inserted && after) after.run.parentNode?.insertBefore(inserted, after.run)
    return paragraph.story.part
  }
  const first = runs[0] as Element
  const parent = first.parentNode as Node
  let anchor: Element = first
  for (const run of runs) {
    const sameParent = run.parentNode === parent
    const deletion = revisionElement(document, 'del', revision)
    run.parentNode?.insertBefore(deletion, run)
    deletion.appendChild(run)
    for (const child of [...childElementsOf(run)]) if (isWord(child, 't')) run.replaceChild(deletedText(document, child), child)
    if (sameParent) anchor = deletion
  }
  const inserted = text.length > 0 ? insertionRun(document, formatting, text, revision) : undefined
  if (inserted) parent.insertBefore(inserted, anchor.nextSibling)
  return paragraph.story.part
}

/**
 * Anchor a comment on a range: `w:commentRangeStart` before it, `w:commentRangeEnd` and the
 * reference run after it.
 *
 * @param paragraphs - The document's paragraphs.
 * @param range - Offsets into the text; {@link commentBlocker} must allow it.
 * @param id - The comment's id.
 */
export function anchorComment(paragraphs: Paragraph[], range: readonly [number, number], id: number): void {
  const paragraph = paragraphAt(paragraphs, range) as Paragraph
  splitAt(paragraph, range[0])
  splitAt(paragraph, range[1])
  const runs = runsWithin(paragraph, range)
  const first = runs[0]
  const last = runs.at(-1)
  if (!first || !last) return
  const document = first.ownerDocument
  const marker = (name: string): Element => {
    const element = document.createElementNS(wordNamespace, `w:${name}`)
    element.setAttributeNS(wordNamespace, 'w:id', String(id))
    return element
  }
  first.parentNode?.insertBefore(marker('commentRangeStart'), first)
  const reference = document.createElementNS(wordNamespace, 'w:r')
  reference.appendChild(marker('commentReference'))
  last.parentNode?.insertBefore(reference, last.nextSibling)
  last.parentNode?.insertBefore(marker('commentRangeEnd'), last.nextSibling)
}

/** The paragraph holding the whole range, if one does. */
function paragraphAt(paragraphs: readonly Paragraph[], [start, end]: readonly [number, number]): Paragraph | undefined {
  let low = 0
  let high = paragraphs.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((paragraphs[middle] as Paragraph).start <= start) low = middle
    else high = middle - 1
  }
  const paragraph = paragraphs[low]
  return paragraph && paragraph.start <= start && end <= paragraph.end ? paragraph : undefined
}

function overlapping(paragraph: Paragraph, [start, end]: readonly [number, number]): Piece[] {
  return paragraph.pieces.filter((piece) => piece.start < end && piece.start + piece.length > start)
}

/** The runs whose text lies wholly inside the range (after {@link splitAt} at both ends, that is all of it). */
function runsWithin(paragraph: Paragraph, [start, end]: readonly [number, number]): Element[] {
  const runs: Element[] = []
  for (const piece of paragraph.pieces) {
    if (piece.start >= start && piece.start + piece.length <= end && piece.length > 0 && !runs.includes(piece.run)) runs.push(piece.run)
  }
  return runs
}

/**
 * Make a run boundary fall at an offset, splitting a `w:t` and its run when the offset is
 * inside them, so that what the run holds beyond the span (a footnote mark, a tab) stays out of it.
 */
function splitAt(paragraph: Paragraph, offset: number): void {
  const index = paragraph.pieces.findIndex((piece) => piece.start < offset && offset < piece.start + piece.length)
  if (index !== -1) {
    const piece = paragraph.pieces[index] as Piece
    const at = offset - piece.start
    const text = piece.node.textContent ?? ''
    const tail = piece.node.cloneNode(false) as Element
    setText(piece.node, text.slice(0, at))
    setText(tail, text.slice(at))
    piece.node.parentNode?.insertBefore(tail, piece.node.nextSibling)
    paragraph.pieces.splice(index + 1, 0, {...piece, start: offset, length: piece.length - at, node: tail})
    piece.length = at
  }
  const previous = paragraph.pieces.find((piece) => piece.start + piece.length === offset && piece.length > 0)
  if (previous?.node.nextSibling) splitRunBefore(paragraph, previous.run, previous.node.nextSibling)
  const next = paragraph.pieces.find((piece) => piece.start === offset && piece.length > 0)
  if (next && holdsContentBefore(next.node)) splitRunBefore(paragraph, next.run, next.node)
}

/** Whether a run holds anything but its properties before this node. */
function holdsContentBefore(node: Node): boolean {
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) if (!isWord(sibling, 'rPr')) return true
  return false
}

/** Move a node and everything after it in its run into a copy of the run (same attributes and properties). */
function splitRunBefore(paragraph: Paragraph, run: Element, from: Node): void {
  const copy = run.cloneNode(false) as Element
  const properties = childElementsOf(run).find((child) => isWord(child, 'rPr'))
  if (properties) copy.appendChild(properties.cloneNode(true))
  let moving: Node | null = from
  while (moving) {
    const next: Node | null = moving.nextSibling
    copy.appendChild(moving)
    moving = next
  }
  run.parentNode?.insertBefore(copy, run.nextSibling)
  for (const other of paragraph.pieces) if (other.run === run && other.node.parentNode === copy) other.run = copy
}

/** The run properties of the character at an offset (for an insertion, of the one before it). */
function formattingAt(paragraph: Paragraph, offset: number): Element | undefined {
  const piece =
    paragraph.pieces.find((candidate) => candidate.kind === 'text' && candidate.start <= offset && offset < candidate.start + candidate.length) ??
    paragraph.pieces.find((candidate) => candidate.kind === 'text' && candidate.start + candidate.length === offset)
  return piece ? childElementsOf(piece.run).find((child) => isWord(child, 'rPr')) : undefined
}

function insertionRun(document: Document, properties: Element | undefined, text: string, revision: Revision): Element {
  const insertion = revisionElement(document, 'ins', revision)
  const run = document.createElementNS(wordNamespace, 'w:r')
  if (properties) {
    const copy = properties.cloneNode(true) as Element
    // Someone else's tracked formatting change belongs to their text, not to ours.
    for (const child of childElementsOf(copy)) if (isWord(child, 'rPrChange')) copy.removeChild(child)
    run.appendChild(copy)
  }
  const node = document.createElementNS(wordNamespace, 'w:t')
  setText(node, text)
  run.appendChild(node)
  insertion.appendChild(run)
  return insertion
}

function revisionElement(document: Document, name: 'ins' | 'del', revision: Revision): Element {
  const element = document.createElementNS(wordNamespace, `w:${name}`)
  element.setAttributeNS(wordNamespace, 'w:id', String(revision.nextId()))
  element.setAttributeNS(wordNamespace, 'w:author', revision.author)
  element.setAttributeNS(wordNamespace, 'w:date', revision.date)
  return element
}

function deletedText(document: Document, text: Element): Element {
  const deleted = document.createElementNS(wordNamespace, 'w:delText')
  setText(deleted, text.textContent ?? '')
  return deleted
}

/** Set an element's text, with `xml:space="preserve"` so Word keeps its spaces. */
function setText(element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild)
  element.appendChild(element.ownerDocument.createTextNode(text))
  element.setAttributeNS(xmlNamespace, 'xml:space', 'preserve')
}

function childElementsOf(node: Node): Element[] {
  const found: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) found.push(child as Element)
  return found
}
