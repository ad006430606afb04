/** A replacement of part of a text: a safe fix, or an edit on the original text of a .docx. */
export interface TextEdit {
  range: [number, number]
  text: string
}

/** A finding as a Word comment needs it. */
export interface CommentedFinding {
  message: string
  expected: readonly string[]
  url: string
  inQuotation?: boolean
}

/**
 * Add fixes made on the text after `edits` (which reads `current`) to `edits`, which are on
 * the original text: each fix is mapped back and merged with the earlier edits it overlaps or
 * touches. The fixes are taken in order; one that overlaps a fix already taken, or whose
 * merged edit `allowed` refuses, is left out.
 *
 * @param edits - Edits on the original text, sorted, not overlapping.
 * @param current - The original text with `edits` made.
 * @param fixes - Fixes on `current`.
 * @param allowed - Whether an edit on the original text can be made (a .docx refuses some).
 * @returns The new edits on the original text, and the fixes taken.
 */
export function mergeFixes(
  edits: readonly TextEdit[],
  current: string,
  fixes: readonly TextEdit[],
  allowed: (range: readonly [number, number]) => boolean = () => true
): {edits: TextEdit[]; taken: TextEdit[]} {
  const placed = placeEdits(edits)
  const replaced = new Set<TextEdit>()
  const added: TextEdit[] = []
  const taken: TextEdit[] = []
  let cursor = -1
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0])) {
    if (fix.range[0] < cursor) continue
    const {edit, touched} = mapBack(placed, current, fix)
    if (touched.some((earlier) => replaced.has(earlier)) || !allowed(edit.range)) continue
    for (const earlier of touched) replaced.add(earlier)
    added.push(edit)
    taken.push(fix)
    cursor = fix.range[1]
  }
  return {edits: [...edits.filter((edit) => !replaced.has(edit)), ...added].sort((a, b) => a.range[0] - b.range[0]), taken}
}

/**
 * Make edits on a text.
 *
 * @param text - The text.
 * @param edits - Edits on it, sorted, not overlapping.
 * @returns The edited text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = ''
  let cursor = 0
  for (const edit of edits) {
    result += text.slice(cursor, edit.range[0]) + edit.text
    cursor = edit.range[1]
  }
  return result + text.slice(cursor)
}

/**
 * Where a range of the edited text was in the original, when no edit touches it.
 *
 * @param edits - Edits on the original text, sorted.
 * @param range - A range of the edited text.
 * @returns The range in the original, or undefined when it overlaps an edit's new text.
 */
export function originalRange(edits: readonly TextEdit[], range: readonly [number, number]): [number, number] | undefined {
  let shift = 0
  for (const edit of edits) {
    const start = edit.range[0] + shift
    const end = start + edit.text.length
    if (end <= range[0]) shift += edit.text.length - (edit.range[1] - edit.range[0])
    else if (start >= range[1]) break
    else return undefined
  }
  return [range[0] - shift, range[1] - shift]
}

/**
 * A Word comment's paragraphs for a finding: what it says, the alternatives, why it was not
 * changed, and the rule's page.
 *
 * @param finding - The finding.
 * @param notChanged - Why its fix was not made, when it has one that was not.
 * @param fixed - Its fix was made (the comment then offers the other alternatives).
 * @returns The paragraphs.
 */
export function commentLines(finding: CommentedFinding, notChanged?: string, fixed = false): string[] {
  const lines = [finding.message]
  if (finding.expected.length > 0) lines.push(`${fixed ? 'Alternatives (the first is made as a tracked change)' : 'Alternatives'}: ${finding.expected.join('; ')}`)
  if (!fixed && notChanged !== undefined) lines.push(`Not changed: ${notChanged}.`)
  else if (!fixed && finding.inQuotation) lines.push("Not changed: this is inside a quotation, the speaker's own words; change it only with their agreement.")
  lines.push(`Why, and sources: ${finding.url}`)
  return lines
}

/** An edit with where its new text lies in the edited text, and the growth of the text up to its end. */
interface Placed {
  edit: TextEdit
  start: number
  end: number
  /** The edited text's length minus the original's, counting this edit and those before it. */
  shift: number
}

function placeEdits(edits: readonly TextEdit[]): Placed[] {
  let shift = 0
  return edits.map((edit) => {
    const start = edit.range[0] + shift
    shift += edit.text.length - (edit.range[1] - edit.range[0])
    return {edit, start, end: start + edit.text.length, shift}
  })
}

/** Index of the first placed edit whose new text ends at or after an offset (binary search: edits are sorted). */
function firstEndingFrom(placed: readonly Placed[], offset: number): number {
  let low = 0
  let high = placed.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((placed[middle] as Placed).end < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** A fix on the edited text as an edit on the original, with the earlier edits it replaces. */
function mapBack(placed: readonly Placed[], current: string, fix: TextEdit): {edit: TextEdit; touched: TextEdit[]} {
  const [from, to] = fix.range
  const touching: Placed[] = []
  for (let index = firstEndingFrom(placed, from); index < placed.length && (placed[index] as Placed).start <= to; index++) touching.push(placed[index] as Placed)
  // The growth from the edits wholly before an offset (their new text ends at or before it).
  const shiftBefore = (offset: number): number => {
    const index = firstEndingFrom(placed, offset + 1) - 1
    return index >= 0 ? (placed[index] as Placed).shift : 0
  }
  const first = touching[0]
  const last = touching.at(-1)
  const currentStart = first ? Math.min(from, first.start) : from
  const currentEnd = last ? Math.max(to, last.end) : to
  const originalStart = first && first.start <= from ? first.edit.range[0] : from - shiftBefore(from)
  const originalEnd = last && last.end >= to ? last.edit.range[1] : to - shiftBefore(to)
  return {
    edit: {range: [originalStart, originalEnd], text: current.slice(currentStart, from) + fix.text + current.slice(to, currentEnd)},
    touched: touching.map((item) => item.edit)
  }
}
