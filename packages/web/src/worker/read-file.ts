import {formatFromName, readDocx} from '@destigma/formats'
import type {ReadDocument} from './protocol.js'

/** A file the page cannot read, with a message that says what to do. */
export class ReadError extends Error {
  override name = 'ReadError'
}

const supported = '.docx, .md, .mdx, .txt or .html'

/**
 * Turn a chosen or dropped file into the text the page checks.
 *
 * @param name - The file's name, which decides its format.
 * @param bytes - Its contents.
 * @returns The text (without a byte-order mark) and its format.
 * @throws {ReadError} When the format is not one the page reads, or the file is not what its name says.
 */
export async function readFile(name: string, bytes: ArrayBuffer): Promise<ReadDocument> {
  const format = formatFromName(name)
  if (!format) throw new ReadError(`${name}: the page reads ${supported} files. Save the draft in one of these formats and try again.`)
  if (format === 'docx') {
    try {
      return {text: await readDocx(bytes), format, docx: true}
    } catch {
      throw new ReadError(`${name}: this is not a Word document that can be read. Open it in Word, save it again as .docx, and try again.`)
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new ReadError(`${name}: this is not UTF-8 text. Save it as UTF-8 (or as .docx) and try again.`)
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  return {text, format, docx: false}
}
