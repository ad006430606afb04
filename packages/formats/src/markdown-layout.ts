import {htmlBlockEnds, htmlBlockStart, type HtmlBlockKind} from './html-block.js'

/**
 * Where a Markdown document holds code and HTML, found line by line without parsing it:
 * what the prefilter may blank because the reader takes no prose from it, and the lines it
 * must keep because blanking them would change how the rest is read.
 */
export interface MarkdownLayout {
  /** Ranges `[start, end)` of the text, each within one line, that hold no prose: fenced code between its fences, indented code, HTML blocks. */
  blank: Array<[number, number]>
  /** Lines a block-wise skip must keep: front matter, code fences, and HTML blocks left in place. */
  pinned: Set<number>
}

type Container = {type: 'quote'} | {type: 'item'; column: number; hasContent: boolean}
type Leaf =
  | {type: 'none'}
  | {type: 'paragraph'; table: boolean}
  | {type: 'fence'; marker: string; length: number}
  | {type: 'indented'}
  | {type: 'html'; kind: HtmlBlockKind; first: number; ranges: Array<[number, number]>; keep: boolean; comment: boolean}

/** The scan met something it cannot be sure micromark reads the same way. */
class Unsure extends Error {}

const tabStop = 4
/** A line that can be a GFM table's delimiter row (under a header row, it makes the paragraph a table). */
const delimiterRow = /^[ \t]*(?=[^\n]*-)(?=[^\n]*\|)[-:| \t]+$/

/**
 * A text's lines, split at `\n` (a `\r` before it stays on its line), and the offset of each.
 *
 * @param text - The text.
 * @returns The lines and their offsets, as {@link markdownLayout} takes them.
 */
export function linesOf(text: string): [string[], number[]] {
  const lines = text.split('\n')
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length + 1
  }
  return [lines, starts]
}

/**
 * Find the code and HTML blocks of a Markdown document the way CommonMark (and micromark)
 * reads its block structure: block quotes and list items as containers, with lazy
 * continuation lines, then fenced and indented code and the seven kinds of HTML block.
 *
 * A fence's own lines are kept and only the lines between are blanked (each becomes a blank
 * line of the same code block), so nothing around it changes. Indented code and HTML blocks
 * are blanked whole, and only when that cannot change what follows or precedes them: not
 * when they interrupt a paragraph or open on the line of a new list item, and not an HTML
 * block holding a comment (inline directives are comments).
 *
 * @param lines - The document's lines (split at `\n`; a `\r` before it is kept).
 * @param starts - The offset of each line.
 * @returns The layout, or undefined where the document has constructs the scan does not
 *   model (a lone `\r` line ending, CDATA, TOML front matter, lazy lines that could start a
 *   block, a block interrupting a table): then nothing may be blanked for structure.
 */
export function markdownLayout(lines: readonly string[], starts: readonly number[]): MarkdownLayout | undefined {
  try {
    return scan(lines, starts)
  } catch (error) {
    if (error instanceof Unsure) return undefined
    throw error
  }
}

