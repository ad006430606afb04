import {isAbsolute, relative} from 'node:path'

/**
 * A path as people read it: relative to the working folder when inside it, else absolute.
 *
 * @param path - An absolute path.
 * @param cwd - The working folder.
 * @returns The path to show.
 */
export function displayPath(path: string, cwd: string): string {
  const below = relative(cwd, path)
  return below === '' || below.startsWith('..') || isAbsolute(below) ? path : below
}
