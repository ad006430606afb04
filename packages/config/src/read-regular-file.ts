import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'

/** Why a file was not read: it is not a regular file, or it holds more than the limit. */
export class FileReadRefusal extends Error {
  override readonly name = 'FileReadRefusal'

  /**
   * @param reason - `special` for FIFOs, devices and sockets; `too-large` past the limit.
   * @param message - What the file is (`is a named pipe (FIFO), not a regular file`), for the caller to prefix with its name.
   */
  constructor(
    readonly reason: 'special' | 'too-large',
    message: string
  ) {
    super(message)
  }
}

/** A regular file's bytes and its status when it was opened. */
export interface RegularFile {
  bytes: Uint8Array
  stats: Stats
}

/**
 * Read a file only if it is a regular file, and never more than `limit` bytes of it.
 *
 * The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and
 * checked on the open descriptor, so a link swapped after a `stat` cannot slip a device in.
 * The size is counted while reading, not taken from `stat`, which says 0 for `/dev/zero`
 * and for files still growing.
 *
 * @param path - The file (links are followed to their target, which must be a regular file).
 * @param limit - The most bytes accepted.
 * @returns Its bytes and status.
 * @throws {FileReadRefusal} For a FIFO, device, socket or folder, or a file over the limit.
 * @throws {NodeJS.ErrnoException} When the file cannot be opened or read (ENOENT, EACCES…).
 */
export function readRegularFile(path: string, limit: number): RegularFile {
  let descriptor: number
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
  } catch (error) {
    // A Unix socket cannot be opened at all.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new FileReadRefusal('special', 'is a socket, not a regular file')
    throw error
  }
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) throw new FileReadRefusal('special', `${describeKind(stats)}, not a regular file`)
    return {bytes: readAtMost(descriptor, limit, stats.size), stats}
  } finally {
    closeSync(descriptor)
  }
}

/**
 * Read to the end of the descriptor, stopping as soon as it holds more than `limit` bytes.
 * The first buffer fits the size `stat` gave, so an ordinary file takes one read and one
 * short read to see its end; a file that grows, or that `stat` sizes as 0, gets more buffers.
 */
function readAtMost(descriptor: number, limit: number, sizeHint: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let next = Math.max(sizeHint + 1, 4096)
  for (;;) {
    const chunk = new Uint8Array(Math.min(Math.max(limit + 1 - total, 1), next))
    const count = readSync(descriptor, chunk, 0, chunk.length, null)
    if (count === 0) break
    total += count
    if (total > limit) throw new FileReadRefusal('too-large', `holds more than ${limit} bytes`)
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count))
    // A full buffer: more is coming, read larger; a short one was most likely the end, confirm it cheaply.
    next = count === chunk.length ? Math.min(Math.max(chunk.length * 2, 4096), 1 << 20) : 4096
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

/**
 * What kind of special file this is, in words.
 *
 * @param stats - Its status.
 * @returns For example `is a named pipe (FIFO)`.
 */
export function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'is a folder'
  if (stats.isFIFO()) return 'is a named pipe (FIFO)'
  if (stats.isCharacterDevice()) return 'is a character device'
  if (stats.isBlockDevice()) return 'is a block device'
  if (stats.isSocket()) return 'is a socket'
  return 'is a special file'
}