function scan(lines: readonly string[], starts: readonly number[]): MarkdownLayout {
  const layout: MarkdownLayout = {blank: [], pinned: new Set()}
  const containers: Container[] = []
  let leaf: Leaf = {type: 'none'}
  let index = frontMatterEnd(lines)
  for (let line = 0; line < index; line++) layout.pinned.add(line)

  const closeLeaf = (before: number): void => {
    if (leaf.type === 'html') {
      if (leaf.keep || leaf.comment) for (let line = leaf.first; line < before; line++) layout.pinned.add(line)
      else layout.blank.push(...leaf.ranges)
    }
    leaf = {type: 'none'}
  }

  for (; index < lines.length; index++) {
    const raw = lines[index] as string
    if (raw.includes('\r') && !raw.endsWith('\r')) throw new Unsure()
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const cursor = new Cursor(text)
    // Which open containers this line continues.
    let matched = 0
    for (const container of containers) {
      if (container.type === 'quote' ? !cursor.quoteMarker() : !cursor.itemContinues(container)) break
      matched++
    }
    /** Where the line's own content starts: after the last `>` it carries (list indentation is spaces). */
    let contentFrom = cursor.afterMarkers
    const content = (): [number, number] => [(starts[index] as number) + contentFrom, (starts[index] as number) + text.length]
    const blankRest = cursor.restIsBlank()
    if (matched < containers.length) {
      if (leaf.type === 'paragraph' && !blankRest) {
        const start = blockStart(cursor, false, true)
        // A table ends at a lazy line, a paragraph does not; the rest of micromark's lazy rules are modelled.
        if (start === 'unsure' || leaf.table) throw new Unsure()
        // A lazy continuation line: the paragraph goes on inside containers this line did not continue.
        if (start === 'text') continue
      }
      closeLeaf(index)
      containers.length = matched
    } else if (leaf.type === 'fence') {
      if (cursor.closesFence(leaf.marker, leaf.length)) {
        layout.pinned.add(index)
        leaf = {type: 'none'}
      } else if (contentFrom < text.length) {
        layout.blank.push(content())
      }
      continue
    } else if (leaf.type === 'html') {
      if ((leaf.kind === 6 || leaf.kind === 7) && blankRest) closeLeaf(index)
      else {
        if (text.includes('<!--')) leaf.comment = true
        leaf.ranges.push(content())
        if (leaf.kind <= 5 && htmlBlockEnds(leaf.kind, text)) closeLeaf(index + 1)
        continue
      }
    } else if (leaf.type === 'indented') {
      if (blankRest || cursor.indent() >= tabStop) {
        if (!blankRest) layout.blank.push(content())
        continue
      }
      leaf = {type: 'none'}
    }

    // New blocks on the rest of the line.
    let opened = false
    for (;;) {
      if (cursor.restIsBlank()) {
        if (leaf.type === 'paragraph') leaf = {type: 'none'}
        break
      }
      const paragraph: Extract<Leaf, {type: 'paragraph'}> | undefined = leaf.type === 'paragraph' ? leaf : undefined
      const start = blockStart(cursor, paragraph !== undefined, false)
      if (start === 'unsure') throw new Unsure()
      // What may interrupt a GFM table is micromark's own business: not modelled.
      if (start !== 'text' && paragraph?.table) throw new Unsure()
      if (start === 'quote') {
        cursor.quoteMarker()
        containers.push({type: 'quote'})
        contentFrom = cursor.afterMarkers
        leaf = {type: 'none'}
        opened = true
        continue
      }
      if (start === 'item') {
        containers.push(cursor.itemMarker())
        contentFrom = cursor.afterMarkers
        leaf = {type: 'none'}
        opened = true
        continue
      }
      if (start === 'indented') {
        // Not blanked on the line of a new list item: the item would then open empty, and an empty item ends at a blank line.
        if (opened) leaf = {type: 'none'}
        else {
          leaf = {type: 'indented'}
          layout.blank.push(content())
        }
        break
      }
      if (start === 'text') {
        if (paragraph) paragraph.table ||= delimiterRow.test(cursor.rest())
        else leaf = {type: 'paragraph', table: false}
        break
      }
      if (start === 'other') {
        leaf = {type: 'none'}
        break
      }
      if (start.type === 'fence') {
        layout.pinned.add(index)
        leaf = {type: 'fence', marker: start.marker, length: start.length}
        break
      }
      leaf = {type: 'html', kind: start.kind, first: index, ranges: [content()], keep: opened || paragraph !== undefined, comment: text.includes('<!--')}
      if (start.ends) closeLeaf(index + 1)
      break
    }
    for (const container of containers) if (container.type === 'item' && !cursor.restIsBlank()) container.hasContent = true
  }
  closeLeaf(lines.length)
  return layout
}

type BlockStart =
  | 'text'
  | 'other'
  | 'quote'
  | 'item'
  | 'indented'
  | 'unsure'
  | {type: 'fence'; marker: string; length: number}
  | {type: 'html'; kind: HtmlBlockKind; ends: boolean}

/**
 * What the rest of a line starts. `paragraph`: a paragraph is open in the innermost container
 * (which limits what may interrupt it). `lazy`: the line did not continue every container
 * and a paragraph is open, so any answer but `text` means it is not a lazy continuation;
 * answers micromark may give differently on lazy lines are `unsure`.
 */
function blockStart(cursor: Cursor, paragraph: boolean, lazy: boolean): BlockStart {
  const indent = cursor.indent()
  const rest = cursor.rest().replace(/^[ \t]+/, '')
  if (indent >= tabStop) return paragraph || lazy ? 'text' : 'indented'
  if (rest.startsWith('>')) return 'quote'
  if (/^(?:=+|-+)[ \t]*$/.test(rest)) {
    if (paragraph) return 'other'
    if (lazy && !/^-{3,}/.test(rest.replace(/[ \t]/g, ''))) return 'unsure'
  }
  if (/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rest)) return 'other'
  const item = /^(?:[-+*]|(\d{1,9})[.)])([ \t]|$)/.exec(rest)
  if (item) {
    if (/^\S+ *\t/.test(rest)) return 'unsure'
    const empty = /^\S+[ \t]*$/.test(rest)
    if (!paragraph || (!empty && (item[1] === undefined || Number(item[1]) === 1))) return lazy && empty ? 'unsure' : 'item'
  }
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(rest)
  if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) return {type: 'fence', marker: (fence[1] as string)[0] as string, length: (fence[1] as string).length}
  if (/^#{1,6}(?:[ \t]|$)/.test(rest)) return 'other'
  if (rest.startsWith('<')) {
    const html = htmlBlockStart(rest, paragraph || lazy)
    if (html === 'uncertain') return 'unsure'
    // Kind 7 on a lazy line: micromark lets it start a block there, CommonMark does not.
    if (lazy && html === undefined && htmlBlockStart(rest, false) !== undefined) return 'unsure'
    if (html) return {type: 'html', ...html}
  }
  return 'text'
}

