/**
 * Browser-safe format readers: plain text, Markdown, MDX, HTML and .docx to nlcst with
 * positions into the source, and the inline directives of each format.
 * Each format's parser is loaded only when a document of that format is read.
 *
 * @packageDocumentation
 */
export {applyDirectives, directiveFor, findDirectives} from './directives.js'
export type {Directive, DirectiveKind, DirectiveResult} from './directives.js'
export {readCandidateProse} from './prefilter.js'
export type {ProseScan} from './prefilter.js'
export {formatExtensions, formatFromName} from './format.js'
export type {Format} from './format.js'
export {readProse, readProseParts} from './read.js'
export {lintDocument, fixDocument} from './lint-document.js'
export type {DocumentLint, FixedDocument, LintDocumentOptions} from './lint-document.js'
export {markdownBlocks, textBlocks} from './blocks.js'
export type {BlockCache, Incremental} from './incremental.js'

export {applyEdits, commentLines, mergeFixes, originalRange} from './docx/edits.js'
export type {CommentedFinding, TextEdit} from './docx/edits.js'
export type {DocxComment, DocxDocument, DocxEdit, DocxRedlineRequest, OpenDocxOptions} from './docx.js'

/**
 * Extract the text of a Word (.docx) document: the paragraphs of its body, then of its headers,
 * footers, footnotes, endnotes and comments, joined by blank lines, as they read with tracked
 * changes accepted.
 *
 * @param data - The file's bytes.
 * @param options - Limits (`maxPartSize`: the most one part may inflate to).
 * @returns The text, which {@link readProse} reads as format `docx`.
 * @throws {Error} When the bytes are not a .docx document destigma reads (a `DocxError` with the reason).
 */
export async function readDocx(data: Uint8Array | ArrayBuffer, options?: import('./docx.js').OpenDocxOptions): Promise<string> {
  return (await import('./docx.js')).readDocx(data, options)
}

/**
 * Open a Word (.docx) document to read its text and write a copy with tracked changes and comments.
 *
 * @param data - The file's bytes.
 * @param options - Limits.
 * @returns The document.
 * @throws {Error} A `DocxError` with the reason, when the bytes are not a .docx document destigma reads.
 */
export async function openDocx(data: Uint8Array | ArrayBuffer, options?: import('./docx.js').OpenDocxOptions): Promise<import('./docx.js').DocxDocument> {
  return (await import('./docx.js')).openDocx(data, options)
}
