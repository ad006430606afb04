import type {Root, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {location} from 'vfile-location'

/**
 * The most characters the English parser is given at once. Its sentence and paragraph
 * plugins splice arrays inside loops, which is quadratic in the length of a paragraph: a
 * megabyte without a blank line took minutes. Below this size that cost is negligible.
 */
export const maxParseChunk = 16_384

/**
 * Parse prose into nlcst as the English parser does, but in pieces of at most
 * {@link maxParseChunk} characters cut at blank lines where there are any, else after a
 * sentence's end, else at a space, so time stays linear in the length of the text.
 *
 * A cut at a blank line changes nothing (paragraphs parse alone anyway); a cut inside a
 * paragraph splits it in two, which only matters to a phrase that straddles the cut, and
 * happens only in a paragraph over 16,000 characters long.
 *
 * @param text - The prose.
 * @returns Its tree, with positions into `text`.
 */
export function parseProse(text: string): Root {
  return joinParts(parseProseParts(text))
}

/**
 * One tree of the pieces' children, in order.
 *
 * @param parts - Trees of consecutive pieces of a text.
 * @returns Their children under one root spanning them.
 */
export function joinParts(parts: Iterable<Root>): Root {
  const root: Root = {type: 'RootNode', children: []}
  let count = 0
  for (const part of parts) {
    if (count++ === 0 && part.position) root.position = {start: {...part.position.start}, end: {...part.position.end}}
    // One by one: spreading a huge piece's children as arguments would overflow the stack.
    for (const child of part.children) root.children.push(child)
  }
  const first = root.children[0]?.position
  const last = root.children.at(-1)?.position
  if (count > 1 && first && last) root.position = {start: {...first.start}, end: {...last.end}}
  return root
}

/**
 * The pieces {@link parseProse} joins, one tree at a time, so a caller can lint each and let
 * it go: a 10 MB document's whole tree would take gigabytes.
 *
 * @param text - The prose.
 * @yields A tree per piece, with positions into `text`.
 */
export function* parseProseParts(text: string): Generator<Root> {
  const parser = new PlacedParser()
  if (text.length <= maxParseChunk) {
    yield parser.parse(text)
    return
  }
  const place = location(text)
  for (let start = 0; start < text.length; ) {
    const end = cutAfter(text, start)
    parser.at = place.toPoint(start) ?? {line: 1, column: 1, offset: start}
    yield parser.parse(text.slice(start, end))
    start = end
  }
}

interface Point {
  line: number
  column: number
  offset?: number
}

/**
 * The English parser, placing what it reads at `at` rather than at the start of a text: a
 * piece of a longer text gets its positions in that text. The points are moved as the parser
 * first makes them, a flat list of tokens, before its plugins share them between parents and
 * children (moving them in the finished tree takes a walk that cost more than the parse).
 */
class PlacedParser extends ParseEnglish {
  at: Point = {line: 1, column: 1, offset: 0}

  override tokenize(value: string): SentenceContent[] {
    const tokens = super.tokenize(value)
    const {line, column, offset = 0} = this.at
    if (line === 1 && column === 1 && offset === 0) return tokens
    const move = (point: Point | undefined): void => {
      if (!point) return
      if (point.line === 1) point.column += column - 1
      point.line += line - 1
      point.offset = (point.offset ?? 0) + offset
    }
    for (const token of tokens) {
      // A word and its text share their start; each has its own end.
      move(token.position?.start)
      move(token.position?.end)
      if (token.type === 'WordNode') for (const child of token.children) move(child.position?.end)
    }
    return tokens
  }
}

/** Where the piece that starts at `start` ends. */
function cutAfter(text: string, start: number): number {
  const limit = start + maxParseChunk
  if (limit >= text.length) return text.length
  const window = text.slice(start + maxParseChunk / 2, limit)
  const base = start + maxParseChunk / 2
  const blank = window.lastIndexOf('\n\n')
  if (blank !== -1) return base + blank + 2
  let sentenceEnd = -1
  for (const match of window.matchAll(/[.!?…]["'’”)\]]*\s+/g)) sentenceEnd = match.index + match[0].length
  if (sentenceEnd !== -1) return base + sentenceEnd
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t'))
  if (space !== -1) return base + space + 1
  // No space in 8,000 characters: cut anywhere, but never inside a surrogate pair.
  return /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit + 1 : limit
}