/** Reading one line's container prefixes, in columns (tabs to stops of 4). */
class Cursor {
  /** Index into the line. */
  private at = 0
  /** Column of `at`, and the column content is measured from (a container's content column). */
  private column = 0
  private base = 0
  /** Where the content after the last `>` or list marker read so far starts. */
  afterMarkers = 0
  constructor(private readonly text: string) {}

  /** Columns of spaces and tabs from `at`, past the base column. */
  indent(): number {
    let column = this.column
    for (let at = this.at; at < this.text.length; at++) {
      const char = this.text[at]
      if (char === ' ') column++
      else if (char === '\t') column += tabStop - (column % tabStop)
      else break
    }
    return column - this.base
  }

  rest(): string {
    return this.text.slice(this.at)
  }

  restIsBlank(): boolean {
    return /^[ \t]*$/.test(this.rest())
  }

  /** Step over leading spaces and tabs to the first other character. */
  private skipSpace(): void {
    while (this.at < this.text.length) {
      const char = this.text[this.at]
      if (char === ' ') this.column++
      else if (char === '\t') this.column += tabStop - (this.column % tabStop)
      else break
      this.at++
    }
  }

  /** Read a `>` (after at most three columns of indentation) and the space after it. */
  quoteMarker(): boolean {
    if (this.indent() >= tabStop || !this.rest().replace(/^[ \t]+/, '').startsWith('>')) return false
    this.skipSpace()
    this.at++
    this.column++
    const next = this.text[this.at]
    if (next === ' ') {
      this.at++
      this.column++
    } else if (next === '\t') throw new Unsure()
    this.base = this.column
    this.afterMarkers = this.at
    return true
  }

  /** Whether the line continues a list item: blank (once the item has content) or indented to its content column. */
  itemContinues(item: Extract<Container, {type: 'item'}>): boolean {
    if (this.restIsBlank()) return item.hasContent
    const indent = this.indent()
    if (this.base + indent < item.column) return false
    // Step over exactly the item's indentation; a tab that straddles it is read as its columns.
    while (this.column < item.column) {
      const char = this.text[this.at]
      if (char === '\t' && this.column + tabStop - (this.column % tabStop) > item.column) throw new Unsure()
      this.column += char === '\t' ? tabStop - (this.column % tabStop) : 1
      this.at++
    }
    this.base = this.column
    return true
  }

  /** Read a list marker known to be there; the item's content column follows CommonMark's rule. */
  itemMarker(): Extract<Container, {type: 'item'}> {
    this.skipSpace()
    const marker = /^(?:[-+*]|\d{1,9}[.)])/.exec(this.rest())?.[0] ?? ''
    this.at += marker.length
    this.column += marker.length
    const end = this.column
    const spaces = this.indent() + this.base - end
    const blank = this.restIsBlank()
    // One to four spaces set the content column; five or more start indented code one column on.
    const width = blank || spaces > tabStop ? 1 : spaces
    for (let step = 0; step < width; step++) {
      this.at++
      this.column++
    }
    this.base = this.column
    this.afterMarkers = this.at
    return {type: 'item', column: this.column, hasContent: false}
  }

  /** Whether the rest is a closing fence of at least `length` of `marker`, indented at most three columns. */
  closesFence(marker: string, length: number): boolean {
    if (this.indent() >= tabStop) return false
    const fence = /^(`{3,}|~{3,})[ \t]*$/.exec(this.rest().replace(/^[ \t]+/, ''))
    return fence?.[1]?.[0] === marker && fence[1].length >= length
  }
}

/** The index of the first line after YAML front matter (0 when there is none). */
function frontMatterEnd(lines: readonly string[]): number {
  const first = (lines[0] ?? '').replace(/\r$/, '')
  if (/^(?:\+\+\+|---[ \t]+)$/.test(first)) throw new Unsure()
  if (first !== '---') return 0
  for (let index = 1; index < lines.length; index++) {
    const line = (lines[index] as string).replace(/\r$/, '')
    if (line === '---') return index + 1
    if (/^(?:\.\.\.|---)[ \t]*$/.test(line)) throw new Unsure()
  }
  // Unclosed: micromark reads it as Markdown; model none of it.
  throw new Unsure()
}
