import {constants} from 'node:fs'
import {access, open, realpath, rename, stat, unlink, type FileHandle} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {isMainThread} from 'node:worker_threads'
import {InputError} from './errors.js'

/**
 * The temporary file a fix of `target` is written to before it replaces it. The name is fixed
 * for this process (each file is fixed once per run), so an interrupted run can remove it
 * knowing only the target: see {@link removeTemporaryFiles}.
 *
 * @param target - The real path of the file being fixed.
 * @returns The temporary file's path, beside it.
 */
export const temporaryPathFor = (target: string): string => join(dirname(target), `.${basename(target)}.destigma-${process.pid}.tmp`)

/**
 * Replace a file's content atomically: write a temporary file beside it, flush it to disk, then
 * rename it over the original, so a crash or a full disk never leaves a half-written file.
 *
 * The rename would let anyone who may write the folder replace a file they may not write, and
 * would hand the file to them; so a file the user could not open for writing is refused, the
 * mode, owner and group are copied to the new file (refused when they cannot be), and a file
 * with several hard links is refused rather than split from its other names. A link is written
 * through to its target, and a file changed since it was read is left alone.
 *
 * @param path - The file.
 * @param content - The new content.
 * @param readAt - The file's modification time when it was read.
 * @throws {InputError} When the file changed since it was read, or cannot be written as it is.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, readAt: number): Promise<void> {
  const target = await realpath(path)
  const before = await stat(target)
  if (before.mtimeMs !== readAt) throw new InputError('changed while destigma was fixing it; not written (run again)')
  try {
    await access(target, constants.W_OK)
  } catch {
    throw new InputError('is not writable by you, so --fix leaves it alone (its fixes are listed)')
  }
  if (before.nlink > 1)
    throw new InputError(`has ${before.nlink} hard links, and replacing it would cut it off from the others; not written (apply the changes --fix-dry-run shows, or copy the file first)`)
  const temporary = temporaryPathFor(target)
  await replaceWith(temporary, target, () =>
    writeTemporary(temporary, content, 0o600, async (handle) => {
      await handle.chown(before.uid, before.gid).catch(() => undefined)
      await handle.chmod(before.mode & 0o7777)
      const written = await handle.stat()
      if (written.uid !== before.uid || written.gid !== before.gid)
        throw new InputError(`belongs to user ${before.uid} and group ${before.gid}, which --fix cannot keep when you write it; not written (run destigma as its owner)`)
    })
  )
}

/**
 * Write the temporary file, rename it over the target and make the rename durable; on failure
 * remove the temporary file, and on an interrupt too.
 */
async function replaceWith(temporary: string, target: string, write: () => Promise<void>): Promise<void> {
  // On a worker the main thread does this for the whole run (see interrupt-cleanup.ts).
  const release = isMainThread ? (await import('./interrupt-cleanup.js')).removeOnInterrupt(() => [temporary]) : undefined
  try {
    await write()
    await rename(temporary, target)
  } catch (error) {
    throw await writeFailure(error, temporary)
  } finally {
    release?.()
  }
  await syncFolder(dirname(target))
}

/** Write the temporary file, let `prepare` set it up (owner, mode), and flush it to disk. */
async function writeTemporary(temporary: string, content: string | Uint8Array, mode: number, prepare?: (handle: FileHandle) => Promise<void>): Promise<void> {
  // Left behind by a run of an earlier process with the same id, killed before it could clean up.
  await unlink(temporary).catch(() => undefined)
  const handle = await open(temporary, 'wx', mode)
  try {
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined)
    await prepare?.(handle)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Remove the temporary file and say why the write failed, in the user's terms. */
async function writeFailure(error: unknown, temporary: string): Promise<InputError> {
  await unlink(temporary).catch(() => undefined)
  if (error instanceof InputError) return error
  const code = (error as NodeJS.ErrnoException).code
  return new InputError(`cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such folder' : code ?? String(error)})`)
}

/** Make the rename itself durable; some filesystems cannot sync a folder, which is no reason to fail. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Best effort only.
  }
}

/**
 * Write a new file, or replace an existing one atomically (as {@link writeAtomically} does):
 * the `--docx-output` copy.
 *
 * @param path - The file.
 * @param content - Its bytes.
 * @throws {InputError} When it cannot be written.
 */
export async function writeFileAtomically(path: string, content: Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined)
  if (existing) return writeAtomically(path, content, existing.mtimeMs)
  const temporary = temporaryPathFor(join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path)))
  await replaceWith(temporary, path, () => writeTemporary(temporary, content, 0o666))
}
