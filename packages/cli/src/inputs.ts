import {readdirSync, statSync, type Dirent, type Stats} from 'node:fs'
import {dirname, join, resolve, sep} from 'node:path'
import {createIgnoreFilter, describeKind} from '@destigma/config'
import {formatExtensions, formatFromName} from '@destigma/formats'
import {displayPath} from './paths.js'

/** Something to lint: a file, or standard input. */
export type Target = {kind: 'file'; path: string} | {kind: 'stdin'}

/** What the paths on the command line expand to. */
export interface Collected {
  targets: Target[]
  /** Paths that could not be used; each makes the exit code 2. */
  problems: string[]
  /** Files named on the command line but skipped because an ignore file lists them. */
  skipped: string[]
  /** Special files (FIFOs, devices, sockets, or links to them) a folder walk passed over; said on stderr, not an error. */
  passedOver: string[]
}

const readable = Object.values(formatExtensions)
  .flat()
  .map((extension) => `.${extension}`)
  .join(', ')

/**
 * Expand paths, folders and globs into files to lint, in the order given, each folder's files
 * sorted, each file once. Folders are walked without following links to folders, skipping
 * node_modules, dot-folders and what `.gitignore` and `.destigmaignore` list.
 *
 * @param paths - The paths as typed (`-` is standard input).
 * @param cwd - The folder they are relative to.
 * @returns Targets, problems and skipped files.
 */
export async function collectTargets(paths: string[], cwd: string): Promise<Collected> {
  const collected: Collected = {targets: [], problems: [], skipped: [], passedOver: []}
  const seen = new Set<string>()
  const add = (path: string): void => {
    if (seen.has(path)) return
    seen.add(path)
    collected.targets.push({kind: 'file', path})
  }
  const explicitFilters = new Map<string, (path: string) => boolean>()
  for (const given of paths) {
    if (given === '-') {
      if (!seen.has('-')) collected.targets.push({kind: 'stdin'})
      seen.add('-')
      continue
    }
    const absolute = resolve(cwd, given)
    let kind: 'file' | 'folder' | undefined
    try {
      kind = statSync(absolute).isDirectory() ? 'folder' : 'file'
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        collected.problems.push(`${given}: ${code === 'EACCES' ? 'permission denied' : `cannot be read (${code})`}`)
        continue
      }
    }
    if (kind === 'folder') {
      for (const file of walk(absolute, cwd, collected)) add(file)
    } else if (kind === 'file') {
      if (!formatFromName(absolute)) {
        collected.problems.push(`${given}: destigma does not read this kind of file (it reads ${readable})`)
        continue
      }
      // Named files honour ignore files, but not the walk's dot-folder and node_modules skipping.
      const folder = dirname(absolute)
      let ignored = explicitFilters.get(folder)
      if (!ignored) explicitFilters.set(folder, (ignored = createIgnoreFilter(folder)))
      if (ignored(absolute)) collected.skipped.push(given)
      else add(absolute)
    } else if ((await import('tinyglobby')).isDynamicPattern(given)) {
      // Loaded only for patterns, to keep start-up short.
      const matches = await expandGlob(given, cwd)
      if (matches.length === 0) collected.problems.push(`${given}: no files match this pattern`)
      for (const file of matches) add(file)
    } else {
      collected.problems.push(`${given}: no such file or folder`)
    }
  }
  return collected
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const ignored = createIgnoreFilter(cwd)
  const {glob} = await import('tinyglobby')
  const found = await glob(pattern, {cwd, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false, ignore: ['**/node_modules/**']})
  return found.filter((file) => formatFromName(file) && !ignored(file)).sort()
}

/** Files in a folder, depth first in name order; unreadable folders go to `problems`, special files to `passedOver`. */
function walk(root: string, cwd: string, {problems, passedOver}: Pick<Collected, 'problems' | 'passedOver'>): string[] {
  const ignored = createIgnoreFilter(root)
  const files: string[] = []
  const visit = (folder: string): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      problems.push(`${displayPath(folder, cwd)}: cannot read this folder (${code === 'EACCES' ? 'permission denied' : code})`)
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!ignored(path + sep)) visit(path)
      } else if (!formatFromName(entry.name) || ignored(path)) {
        continue
      } else if (entry.isFile()) {
        files.push(path)
      } else if (entry.isSymbolicLink()) {
        const kind = linkTarget(path)
        if (kind === 'file') files.push(path)
        else if (kind !== 'folder') passedOver.push(`${displayPath(path, cwd)}: skipped, it links to something that ${kind}, not a regular file`)
      } else {
        passedOver.push(`${displayPath(path, cwd)}: skipped, it ${specialKind(entry)}, not a regular file`)
      }
    }
  }
  visit(root)
  return files
}

/**
 * What a link found by the walk points at. Links to folders are not followed (they can loop);
 * a broken link counts as a file, to be reported when read.
 */
function linkTarget(path: string): string {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch {
    return 'file'
  }
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : describeKind(stats)
}

function specialKind(entry: Dirent): string {
  if (entry.isFIFO()) return 'is a named pipe (FIFO)'
  if (entry.isSocket()) return 'is a socket'
  if (entry.isCharacterDevice()) return 'is a character device'
  if (entry.isBlockDevice()) return 'is a block device'
  return 'is a special file'
}
