import type {Root} from 'nlcst'
import type {Comment} from './comments.js'

/**
 * A text with each run of blank lines cut to one empty line, and the way back to the
 * original's places. Once the prefilter has blanked what it skips, most of a long document
 * is blank lines, which the parser would still walk character by character; one blank line
 * ends a paragraph, a block quote, a table or an HTML block just as several do, and list
 * items and footnotes continue across any number, so the prose is read the same.
 */
export interface Condensed {
  text: string
  /** Offsets in `text` where a cut run ended, ascending, and how many characters and lines were cut up to there. */
  at: number[]
  chars: number[]
  lines: number[]
}

const blankLine = /^[ \t]*\r?$/

/**
 * Cut each run of blank lines to one empty line; whole lines go, so columns stay as they were.
 *
 * @param text - The text, with blanked parts as spaces.
 * @returns The condensed text and its map, or undefined when no run has anything to cut.
 */
export function condenseBlankLines(text: string): Condensed | undefined {
  const condensed: Condensed = {text: '', at: [], chars: [], lines: []}
  const pieces: string[] = []
  let length = 0
  let cutChars = 0
  let cutLines = 0
  let lineStart = 0
  let run: {start: number; count: number} | undefined
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const blank = blankLine.test(text.slice(lineStart, lineEnd))
    // The last line has no line end of its own: a run there is kept as it is.
    if (blank && lineEnd < text.length) {
      if (run) run.count++
      else run = {start: lineStart, count: 1}
    } else {
      if (run && (run.count > 1 || lineStart - run.start > 1)) {
        // The run from run.start to lineStart becomes one empty line ("\n").
        cutChars += lineStart - run.start - 1
        cutLines += run.count - 1
        pieces.push('\n')
        length += 1
        condensed.at.push(length)
        condensed.chars.push(cutChars)
        condensed.lines.push(cutLines)
      } else if (run) {
        pieces.push(text.slice(run.start, lineStart))
        length += lineStart - run.start
      }
      run = undefined
      const line = text.slice(lineStart, Math.min(lineEnd + 1, text.length))
      pieces.push(line)
      length += line.length
    }
    lineStart = lineEnd + 1
  }
  if (condensed.at.length === 0) return undefined
  condensed.text = pieces.join('')
  return condensed
}

/** The cut characters and lines before an offset of the condensed text. */
function cutBefore(condensed: Condensed, offset: number): {chars: number; lines: number} {
  let low = 0
  let high = condensed.at.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if ((condensed.at[middle] as number) <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found === -1 ? {chars: 0, lines: 0} : {chars: condensed.chars[found] as number, lines: condensed.lines[found] as number}
}

/**
 * Move every position in trees read from the condensed text to its place in the original.
 *
 * @param parts - The trees.
 * @param condensed - The condensed text's map.
 * @yields Each tree, its points moved (each point object once: the parser shares them between nodes).
 */
export function* restorePositions(parts: Iterable<Root>, condensed: Condensed): Generator<Root> {
  const moved = new Set<object>()
  const move = (point: {line: number; offset?: number} | undefined): void => {
    if (!point || moved.has(point) || point.offset === undefined) return
    moved.add(point)
    const cut = cutBefore(condensed, point.offset)
    point.offset += cut.chars
    point.line += cut.lines
  }
  const visit = (node: {position?: {start: {line: number; offset?: number}; end: {line: number; offset?: number}}; children?: unknown[]}): void => {
    move(node.position?.start)
    move(node.position?.end)
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  for (const part of parts) {
    visit(part)
    yield part
  }
}

/**
 * Comments found in the condensed text, at their places in the original.
 *
 * @param comments - The comments.
 * @param condensed - The condensed text's map.
 * @returns The comments moved.
 */
export function restoreComments(comments: Comment[], condensed: Condensed): Comment[] {
  return comments.map((comment) => ({...comment, start: comment.start + cutBefore(condensed, comment.start).chars, end: comment.end + cutBefore(condensed, comment.end).chars}))
}
