import {realpath} from 'node:fs/promises'
import type {DocxComment, DocxDocument, DocxEdit} from '@destigma/formats'
import {InputError} from './errors.js'
import type {ReportedFinding} from './finding.js'
import type {DocxOutput} from './settings.js'

/** What writing the copy needs from the caller. */
export interface DocxCopyRequest {
  /** The .docx as read. */
  docx: DocxDocument
  /** Its path (never written). */
  inputPath: string
  /** The copy's absolute path, and which findings get comments. */
  output: DocxOutput & {absolute: string}
  /** The findings on the document's text. */
  findings: ReportedFinding[]
  /** Lint a version of the text (after fixes), for the next pass. */
  lint: (text: string) => Promise<ReportedFinding[]>
  /** The most passes of fixes (each pass lints the fixed text again, as `--fix` does). */
  maxPasses: number
}

/**
 * `--fix --docx-output`: write a copy of the document in which each safe fix is a tracked
 * change and the other findings (or all of them) are comments. The input is never written.
 *
 * @param request - The document, its findings and where the copy goes.
 * @returns The findings left unfixed, at their places in the document's text.
 * @throws {InputError} When the copy would replace the input or cannot be written.
 */
export async function writeDocxCopy(request: DocxCopyRequest): Promise<ReportedFinding[]> {
  const {docx, findings} = request
  const edits = await fixedEdits(docx, findings, request)
  const fixed = findings.filter((finding) => finding.fix && edits.some((edit) => covers(edit.range, finding.fix?.range ?? [0, 0])))
  const unfixed = findings.filter((finding) => !fixed.includes(finding))
  const commented = request.output.comments === 'all' ? findings : request.output.comments === 'unfixed' ? unfixed : []
  const comments: DocxComment[] = commented.map((finding) => ({range: [finding.offset, finding.endOffset], lines: commentLines(finding, docx, fixed.includes(finding))}))
  const bytes = docx.redline({edits, comments})
  if (await samePath(request.inputPath, request.output.absolute)) throw new InputError(`--docx-output ${request.output.path} is the document being read; name a new file`)
  const {writeFileAtomically} = await import('./write-atomic.js')
  try {
    await writeFileAtomically(request.output.absolute, bytes)
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`--docx-output ${request.output.path} ${error.message}`)
    throw error
  }
  return unfixed
}

/**
 * The safe fixes as edits on the original text: the first pass's fixes, then each later
 * pass's (on the text the earlier passes made) mapped back, merged with an edit they touch.
 */
async function fixedEdits(docx: DocxDocument, findings: ReportedFinding[], request: DocxCopyRequest): Promise<DocxEdit[]> {
  let edits: DocxEdit[] = []
  let current = docx.text
  let pending = findings
  for (let pass = 0; pass < request.maxPasses; pass++) {
    // This pass's fixes are on `current`: map each back through the earlier passes' edits.
    const replaced = new Set<DocxEdit>()
    const added: DocxEdit[] = []
    let cursor = -1
    for (const finding of [...pending].sort((a, b) => (a.fix?.range[0] ?? 0) - (b.fix?.range[0] ?? 0))) {
      if (!finding.fix || finding.fix.range[0] < cursor) continue
      const {edit, touched} = composeEdit(edits, current, finding.fix)
      if (touched.some((earlier) => replaced.has(earlier)) || docx.editBlocker(edit.range) !== undefined) continue
      for (const earlier of touched) replaced.add(earlier)
      added.push(edit)
      cursor = finding.fix.range[1]
    }
    if (added.length === 0) break
    edits = [...edits.filter((edit) => !replaced.has(edit)), ...added].sort((a, b) => a.range[0] - b.range[0])
    current = applyEdits(docx.text, edits)
    pending = await request.lint(current)
  }
  return edits
}

/**
 * An edit on the text after `edits` (which is `current`), as an edit on the original text:
 * merged with the earlier edits it overlaps or touches, which it replaces.
 */
function composeEdit(edits: readonly DocxEdit[], current: string, fix: {range: [number, number]; text: string}): {edit: DocxEdit; touched: DocxEdit[]} {
  const [from, to] = fix.range
  const growth = (edit: DocxEdit): number => edit.text.length - (edit.range[1] - edit.range[0])
  let shift = 0
  const placed = edits.map((edit) => {
    const start = edit.range[0] + shift
    shift += growth(edit)
    return {edit, start, end: start + edit.text.length}
  })
  const touching = placed.filter((item) => item.start <= to && item.end >= from)
  const first = touching[0]
  const last = touching.at(-1)
  const currentStart = first ? Math.min(from, first.start) : from
  const currentEnd = last ? Math.max(to, last.end) : to
  const shiftBefore = (offset: number): number => placed.filter((item) => item.end <= offset).reduce((sum, item) => sum + growth(item.edit), 0)
  const originalStart = first && first.start <= from ? first.edit.range[0] : from - shiftBefore(from)
  const originalEnd = last && last.end >= to ? last.edit.range[1] : to - shiftBefore(to)
  const edit: DocxEdit = {range: [originalStart, originalEnd], text: current.slice(currentStart, from) + fix.text + current.slice(to, currentEnd)}
  return {edit, touched: touching.map((item) => item.edit)}
}

/** The text with edits (on it, sorted, not overlapping) made. */
function applyEdits(text: string, edits: readonly DocxEdit[]): string {
  let result = ''
  let cursor = 0
  for (const edit of edits) {
    result += text.slice(cursor, edit.range[0]) + edit.text
    cursor = edit.range[1]
  }
  return result + text.slice(cursor)
}

/** Whether an edit's range holds another range. */
function covers(outer: readonly [number, number], inner: readonly [number, number]): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1]
}

/** A comment's paragraphs: what the finding says, the alternatives, why it was left, and the rule's page. */
function commentLines(finding: ReportedFinding, docx: DocxDocument, fixed: boolean): string[] {
  const lines = [finding.message]
  if (finding.expected.length > 0) lines.push(`${fixed ? 'Other alternatives' : 'Alternatives'}: ${finding.expected.join('; ')}`)
  const blocker = finding.fix ? docx.editBlocker(finding.fix.range) : undefined
  if (!fixed && blocker !== undefined) lines.push(`Not changed: ${blocker}.`)
  else if (!fixed && finding.inQuotation) lines.push('Not changed: this is inside a quotation, the speaker\'s own words; change it only with their agreement.')
  lines.push(`Why, and sources: ${finding.url}`)
  return lines
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (path: string): Promise<string> => realpath(path).catch(() => path)
  return (await real(a)) === (await real(b))
}
