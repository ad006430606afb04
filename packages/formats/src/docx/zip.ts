import {deflateSync, Inflate} from 'fflate'
import {DocxError} from './errors.js'

/** One file in a zip archive, as stored: its compressed bytes are kept, not inflated. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  crc: number
  compressedSize: number
  size: number
  /** The stored (compressed) bytes. */
  data: Uint8Array
  /** Modification time and date in DOS format, kept when the entry is copied. */
  time: number
  date: number
}

/** How much a hostile archive may make destigma inflate. */
export interface ZipLimits {
  /** Largest inflated size of one entry, in bytes. */
  maxEntrySize: number
  /** Most entries an archive may list. */
  maxEntries: number
}

const endOfCentralDirectory = 0x06054b50
const centralHeader = 0x02014b50
const localHeader = 0x04034b50
/** Inflating in slices this small bounds what one slice can expand to (deflate's ratio is at most about 1:1032). */
const inflateSlice = 4096

/**
 * List the entries of a zip archive from its central directory, without inflating anything.
 *
 * @param bytes - The archive.
 * @param limits - The bounds.
 * @returns The entries, in the central directory's order.
 * @throws {DocxError} When the archive is corrupt, encrypted, split, ZIP64 or lists too many entries.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endOfCentralDirectory) {
      end = at
      break
    }
  }
  if (end === -1) throw new DocxError('the zip archive is incomplete or corrupt (no central directory)')
  const count = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new DocxError('the zip archive uses ZIP64, which a Word document never needs')
  if (count > limits.maxEntries) throw new DocxError(`the zip archive lists ${count} entries; a Word document has far fewer (the limit is ${limits.maxEntries})`)
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  let at = directoryOffset
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== centralHeader) throw new DocxError('the zip archive is corrupt (bad central directory)')
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const offset = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (flags & 1) throw new DocxError(`the zip archive is encrypted (${name}); remove the password and save it again`)
    if (method !== 0 && method !== 8) throw new DocxError(`${name} is compressed with method ${method}, which Word does not write`)
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== localHeader) throw new DocxError(`the zip archive is corrupt (${name} is missing)`)
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true)
    const compressedSize = view.getUint32(at + 20, true)
    if (dataStart + compressedSize > bytes.length) throw new DocxError(`the zip archive is truncated (${name} ends past the end of the file)`)
    entries.push({
      name,
      method,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(dataStart, dataStart + compressedSize),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Inflate one entry, counting its bytes as they come out so a zip bomb stops at the limit
 * rather than when memory runs out.
 *
 * @param entry - The entry.
 * @param maxSize - The most bytes it may inflate to.
 * @returns Its content.
 * @throws {DocxError} When it inflates past the limit, is corrupt, or fails its checksum.
 */
export function inflateEntry(entry: ZipEntry, maxSize: number): Uint8Array {
  if (entry.method === 0) {
    if (entry.data.length > maxSize) throw tooLarge(entry.name, maxSize)
    return checked(entry, entry.data)
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const inflater = new Inflate((chunk) => {
    size += chunk.length
    if (size > maxSize) throw tooLarge(entry.name, maxSize)
    chunks.push(chunk)
  })
  try {
    for (let at = 0; at < entry.data.length; at += inflateSlice) {
      inflater.push(entry.data.subarray(at, at + inflateSlice), at + inflateSlice >= entry.data.length)
    }
    if (entry.data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (error) {
    if (error instanceof DocxError) throw error
    throw new DocxError(`${entry.name} is corrupt (${(error as Error).message})`)
  }
  const content = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    content.set(chunk, offset)
    offset += chunk.length
  }
  return checked(entry, content)
}

function tooLarge(name: string, maxSize: number): DocxError {
  const size = maxSize >= 1024 * 1024 ? `${Number((maxSize / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(maxSize / 1024)} KB`
  return new DocxError(`${name} inflates to more than ${size}, the size limit for one part: a zip bomb, or a document larger than the limit`)
}

function checked(entry: ZipEntry, content: Uint8Array): Uint8Array {
  if (crc32(content) !== entry.crc) throw new DocxError(`${entry.name} is corrupt (its checksum does not match)`)
  return content
}

/**
 * A new entry holding `content`, deflated, with the date of the entry it replaces.
 *
 * @param name - Its name in the archive.
 * @param content - Its bytes.
 * @param like - The entry it replaces, whose timestamp it keeps.
 * @returns The entry.
 */
export function deflatedEntry(name: string, content: Uint8Array, like?: ZipEntry): ZipEntry {
  const data = deflateSync(content, {level: 6})
  return {name, method: 8, crc: crc32(content), compressedSize: data.length, size: content.length, data, time: like?.time ?? 0, date: like?.date ?? 0x21}
}

/**
 * Write a zip archive from entries whose compressed bytes are ready, so entries copied
 * from another archive are copied bit for bit.
 *
 * @param entries - The entries, in order.
 * @returns The archive.
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder()
  const names = entries.map((entry) => encoder.encode(entry.name))
  const localSize = entries.reduce((sum, entry, index) => sum + 30 + (names[index]?.length ?? 0) + entry.data.length, 0)
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0)
  const out = new Uint8Array(localSize + centralSize + 22)
  const view = new DataView(out.buffer)
  const offsets: number[] = []
  let at = 0
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array
    offsets.push(at)
    view.setUint32(at, localHeader, true)
    view.setUint16(at + 4, 20, true)
    // Bit 11: names are UTF-8.
    view.setUint16(at + 6, 0x0800, true)
    writeEntryFields(view, at + 8, entry, name.length)
    view.setUint16(at + 28, 0, true)
    out.set(name, at + 30)
    out.set(entry.data, at + 30 + name.length)
    at += 30 + name.length + entry.data.length
  })
  const directoryStart = at
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array
    view.setUint32(at, centralHeader, true)
    view.setUint16(at + 4, 20, true)
    view.setUint16(at + 6, 20, true)
    view.setUint16(at + 8, 0x0800, true)
    writeEntryFields(view, at + 10, entry, name.length)
    view.setUint32(at + 42, offsets[index] as number, true)
    out.set(name, at + 46)
    at += 46 + name.length
  })
  view.setUint32(at, endOfCentralDirectory, true)
  view.setUint16(at + 8, entries.length, true)
  view.setUint16(at + 10, entries.length, true)
  view.setUint32(at + 12, at - directoryStart, true)
  view.setUint32(at + 16, directoryStart, true)
  return out
}

let crcTable: Uint32Array | undefined

/** CRC-32 as zip uses it (polynomial 0xEDB88320). */
/** The fields a local header and a central directory header share, in the same order, from `at`. */
function writeEntryFields(view: DataView, at: number, entry: ZipEntry, nameLength: number): void {
  view.setUint16(at, entry.method, true)
  view.setUint16(at + 2, entry.time, true)
  view.setUint16(at + 4, entry.date, true)
  view.setUint32(at + 6, entry.crc, true)
  view.setUint32(at + 10, entry.compressedSize, true)
  view.setUint32(at + 14, entry.size, true)
  view.setUint16(at + 18, nameLength, true)
}

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
