import {formatFromName, readDocx} from '@destigma/formats'
import type {ReadDocument} from './protocol.js'

/** A file the page cannot read, with a message that says what to do. */
export class ReadError extends Error {
  override name = 'ReadError'
}

const supported = '.docx, .md, .mdx, .txt or .html'

/** The bytes of the Word file last read, kept (in memory only) to write its tracked-changes copy. */
let wordFile: ArrayBuffer | undefined

/**
 * The Word file last read.
 *
 * @returns Its bytes, or undefined when the last file read was not a Word file.
 */
export function lastWordFile(): ArrayBuffer | undefined {
  return wordFile
}

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
  wordFile = undefined
  if (format === 'docx') {
    let text: string
    try {
      text = await readDocx(bytes)
    } catch (error) {
      throw new ReadError(`${name}: this is not a Word document that can be read${reasonOf(error)}. Open it in Word, save it again as .docx, and try again.`)
    }
    wordFile = bytes
    return {text, format, docx: true}
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

/** The reader's reason for refusing a file (a zip bomb, macros, a password), in brackets. */
function reasonOf(error: unknown): string {
  return (error as Error).name === 'DocxError' ? ` (${(error as Error).message.replace(/^is /, 'it is ')})` : ''
}
