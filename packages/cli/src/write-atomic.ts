import {chmod, realpath, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {InputError} from './errors.js'

/**
 * Replace a file's content atomically: write a temporary file beside it, then rename it over
 * the original, so a crash or a full disk never leaves a half-written file. The mode is kept,
 * a link is written through to its target, and a file changed since it was read is left alone.
 *
 * @param path - The file.
 * @param content - The new content.
 * @param readAt - The file's modification time when it was read.
 * @throws {InputError} When the file changed since it was read, or cannot be written.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, readAt: number): Promise<void> {
  const target = await realpath(path)
  const before = await stat(target)
  if (before.mtimeMs !== readAt) throw new InputError('changed while destigma was fixing it; not written (run again)')
  const temporary = join(dirname(target), `.${basename(target)}.destigma-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`)
  try {
    await writeFile(temporary, content, {encoding: 'utf8', flag: 'wx', mode: before.mode})
    await chmod(temporary, before.mode)
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? String(error)})`)
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
  const temporary = join(dirname(path), `.${basename(path)}.destigma-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`)
  try {
    await writeFile(temporary, content, {flag: 'wx'})
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such folder' : code ?? String(error)})`)
  }
}
