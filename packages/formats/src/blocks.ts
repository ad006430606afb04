import {htmlBlockEnds, htmlBlockStart, type HtmlBlockStart} from './html-block.js'

/** A top-level block: a run of lines that a reader parses the same way alone as in its document. */
export interface Block {
  /** Offset of the block's first character. */
  start: number
  /** Offset just past its last character (its final line break excluded). */
  end: number
}

/** Where Markdown's top-level blocks are, and what every block needs to parse as in its document. */
export interface MarkdownLayout {
  blocks: Block[]
  /**
   * Lines that define link references or footnotes, separated by blank lines ('' when there are none).
   * Their labels change how text elsewhere parses (`[text][label]`), so a block that may use them
   * is read with them appended.
   */
  definitions: string
}

/** A link reference or footnote definition: `[label]:` with up to three spaces of indent. */
const definitionStart = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/

/** A line of the document with its offsets; its text (without a carriage return) is read when needed. */
class Line {
  constructor(
    private readonly source: string,
    readonly start: number,
    /** Offset of the line break (or of the end of the text). */
    readonly end: number
  ) {}

  get text(): string {
    const content = this.source.slice(this.start, this.end)
    return content.endsWith('\r') ? content.slice(0, -1) : content
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    lines.push(new Line(text, start, end))
    if (newline === -1) return lines
    start = newline + 1
  }
}

const loneCarriageReturn = /\r(?!\n)/

/** An ASCII letter, or any character past ASCII (none of Markdown's markers). */
const startsWithLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line)
const startsAtMargin = (line: string): boolean => line.length > 0 && line[0] !== ' ' && line[0] !== '\t'
/** Leading spaces, up to 4 (a tab counts as 4: more than any construct's own indent). */
const indentOf = (line: string): number => (/^ {0,3}\t/.test(line) ? 4 : (/^ {0,4}/.exec(line)?.[0].length ?? 0))

/** A construct that runs across blank lines until its own closing line. */
interface OpenConstruct {
  closes: (line: string) => boolean
  /** Spaces of indent it was opened with (0 to 3): it may belong to a list item, which a line indented less would end. */
  indent: number
}

/**
 * What a line leaves open for the next one, as far as HTML blocks of kind 7 care: a paragraph
 * (which the tag would continue), nothing, or something this scan cannot tell (an indented line
 * may be code or a list item's paragraph).
 */
type Flow = 'paragraph' | 'none' | 'unknown'

function flowAfter(line: string, before: Flow): Flow {
  if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) return 'none'
  if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 'none'
  if (before === 'paragraph' && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) return 'none'
  if (/^(?: {4}|[ ]{0,3}\t)/.test(line)) return before === 'paragraph' ? 'paragraph' : 'unknown'
  // An empty list item or quote line leaves no paragraph open.
  if (/^ {0,3}(?:(?:>[ \t]*)+|[-+*][ \t]*|\d{1,9}[.)][ \t]*)$/.test(line)) return 'unknown'
  return 'paragraph'
}

/** A fence a line opens at the top level (a construct that runs across blank lines to its closing line). */
function opensFence(line: string): OpenConstruct | undefined {
  const indent = /^ {0,3}/.exec(line)?.[0].length ?? 0
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(line.slice(indent))
  if (!fence?.[1] || (fence[1][0] === '`' && fence[2]?.includes('`'))) return undefined
  const closer = new RegExp(`^ {0,3}\\${fence[1][0] as string}{${fence[1].length},}[ \\t]*$`)
  return {closes: (next) => closer.test(next), indent}
}

/** The HTML block a line opens (see html-block.ts), read after up to three spaces of indent. */
function opensHtml(line: string): {start: HtmlBlockStart | 'uncertain'; indent: number} | undefined {
  const indent = /^ {0,3}/.exec(line)?.[0].length ?? 0
  if (line[indent] !== '<') return undefined
  const start = htmlBlockStart(line.slice(indent), false)
  return start && {start, indent}
}

/**
 * Split Markdown into top-level blocks that parse alone as they do in the whole document.
 * A new block starts only at a line at the left margin after a blank line, outside front
 * matter, fenced code and multi-line HTML blocks (inside an HTML block that runs to a blank line,
 * a fence is not a fence); indented lines stay with the block above (they may continue a list
 * item). Where this scan cannot tell the structure (a construct opened with a small indent,
 * which a list item may or may not own, still open when a line at the margin comes;
 * a lone HTML tag after an indented line), the rest of the document stays one block: correct,
 * if slower.
 *
 * @param text - The Markdown source.
 * @returns Blocks in order, covering every non-blank line.
 */
