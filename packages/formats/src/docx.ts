import {openDocx, type OpenDocxOptions} from './docx/document.js'

export {openDocx} from './docx/document.js'
export type {DocxComment, DocxDocument, DocxEdit, DocxRedlineRequest, OpenDocxOptions} from './docx/document.js'
export {DocxError} from './docx/errors.js'

/**
 * Extract the text of a Word (.docx) document: its paragraphs, joined by blank lines.
 * Findings on a .docx have lines, columns and offsets into this text.
 *
 * @param data - The file's bytes.
 * @param options - Limits.
 * @returns The text.
 * @throws {DocxError} When the bytes are not a .docx document destigma reads.
 */
export async function readDocx(data: Uint8Array | ArrayBuffer, options?: OpenDocxOptions): Promise<string> {
  return openDocx(data, options).text
}
