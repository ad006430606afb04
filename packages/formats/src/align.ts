import {decodeNamedCharacterReference} from 'decode-named-character-reference'

/** A run of a parsed text value that appears unchanged in the source at `start`. */
export interface Piece {
  value: string
  start: number
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
  if (source.slice(start, end) === value) return [{value, start}]
  const pieces: Piece[] = []
  let i = start
  let j = 0
  let pieceStart = start
  let pieceFrom = 0
  const flush = (): void => {
    if (j > pieceFrom) pieces.push({value: value.slice(pieceFrom, j), start: pieceStart})
  }
  while (j < value.length) {
    if (i >= end) {
      // The source ran out before the value did (a decoding this does not know): keep the rest at the end.
      flush()
      pieces.push({value: value.slice(j), start: end})
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
      pieces.push({value: decoded.text, start: i})
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

/**
 * Replace every `text` node of an mdast or hast tree whose value differs from its source
 * by one node per {@link alignToSource} run, each with its own exact position.
 *
 * @param tree - The tree (changed in place).
 * @param source - The document it was parsed from.
 * @param toPoint - Turns an offset into a point (from vfile-location).
 */
export function alignTextNodes(
  tree: TextLike,
  source: string,
  toPoint: (offset: number) => {line: number; column: number; offset?: number} | undefined
): void {
  const children = tree.children
  if (!children) return
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as TextLike
    if (child.children) alignTextNodes(child, source, toPoint)
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (child.type !== 'text' || typeof child.value !== 'string' || start === undefined || end === undefined) continue
    const pieces = alignToSource(source, start, end, child.value)
    if (pieces.length === 1 && pieces[0]?.start === start) continue
    const replacements = pieces.map((piece) => {
      const from = toPoint(piece.start)
      const to = toPoint(Math.min(piece.start + piece.value.length, source.length))
      return {type: 'text', value: piece.value, ...(from && to ? {position: {start: from, end: to}} : {})}
    })
    children.splice(index, 1, ...replacements)
    index += replacements.length - 1
  }
}
