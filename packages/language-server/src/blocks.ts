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
   * Lines that define link references or footnotes, joined by line breaks ('' when there are none).
   * Their labels change how text elsewhere parses (`[text][label]`), so a block that may use them
   * is read with them appended.
   */
  definitions: string
}

/** A link reference or footnote definition: `[label]:` with up to three spaces of indent. */
const definitionStart = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/

/** A line of the document with its offsets. */
interface Line {
  start: number
  /** Offset of the line break (or of the end of the text). */
  end: number
  text: string
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const content = text.slice(start, end)
    lines.push({start, end, text: content.endsWith('\r') ? content.slice(0, -1) : content})
    if (newline === -1) return lines
    start = newline + 1
  }
}

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line)
const startsAtMargin = (line: string): boolean => line.length > 0 && line[0] !== ' ' && line[0] !== '\t'

/** A construct that runs across blank lines until its own closing line. */
interface OpenConstruct {
  closes: (line: string) => boolean
  /** Opened with 1 to 3 spaces of indent, so it may belong to a list item that a margin line would end. */
  indented: boolean
}

const htmlBlockEnds: Array<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
]

/**
 * The CommonMark constructs that can hold blank lines at the top level: fenced code and the
 * HTML blocks of kinds 1 to 5. Blank lines end every other top-level construct.
 */
function opens(line: string): OpenConstruct | undefined {
  const indent = /^ {0,3}/.exec(line)?.[0].length ?? 0
  const rest = line.slice(indent)
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(rest)
  if (fence?.[1] && !(fence[1][0] === '`' && fence[2]?.includes('`'))) {
    const char = fence[1][0] as string
    const length = fence[1].length
    const closer = new RegExp(`^ {0,3}\\${char}{${length},}[ \\t]*$`)
    return {closes: (next) => closer.test(next), indented: indent > 0}
  }
  for (const [start, end] of htmlBlockEnds) {
    if (start.test(rest)) {
      // The end condition may be met on the opening line itself.
      if (end.test(rest.replace(start, ''))) return undefined
      return {closes: (next) => end.test(next), indented: indent > 0}
    }
  }
  return undefined
}

/**
 * Split Markdown into top-level blocks that parse alone as they do in the whole document.
 * A new block starts only at a line at the left margin after a blank line, outside front
 * matter, fenced code and multi-line HTML blocks; indented lines stay with the block above
 * (they may continue a list item). Where the structure is ambiguous (a construct opened
 * with a small indent, which a list item may or may not own, still open when a margin line
 * follows a blank line), the rest of the document stays one block: correct, if slower.
 *
 * @param text - The Markdown source.
 * @returns Blocks in order, covering every non-blank line.
 */
export function markdownBlocks(text: string): MarkdownLayout {
  const lines = splitLines(text)
  const blocks: Block[] = []
  const definitions: string[] = []
  let definitionMayStart = true
  let current: Block | undefined
  let open: OpenConstruct | undefined
  let afterBlank = false
  let ambiguous = false
  let index = 0

  const firstLine = lines[0]
  if (firstLine && /^---[ \t]*$/.test(firstLine.text)) {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line.text))
    if (close !== -1) {
      current = {start: 0, end: (lines[close] as Line).end}
      index = close + 1
    }
  }

  for (; index < lines.length; index++) {
    const line = lines[index] as Line
    if (isBlank(line.text)) {
      afterBlank = true
      definitionMayStart = true
      continue
    }
    if (!open && definitionMayStart && definitionStart.test(line.text)) {
      definitions.push(line.text)
      const next = lines[index + 1]?.text
      // A destination or title may sit on the next line.
      if (next !== undefined && (/\]:[ \t]*$/.test(line.text) || /^[ \t]*["'(]/.test(next))) definitions.push(next)
    } else {
      definitionMayStart = false
    }
    if (open && open.indented && afterBlank && startsAtMargin(line.text)) ambiguous = true
    const boundary = !open && !ambiguous && afterBlank && startsAtMargin(line.text)
    afterBlank = false
    if (open) {
      if (open.closes(line.text)) open = undefined
    } else if (!ambiguous) {
      open = opens(line.text)
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
    definitions: definitions.join('\n')
  }
}

/**
 * Split plain text into paragraphs: runs of non-blank lines.
 *
 * @param text - The text.
 * @returns Blocks in order.
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | undefined
  for (const line of splitLines(text)) {
    if (isBlank(line.text)) {
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
