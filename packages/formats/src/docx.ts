import mammoth from 'mammoth'

/**
 * Extract the text of a Word (.docx) document: its paragraphs, joined by blank lines.
 * Findings on a .docx have lines, columns and offsets into this text.
 *
 * @param data - The file's bytes.
 * @returns The text.
 * @throws {Error} When the bytes are not a .docx document.
 */
export async function readDocx(data: Uint8Array | ArrayBuffer): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  // Node's mammoth reads `buffer`; its browser build reads `arrayBuffer`.
  const result = await mammoth.extractRawText({buffer: bytes, arrayBuffer} as unknown as Parameters<typeof mammoth.extractRawText>[0])
  return result.value.replace(/\n+$/, '')
}
