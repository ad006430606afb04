import {realpath} from 'node:fs/promises'
import {applyEdits, commentLines, mergeFixes, type DocxComment, type DocxDocument, type DocxEdit, type TextEdit} from '@destigma/formats'
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
  const {edits, taken} = await fixedEdits(docx, findings, request)
  const fixed = new Set(findings.filter((finding) => finding.fix && taken.has(finding.fix)))
  const unfixed = findings.filter((finding) => !fixed.has(finding))
  const commented = request.output.comments === 'all' ? findings : request.output.comments === 'unfixed' ? unfixed : []
  const comments: DocxComment[] = commented.map((finding) => ({range: [finding.offset, finding.endOffset], lines: commentLines(finding, finding.fix ? docx.editBlocker(finding.fix.range) : undefined, fixed.has(finding))}))
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
 * pass's (on the text the earlier passes made) mapped back, merged with the edits they touch.
 */
async function fixedEdits(docx: DocxDocument, findings: ReportedFinding[], request: DocxCopyRequest): Promise<{edits: DocxEdit[]; taken: Set<TextEdit>}> {
  let edits: DocxEdit[] = []
  let taken = new Set<TextEdit>()
  let pending = findings
  const allowed = (range: readonly [number, number]): boolean => docx.editBlocker(range) === undefined
  for (let pass = 0; pass < request.maxPasses; pass++) {
    const fixes = pending.flatMap((finding) => (finding.fix ? [finding.fix] : []))
    const merged = mergeFixes(edits, applyEdits(docx.text, edits), fixes, allowed)
    if (merged.taken.length === 0) break
    // The first pass's fixes are the findings' own; later passes fix text the earlier ones wrote.
    if (pass === 0) taken = new Set(merged.taken)
    edits = merged.edits
    pending = await request.lint(applyEdits(docx.text, edits))
  }
  return {edits, taken}
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (path: string): Promise<string> => realpath(path).catch(() => path)
  return (await real(a)) === (await real(b))
}
