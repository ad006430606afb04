import {describe, expect, it} from 'vitest'
import {maxParseChunk, parseProseParts} from '../packages/formats/src/bounded-parse.js'

type Node = {type: string; value?: string; position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}; children?: Node[]}

/** Every node's place, checked against the text: its offsets hold its text, and its line and column are those of the offsets. */
function expectPlacesHold(text: string, node: Node, toPoint: (offset: number) => unknown): number {
  let checked = 0
  const {start, end} = node.position ?? {}
  if (start && end) {
    expect(toPoint(start.offset ?? -1)).toEqual(start)
    expect(toPoint(end.offset ?? -1)).toEqual(end)
    if (node.value !== undefined) expect(text.slice(start.offset, end.offset)).toBe(node.value)
    checked++
  }
  for (const child of node.children ?? []) checked += expectPlacesHold(text, child, toPoint)
  return checked
}

describe('parsing a long text in pieces', () => {
  it('places every node of every piece in the whole text, across lines, CRLF and a piece cut without a blank line', () => {
    const paragraph = 'The council met on Tuesday.\r\nIt discussed housing, and addicts’ services. Then it rose.\n\n'
    const unbroken = 'A sentence without any paragraph break at all, repeated. '.repeat(Math.ceil((maxParseChunk * 1.5) / 57))
    const text = paragraph.repeat(Math.ceil((maxParseChunk * 2) / paragraph.length)) + unbroken + '\nLast line.'
    const lineStarts = [0, ...Array.from(text.matchAll(/\r\n|\r|\n/g), (match) => match.index + match[0].length)]
    const toPoint = (offset: number): {line: number; column: number; offset: number} => {
      const line = lineStarts.findLastIndex((start) => start <= offset)
      return {line: line + 1, column: offset - (lineStarts[line] as number) + 1, offset}
    }
    const parts = [...parseProseParts(text)]
    expect(parts.length).toBeGreaterThan(3)
    let checked = 0
    for (const part of parts) for (const child of part.children) checked += expectPlacesHold(text, child as Node, toPoint)
    expect(checked).toBeGreaterThan(10_000)
  })
})
