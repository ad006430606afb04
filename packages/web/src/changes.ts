import type {Finding, Fix} from 'retext-stigma'

/** One change made on the page, described so it can be made again by hand in Word. */
export interface Change {
  /** 1-based paragraph number, counting paragraphs with text (headings too) from the top. */
  paragraph: number
  /** The text that was replaced. */
  from: string
  /** What replaced it. */
  to: string
  /** A few words around it, as it read before the change. */
  context: string
}

const contextReach = 40

/**
 * The number of the paragraph an offset lies in. Paragraphs are separated by blank lines,
 * as in the text read from a .docx; a run of blank lines (empty paragraphs) counts once.
 *
 * @param text - The text.
 * @param offset - An offset into it.
 * @returns The 1-based paragraph number.
 */
export function paragraphAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\n[^\S\n]*\n(?:[^\S\n]*\n)*/g)?.length ?? 0) + 1
}

/** A short stretch of the paragraph around `[start, end)`, cut at word boundaries. */
function contextAround(text: string, start: number, end: number): string {
  const paragraphStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0)
  const lineEnd = text.indexOf('\n', end)
  const paragraphEnd = lineEnd === -1 ? text.length : lineEnd
  let from = Math.max(paragraphStart, start - contextReach)
  let to = Math.min(paragraphEnd, end + contextReach)
  if (from > paragraphStart) from = text.indexOf(' ', from) + 1 || from
  if (to < paragraphEnd) to = Math.max(text.lastIndexOf(' ', to), end)
  return (from > paragraphStart ? '…' : '') + text.slice(from, to).trim() + (to < paragraphEnd ? '…' : '')
}

/**
 * Describe an edit before it is made.
 *
 * @param text - The text the fix applies to.
 * @param fix - The fix.
 * @returns The change.
 */
export function describeChange(text: string, fix: Fix): Change {
  const [start, end] = fix.range
  return {paragraph: paragraphAt(text, start), from: text.slice(start, end), to: fix.text, context: contextAround(text, start, end)}
}

/**
 * The list of changes to make in a Word file, as plain text or Markdown: the changes
 * made on the page, then the findings left as they are.
 *
 * @param name - The Word file's name.
 * @param changes - Changes made on the page, in the order they were made.
 * @param text - The text as it reads now.
 * @param remaining - Findings still in that text.
 * @param markdown - Markdown rather than plain text.
 * @returns The list.
 */
export function changeList(name: string, changes: readonly Change[], text: string, remaining: readonly Finding[], markdown: boolean): string {
  const quote = (value: string) => `“${value}”`
  const lines = [markdown ? `# Changes to make in ${name}` : `Changes to make in ${name}`, '']
  lines.push('Paragraphs are counted from the top of the document, headings included, empty ones not.', '')
  if (changes.length === 0) lines.push('No changes were made on the page.')
  changes.forEach((change, index) => {
    lines.push(`${index + 1}. Paragraph ${change.paragraph}: replace ${quote(change.from)} with ${quote(change.to)}`)
    lines.push(markdown ? `   > ${change.context}` : `   In: ${change.context}`)
  })
  if (remaining.length > 0) {
    lines.push('', markdown ? '## Still flagged, not changed' : 'Still flagged, not changed:', '')
    remaining.forEach((finding, index) => {
      const suggestion = finding.expected[0] ? `, consider ${quote(finding.expected[0])}` : ''
      lines.push(`${index + 1}. Paragraph ${paragraphAt(text, finding.offset)}: ${quote(finding.actual)}${suggestion}`)
      lines.push(markdown ? `   > ${contextAround(text, finding.offset, finding.endOffset)}` : `   In: ${contextAround(text, finding.offset, finding.endOffset)}`)
    })
  }
  return lines.join('\n') + '\n'
}
