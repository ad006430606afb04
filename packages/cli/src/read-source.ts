import {statSync} from 'node:fs'
import {FileReadRefusal, readRegularFile} from '@destigma/config'
import {openDocx, type DocxDocument, type Format} from '@destigma/formats'
import {InputError} from './errors.js'

/** A document ready to lint. */
export interface InputText {
  /** The text, without a byte-order mark; for .docx, the extracted paragraphs. */
  text: string
  /** The file started with a UTF-8 byte-order mark (kept by `--fix`). */
  bom: boolean
  /** For .docx: the opened document, which `--docx-output` writes a copy of. */
  docx?: DocxDocument
  /** Modification time of the file when read (absent for standard input). */
  mtimeMs?: number
}

const megabyte = 1024 * 1024

/**
 * Read a file to lint, refusing what is not a document destigma can read.
 *
 * @param path - Absolute path.
 * @param format - Its format.
 * @param maxFileSize - Larger files are refused (bytes).
 * @returns The source.
 * @throws {InputError} With a plain reason: missing, unreadable, too large, binary, not UTF-8, not a .docx.
 */
export async function readSourceFile(path: string, format: Format, maxFileSize: number): Promise<InputText> {
  let bytes: Uint8Array
  let mtimeMs: number
  // Synchronous reads: this runs in a worker or on a queue of one, and small files read faster without the thread pool.
  try {
    // The size from `stat` gives the exact figure for an ordinary large file; the read enforces the limit whatever `stat` says.
    const size = statSync(path).size
    if (size > maxFileSize) throw new InputError(tooLarge(size, maxFileSize))
    const read = readRegularFile(path, maxFileSize)
    bytes = read.bytes
    mtimeMs = read.stats.mtimeMs
  } catch (error) {
    if (error instanceof InputError) throw error
    if (error instanceof FileReadRefusal)
      throw new InputError(error.reason === 'too-large' ? tooLarge(maxFileSize, maxFileSize, true) : `${error.message}; destigma reads only regular files`)
    throw new InputError(readFailure((error as NodeJS.ErrnoException).code))
  }
  return {...(await decodeSource(bytes, format, maxFileSize)), mtimeMs}
}

/**
 * Read all of standard input, up to the size limit.
 *
 * @param stream - Standard input.
 * @param format - The format it is read as.
 * @param maxFileSize - The size limit (bytes).
 * @returns The source.
 * @throws {InputError} As {@link readSourceFile}.
 */
export async function readSourceStream(stream: AsyncIterable<Uint8Array | string>, format: Format, maxFileSize: number): Promise<InputText> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    size += bytes.byteLength
    if (size > maxFileSize) throw new InputError(tooLarge(size, maxFileSize, true))
    chunks.push(bytes)
  }
  return decodeSource(Buffer.concat(chunks), format, maxFileSize)
}

/**
 * Turn bytes into text: UTF-8 (with or without a byte-order mark), or a .docx document.
 *
 * @param bytes - The file's bytes.
 * @param format - Its format.
 * @param maxFileSize - For .docx, the most one part may inflate to (bytes).
 * @returns The source.
 * @throws {InputError} When the bytes are binary, not UTF-8, or not a .docx document destigma reads.
 */
export async function decodeSource(bytes: Uint8Array, format: Format, maxFileSize = 10 * megabyte): Promise<InputText> {
  if (format === 'docx') {
    try {
      const docx = await openDocx(bytes, {maxPartSize: maxFileSize})
      return {text: docx.text, bom: false, docx}
    } catch (error) {
      if ((error as Error).name !== 'DocxError') throw error
      const reason = (error as Error).message
      throw new InputError(reason.startsWith('is ') ? reason : `is not a readable .docx document (${reason})`)
    }
  }
  const utf32 = (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  if (utf32) throw new InputError('is UTF-32 text; save it as UTF-8')
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new InputError('is UTF-16 text; save it as UTF-8')
  // Text never holds a NUL byte, anywhere; a scan of the whole file is cheap next to parsing it.
  if (bytes.includes(0)) throw new InputError('is a binary file, not text (it holds a NUL byte)')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    const lenient = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
    const before = lenient.slice(0, lenient.indexOf('\uFFFD')).split(/\r\n|\r|\n/)
    throw new InputError(`is not valid UTF-8 (first bad byte at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}); save it as UTF-8`)
  }
  const bom = text.startsWith('\uFEFF')
  return {text: bom ? text.slice(1) : text, bom}
}

function tooLarge(size: number, limit: number, atLeast = false): string {
  const show = (bytes: number): string => (bytes >= megabyte ? `${(bytes / megabyte).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`)
  return `is too large (${atLeast ? 'over ' : ''}${show(size)}; the limit is ${show(limit)}, change it with --max-file-size)`
}

function readFailure(code: string | undefined): string {
  if (code === 'ENOENT') return 'no such file (removed, or a broken link?)'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder'
  return `cannot be read (${code ?? 'unknown error'})`
}
