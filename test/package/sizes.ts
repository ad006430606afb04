// Installed size of each published package, and the size of the VS Code extension.
//
//   pnpm build && npx tsx test/package/sizes.ts
//
// Packs each package with pnpm, installs its tarball alone with npm into its own empty folder
// (so "with dependencies" is what `npm install <package>` adds to a project), and prints a
// Markdown table for docs/performance.md. Sizes are the sum of the files' sizes, as
// `du --apparent-size` counts them, so they do not depend on the file system's block size.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createProject, npmInstall, packAll, publishable, root} from './packages.js'

interface Tally {
  bytes: number
  files: number
}

/** Total size and number of the files under a folder. */
function tally(folder: string): Tally {
  const files = readdirSync(folder, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
  return {bytes: files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0), files: files.length}
}

/** How many packages npm installed in a project (its hidden lockfile lists each one). */
function packageCount(project: string): number {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules/.package-lock.json'), 'utf8')) as {packages: Record<string, unknown>}
  return Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/')).length
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toLocaleString('en-GB', {maximumFractionDigits: 0})} KB`

const work = mkdtempSync(join(tmpdir(), 'destigma-sizes-'))
try {
  const tarballs = packAll(join(work, 'tarballs'))
  console.log('| Package | Tarball | Installed (files) | With dependencies (packages) |')
  console.log('| --- | ---: | ---: | ---: |')
  for (const {name} of publishable) {
    const tarball = tarballs[name] as string
    const project = join(work, name)
    createProject(project)
    npmInstall(project, [tarball])
    const own = tally(join(project, 'node_modules', name))
    const all = tally(join(project, 'node_modules'))
    const packages = packageCount(project)
    console.log(`| \`${name}\` | ${kilobytes(statSync(tarball).size)} | ${kilobytes(own.bytes)} (${own.files}) | ${kilobytes(all.bytes)} (${packages}) |`)
  }

  const vsix = join(work, 'vscode-destigma.vsix')
  const vsce = spawnSync(process.execPath, [join(root, 'packages/vscode/node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: join(root, 'packages/vscode'),
    encoding: 'utf8'
  })
  if (vsce.status !== 0) throw new Error(`vsce package failed:\n${vsce.stdout}\n${vsce.stderr}`)
  console.log(`\n\`vscode-destigma\` .vsix: ${kilobytes(statSync(vsix).size)}`)
} finally {
  rmSync(work, {recursive: true, force: true})
}
