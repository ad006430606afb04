/**
 * Browser-safe format readers: plain text, Markdown, MDX, HTML and .docx to nlcst with
 * positions into the source, and the inline directives of each format.
 * Each format's parser is loaded only when a document of that format is read.
 *
 * @packageDocumentation
 */
import type {Root as NlcstRoot} from 'nlcst'
import {joinParts, parseProseParts} from './bounded-parse.js'
import {splitSentenceEnds} from './sentence-ends.js'

export {applyDirectives, directiveFor, findDirectives} from './directives.js'
export type {Directive, DirectiveKind, DirectiveResult} from './directives.js'
export {readCandidateProse} from './prefilter.js'
export type {ProseScan} from './prefilter.js'

/** The formats destigma reads. */
export type Format = 'text' | 'markdown' | 'mdx' | 'html' | 'docx'

/** File extensions of each format, without the dot. */
export const formatExtensions: Readonly<Record<Format, readonly string[]>> = {
  text: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
  mdx: ['mdx'],
  html: ['html', 'htm', 'xhtml'],
  docx: ['docx']
}

/**
 * The format of a file, from its name.
 *
 * @param fileName - A path or file name.
 * @returns The format, or undefined when destigma does not read it.
 */
export function formatFromName(fileName: string): Format | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === undefined) return undefined
  return (Object.keys(formatExtensions) as Format[]).find((format) => formatExtensions[format].includes(extension))
}

/**
 * Read a document into an nlcst tree of its prose, with positions into `text`.
 *
 * @param text - The document's text (without a byte-order mark); for .docx, the text {@link readDocx} returned.
 * @param format - Its format.
 * @returns The tree.
 * @throws {Error} A vfile message with a position when an MDX document does not parse.
 */
export async function readProse(text: string, format: Format): Promise<NlcstRoot> {
  return joinParts(await readProseParts(text, format))
}

/**
 * {@link readProse} in pieces, for callers that lint each piece and let it go: a long document
 * read flat or as plain text comes as a tree per bounded piece (its whole tree would take
 * gigabytes), any other as one tree. Positions are into `text` throughout.
 *
 * @param text - As for {@link readProse}.
 * @param format - Its format.
 * @returns The trees, made one at a time as they are asked for.
 * @throws {Error} As {@link readProse}.
 */
export async function readProseParts(text: string, format: Format): Promise<Iterable<NlcstRoot>> {
  let parts: Iterable<NlcstRoot>
  if (format === 'markdown' || format === 'mdx') parts = await (await import('./markdown.js')).readMarkdownParts(text, format === 'mdx')
  else if (format === 'html') parts = (await import('./html.js')).readHtmlParts(text)
  else parts = parseProseParts(text)
  return mapParts(parts, splitSentenceEnds)
}

function* mapParts(parts: Iterable<NlcstRoot>, map: (tree: NlcstRoot) => NlcstRoot): Generator<NlcstRoot> {
  for (const part of parts) yield map(part)
}

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
