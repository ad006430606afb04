import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {movePoints} from './points.js'

/** A run of a parsed text value and where it sits in the source: unchanged at `start`, or a character reference from `start` to `end`. */
export interface Piece {
  value: string
  start: number
  end: number
}

const reference = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));?/

/**
 * Split a parsed text value into runs that each sit unchanged in the source, so that
 * positions counted along a run point at the right source characters.
 *
 * Parsers hand over text that differs from its source: Markdown drops container
 * prefixes (`> `, list indentation) and backslashes before escaped punctuation,
 * both formats decode character references (`&amp;`), and HTML turns CRLF into LF.
 * Converters to nlcst count offsets along the decoded value, so without this split
 * every finding after such a spot in the same text node would be misplaced.
 *
 * @param source - The whole document.
 * @param start - Offset of the text node in `source`.
 * @param end - End offset of the text node in `source`.
 * @param value - The node's parsed value.
 * @returns Runs in order; one run when value and source agree.
 */
export function alignToSource(source: string, start: number, end: number, value: string): Piece[] {
  if (source.slice(start, end) === value) return [{value, start, end}]
  const pieces: Piece[] = []
  let i = start
  let j = 0
  let pieceStart = start
  let pieceFrom = 0
  const flush = (): void => {
    if (j > pieceFrom) pieces.push({value: value.slice(pieceFrom, j), start: pieceStart, end: pieceStart + j - pieceFrom})
  }
  while (j < value.length) {
    if (i >= end) {
      // The source ran out before the value did (a decoding this does not know): keep the rest at the end.
      flush()
      pieces.push({value: value.slice(j), start: end, end})
      return pieces
    }
    if (source[i] === value[j]) {
      i++
      j++
      continue
    }
    flush()
    const decoded = source[i] === '&' ? decodeAt(source, i) : undefined
    if (decoded && value.startsWith(decoded.text, j)) {
      // The decoded text stands for the whole reference: a word ending in `&rsquo;` ends after the `;`.
      pieces.push({value: decoded.text, start: i, end: i + decoded.length})
      i += decoded.length
      j += decoded.text.length
    } else {
      i++
    }
    pieceStart = i
    pieceFrom = j
  }
  flush()
  return pieces
}

/** Decode the character reference at `index`, if there is one. */
function decodeAt(source: string, index: number): {text: string; length: number} | undefined {
  const match = reference.exec(source.slice(index, index + 40))
  if (!match) return undefined
  const [whole, decimal, hex, name] = match
  if (name !== undefined) {
    if (!whole.endsWith(';')) return undefined
    const text = decodeNamedCharacterReference(name)
    return text === false ? undefined : {text, length: whole.length}
  }
  const code = Number.parseInt((decimal ?? hex) as string, decimal === undefined ? 16 : 10)
  if (code > 0x10ffff) return undefined
  return {text: String.fromCodePoint(code), length: whole.length}
}

interface TextLike {
  type: string
  value?: string
  children?: TextLike[]
  position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}
}

type ToPoint = (offset: number) => {line: number; column: number; offset?: number} | undefined

/**
 * Replace every `text` node of an mdast or hast tree whose value differs from its source
 * by one node per {@link alignToSource} run, each with its own exact position.
 *
 * @param tree - The tree (changed in place).
 * @param source - The document it was parsed from.
 * @param toPoint - Turns an offset into a point (from vfile-location).
 * @returns The source ranges of character references whose text is shorter than they are, for
 *   {@link endReferences} once the tree is converted.
 */
export function alignTextNodes(tree: TextLike, source: string, toPoint: ToPoint): Array<[number, number]> {
  const references: Array<[number, number]> = []
  alignIn(tree, source, toPoint, references)
  return references
}

function alignIn(tree: TextLike, source: string, toPoint: ToPoint, references: Array<[number, number]>): void {
  const children = tree.children
  if (!children) return
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as TextLike
    if (child.children) alignIn(child, source, toPoint, references)
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (child.type !== 'text' || typeof child.value !== 'string' || start === undefined || end === undefined) continue
    const pieces = alignToSource(source, start, end, child.value)
    if (pieces.length === 1 && pieces[0]?.start === start) continue
    for (const piece of pieces) if (piece.end - piece.start > piece.value.length) references.push([piece.start, piece.end])
    const replacements = pieces.map((piece) => {
      const from = toPoint(piece.start)
      const to = toPoint(Math.min(piece.end, source.length))
      return {type: 'text', value: piece.value, ...(from && to ? {position: {start: from, end: to}} : {})}
    })
    children.splice(index, 1, ...replacements)
    index += replacements.length - 1
  }
}

/**
 * Move every point that falls inside a character reference to the reference's end. The nlcst
 * converters count a text node's positions along its decoded value, so a word ending in
 * `&rsquo;` would end one character into the reference (`junkies&`), and a fix there would cut
 * the reference in two.
 *
 * @param tree - The nlcst tree (changed in place).
 * @param references - Source ranges from {@link alignTextNodes}.
 * @param toPoint - Turns an offset into a point (from vfile-location).
 */
export function endReferences(tree: Parameters<typeof movePoints>[0], references: Array<[number, number]>, toPoint: ToPoint): void {
  if (references.length === 0) return
  const sorted = [...references].sort((a, b) => a[0] - b[0])
  movePoints(tree, (point) => {
    const range = containing(sorted, point.offset)
    const to = range && toPoint(range[1])
    if (to) Object.assign(point, {line: to.line, column: to.column, offset: range[1]})
  })
}

/** The range that holds `offset` strictly inside it (past its start, before its end). */
function containing(sorted: Array<[number, number]>, offset: number): [number, number] | undefined {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = sorted[middle] as [number, number]
    if (offset <= range[0]) high = middle - 1
    else if (offset >= range[1]) low = middle + 1
    else return range
  }
  return undefined
}
