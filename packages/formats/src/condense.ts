import type {Root} from 'nlcst'
import type {Comment} from './comments.js'
import {movePoints} from './points.js'

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

/** A line end and the blank lines after it, each with its own line end (a last line without one is left as it is). */
const blankRun = /\n(?:[ \t]*\r?\n)+/g

/**
 * Cut each run of blank lines to one empty line; whole lines go, so columns stay as they were.
 * Only worth it when the runs are most of the text: moving positions back costs a walk over
 * every node read, which is more than the parser spends on a few blank lines.
 *
 * @param text - The text, with blanked parts as spaces.
 * @returns The condensed text and its map, or undefined when the runs are less than half the text.
 */
export function condenseBlankLines(text: string): Condensed | undefined {
  const runs = [...text.matchAll(blankRun)].filter((run) => run[0].length > 2)
  if (runs.reduce((sum, run) => sum + run[0].length - 2, 0) * 2 < text.length) return undefined
  const condensed: Condensed = {text: '', at: [], chars: [], lines: []}
  const pieces: string[] = []
  let cursor = 0
  let cutChars = 0
  let cutLines = 0
  for (const run of runs) {
    // The line end before the run, then one empty line.
    pieces.push(text.slice(cursor, run.index), '\n\n')
    cutChars += run[0].length - 2
    cutLines += run[0].split('\n').length - 3
    cursor = run.index + run[0].length
    condensed.at.push(cursor - cutChars)
    condensed.chars.push(cutChars)
    condensed.lines.push(cutLines)
  }
  pieces.push(text.slice(cursor))
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
  for (const part of parts) {
    movePoints(
      part,
      (point) => {
        const cut = cutBefore(condensed, point.offset)
        point.offset += cut.chars
        point.line += cut.lines
      },
      moved
    )
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
