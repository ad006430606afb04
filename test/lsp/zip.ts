import {readFileSync} from 'node:fs'
import {inflateRawSync} from 'node:zlib'

/** One file in a zip archive. */
export interface ZipEntry {
  name: string
  /** Uncompressed contents. */
  data: Buffer
}

/**
 * Read every file of a zip archive (stored or deflated), from its central directory.
 *
 * @param path - The archive.
 * @returns Its files.
 */
export function readZip(path: string): ZipEntry[] {
  const zip = readFileSync(path)
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end === -1) throw new Error(`${path}: not a zip archive`)
  const count = zip.readUInt16LE(end + 10)
  let cursor = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(cursor + 10)
    const compressedSize = zip.readUInt32LE(cursor + 20)
    const nameLength = zip.readUInt16LE(cursor + 28)
    const extraLength = zip.readUInt16LE(cursor + 30)
    const commentLength = zip.readUInt16LE(cursor + 32)
    const localHeader = zip.readUInt32LE(cursor + 42)
    const name = zip.toString('utf8', cursor + 46, cursor + 46 + nameLength)
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
    const raw = zip.subarray(dataStart, dataStart + compressedSize)
    entries.push({name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw)})
    cursor += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
