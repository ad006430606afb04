import {readdirSync, type Dirent} from 'node:fs'
import {extname, join} from 'node:path'

/** Folders nested deeper than this below a custom-rules folder are a mistake (or a trap), not a rule set. */
export const maxRuleFolderDepth = 16
/** More rule files than this in one folder is a mistake; each one is parsed and compiled on every run. */
export const maxRuleFiles = 1000
/** Entries looked at (files and folders of any kind), so naming `/` or `/proc` ends quickly. */
export const maxRuleFolderEntries = 20_000

const ruleExtensions = new Set(['.yml', '.yaml'])

/**
 * The YAML files in a custom-rules folder, at any depth up to {@link maxRuleFolderDepth}, in
 * name order. Links to folders are not followed (two links to the folder itself would walk
 * forever), links to files are kept and checked when read.
 *
 * @param root - The folder.
 * @returns Absolute paths, sorted.
 * @throws {Error} With a sentence saying which bound was passed, for the caller to place in the config file.
 */
export function walkRuleFolder(root: string): string[] {
  const files: string[] = []
  let entriesSeen = 0
  // Iterative, so depth costs no stack.
  const pending: Array<{folder: string; depth: number}> = [{folder: root, depth: 0}]
  while (pending.length > 0) {
    const {folder, depth} = pending.pop() as {folder: string; depth: number}
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch (error) {
      throw new Error(`cannot read the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
    entriesSeen += entries.length
    if (entriesSeen > maxRuleFolderEntries) throw new Error(`holds more than ${maxRuleFolderEntries} files and folders; name the folder that holds just the rules`)
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (depth + 1 > maxRuleFolderDepth) throw new Error(`has folders nested more than ${maxRuleFolderDepth} deep (${path}); keep rules in a shallower folder`)
        pending.push({folder: path, depth: depth + 1})
      } else if ((entry.isFile() || entry.isSymbolicLink()) && ruleExtensions.has(extname(entry.name))) {
        files.push(path)
        if (files.length > maxRuleFiles) throw new Error(`holds more than ${maxRuleFiles} rule files; split them between folders named one by one`)
      }
    }
  }
  // Sorted by path as `readdirSync({recursive})` listed them before, so rule order does not change.
  return files.sort()
}
