import {readFileSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'

/** Ignore files read in every folder, in gitignore syntax. */
const ignoreNames = ['.gitignore', '.destigmaignore']

/**
 * A filter for files found by walking `root`: a path is ignored when it is inside
 * `node_modules` or a dot-folder below `root`, or when a `.gitignore` or `.destigmaignore`
 * in its folder or any folder above it (up to the repository's top, the folder holding `.git`)
 * ignores it. Nearer ignore files can re-include (`!pattern`) what farther ones exclude.
 *
 * @param root - The folder being walked; dot-folders and node_modules count only below it.
 * @returns A predicate: `true` means ignored. A path ending in a separator is tested as a folder,
 *   so a walk can skip an ignored folder without reading it.
 */
export function createIgnoreFilter(root: string): (absolutePath: string) => boolean {
  const perFolder = new Map<string, Ignore | null>()
  const rulesIn = (folder: string): Ignore | null => {
    let rules = perFolder.get(folder)
    if (rules === undefined) {
      rules = readIgnoreFiles(folder)
      perFolder.set(folder, rules)
    }
    return rules
  }
  const chains = new Map<string, string[]>()
  const chainFor = (folder: string): string[] => {
    let chain = chains.get(folder)
    if (!chain) {
      const parent = dirname(folder)
      chain = isRepositoryTop(folder) || parent === folder ? [folder] : [...chainFor(parent), folder]
      chains.set(folder, chain)
    }
    return chain
  }

  return (absolutePath) => {
    const isFolder = absolutePath.endsWith('/') || absolutePath.endsWith(sep)
    const path = isFolder ? absolutePath.replace(/[\\/]+$/, '') : absolutePath
    const below = relative(root, path)
    if (below !== '' && !below.startsWith('..') && !isAbsolute(below)) {
      const names = below.split(sep)
      const folders = isFolder ? names : names.slice(0, -1)
      if (folders.some((name) => name === 'node_modules' || name.startsWith('.'))) return true
    }
    let ignored = false
    for (const folder of chainFor(dirname(path))) {
      const rules = rulesIn(folder)
      if (!rules) continue
      const verdict = rules.test(relative(folder, path).split(sep).join('/') + (isFolder ? '/' : ''))
      if (verdict.ignored) ignored = true
      else if (verdict.unignored) ignored = false
    }
    return ignored
  }
}

function readIgnoreFiles(folder: string): Ignore | null {
  let rules: Ignore | null = null
  for (const name of ignoreNames) {
    let text: string
    try {
      text = readFileSync(join(folder, name), 'utf8')
    } catch {
      continue
    }
    rules ??= ignore()
    rules.add(text)
  }
  return rules
}

function isRepositoryTop(folder: string): boolean {
  try {
    statSync(join(folder, '.git'))
    return true
  } catch {
    return false
  }
}