export function markdownBlocks(text: string): MarkdownLayout {
  // Lines that end in a lone carriage return (old Mac files) are lines to the parser but not to this scan.
  if (loneCarriageReturn.test(text)) return wholeDocument(text)
  const lines = splitLines(text)
  const blocks: Block[] = []
  const definitions: string[] = []
  let definitionMayStart = true
  let current: Block | undefined
  let open: OpenConstruct | undefined
  let afterBlank = false
  let ambiguous = false
  let htmlToBlank = false
  let flow: Flow = 'none'
  let index = 0

  const firstLine = lines[0]
  if (firstLine && /^---[ \t]*$/.test(firstLine.text)) {
    const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line.text))
    // An opening fence that never closes leaves the parser unable to start a list inside a
    // paragraph for the rest of the document (a quirk of the front-matter extension): read it whole.
    if (close === -1) return wholeDocument(text)
    current = {start: 0, end: (lines[close] as Line).end}
    index = close + 1
  }

  for (; index < lines.length; index++) {
    const line = lines[index] as Line
    // Most lines are prose that starts with a letter: no construct, definition or blank line can
    // start that way, so skip the expressions below (this keeps a keystroke in a long document cheap).
    if (!open && !htmlToBlank && startsWithLetter(text.charCodeAt(line.start))) {
      if (afterBlank && !ambiguous) {
        if (current) blocks.push(current)
        current = {start: line.start, end: line.end}
      } else if (current) current.end = line.end
      else current = {start: line.start, end: line.end}
      afterBlank = false
      definitionMayStart = false
      flow = 'paragraph'
      continue
    }
    if (isBlank(line.text)) {
      afterBlank = true
      definitionMayStart = true
      htmlToBlank = false
      flow = 'none'
      continue
    }
    if (flow === 'none') definitionMayStart = true
    // Past a point this scan cannot read, or after an indented line that may be code or a list item's
    // paragraph, a definition may or may not be one; only the whole document can tell.
    if ((ambiguous || (flow === 'unknown' && !open && !htmlToBlank)) && definitionStart.test(line.text)) return wholeDocument(text)
    // A footnote definition may interrupt a paragraph; a link reference definition may not.
    if (!open && !htmlToBlank && (definitionMayStart || /^ {0,3}\[\^/.test(line.text)) && definitionStart.test(line.text)) {
      const next = lines[index + 1]?.text
      // Copied beside each block, a next line that may open a fence or an HTML block would run on over
      // the block itself; only the whole document can say which it is.
      if (next !== undefined && /\]:[ \t]*$/.test(line.text) && /^ {0,3}(?:`{3}|~{3}|<)/.test(next)) return wholeDocument(text)
      // A destination or title may sit on the next line.
      definitions.push(next !== undefined && (/\]:[ \t]*$/.test(line.text) || /^[ \t]*["'(]/.test(next)) ? `${line.text}\n${next}` : line.text)
    } else {
      definitionMayStart = false
    }
    // A line indented less than the construct (at the margin, or by one space under a fence opened
    // with two) ends a list item, and with it a construct the item may own.
    if (open && open.indent > 0 && indentOf(line.text) < open.indent) ambiguous = true
    const boundary = !open && !ambiguous && afterBlank && startsAtMargin(line.text)
    afterBlank = false
    if (open) {
      if (open.closes(line.text)) open = undefined
      flow = 'none'
    } else if (!ambiguous && !htmlToBlank) {
      open = opensFence(line.text)
      const html = open ? undefined : opensHtml(line.text)
      // CDATA: a construct micromark reads its own way; only the whole document can tell.
      if (html?.start === 'uncertain') return wholeDocument(text)
      if (open) flow = 'none'
      else if (html && html.start.kind <= 5) {
        // Kinds 1 to 5 run across blank lines to their end marker, which may be on this line.
        const {kind, ends} = html.start
        if (!ends) open = {closes: (next) => htmlBlockEnds(kind, next), indent: html.indent}
        flow = 'none'
      } else if (html?.start.kind === 6) htmlToBlank = true
      // Kind 7 cannot interrupt a paragraph; after an indented line, this scan cannot tell if one is open.
      else if (html?.start.kind === 7 && flow !== 'paragraph') {
        if (flow === 'unknown') ambiguous = true
        else htmlToBlank = true
      } else flow = flowAfter(line.text, flow)
    }
    if (!current || boundary) {
      if (current) blocks.push(current)
      current = {start: line.start, end: line.end}
    } else {
      current.end = line.end
    }
  }
  if (current) blocks.push(current)
  return {
    // The last line's end is its line break; drop a carriage return before it.
    blocks: blocks.map((block) => (text[block.end - 1] === '\r' ? {start: block.start, end: block.end - 1} : block)),
    definitions: definitions.join('\n\n')
  }
}

/** The whole document as one block. */
function wholeDocument(text: string): MarkdownLayout {
  const end = text.replace(/\s+$/, '').length
  return {blocks: end > 0 ? [{start: 0, end}] : [], definitions: ''}
}

/**
 * Split plain text into paragraphs: runs of non-blank lines.
 *
 * @param text - The text.
 * @returns Blocks in order.
 */
export function textBlocks(text: string): Block[] {
  if (loneCarriageReturn.test(text)) return wholeDocument(text).blocks
  const blocks: Block[] = []
  let current: Block | undefined
  for (const line of splitLines(text)) {
    if (!startsWithLetter(text.charCodeAt(line.start)) && isBlank(line.text)) {
      if (current) blocks.push(current)
      current = undefined
      continue
    }
    const end = text[line.end - 1] === '\r' ? line.end - 1 : line.end
    if (current) current.end = end
    else current = {start: line.start, end}
  }
  if (current) blocks.push(current)
  return blocks
}

/** A 32-bit FNV-1a hash of a block's length and its first and last characters: cheap, and changed by most edits. */
function hash(text: string, start: number, end: number): number {
  let value = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193)
  const head = Math.min(end, start + 32)
  for (let index = start; index < head; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193)
  for (let index = Math.max(head, end - 32); index < end; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193)
  return value >>> 0
}

/**
 * Group consecutive blocks into runs of about `average` blocks, read together to share the cost
 * of starting a parse. Where a run ends depends only on the block that ends it, so
 * an edit changes the run it falls in (and at most the next one), never the runs further away.
 *
 * @param text - The document.
 * @param blocks - Its blocks, in order.
 * @param average - Blocks per run on average (default: 4).
 * @returns Runs, each spanning from its first block's start to its last block's end.
 */
export function groupBlocks(text: string, blocks: Block[], average = 4): Block[] {
  const runs: Block[] = []
  let current: Block | undefined
  for (const block of blocks) {
    if (current) current.end = block.end
    else current = {start: block.start, end: block.end}
    if (hash(text, block.start, block.end) % average === 0) {
      runs.push(current)
      current = undefined
    }
  }
  if (current) runs.push(current)
  return runs
}
