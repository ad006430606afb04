#!/usr/bin/env node
// The differential check's reference: the built CLI's JSON (findings, and the fixed text of
// --fix-dry-run) on every fixture, the corpus documents and the generated tree. Record it from a
// commit whose findings are right, then refactor: differential.test.ts holds the CLI to it.
// Re-record (`node test/differential/record.mjs`, after `pnpm build`) only in a commit that
// means to change findings (a rule or the engine's judgement), and say so in its message.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeDifferentialTree} from './tree.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../..')
const cli = join(root, 'packages/cli/dist/cli.js')

/** The CLI's JSON for some paths, with file paths relative to `cwd`, in a stable order. */
function run(cwd, paths, extra = []) {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', ...extra, ...paths], {cwd, encoding: 'utf8', maxBuffer: 2 ** 28})
  if (result.status === 2 || result.stdout === '') throw new Error(`destigma failed in ${cwd}: ${result.stderr}`)
  return JSON.parse(result.stdout)
    .map((file) => ({...file, filePath: file.filePath.slice(cwd.length + 1)}))
    .sort((a, b) => a.filePath.localeCompare(b.filePath))
}

/**
 * The CLI's output on every input of the differential check.
 *
 * @returns {{findings: object[], fixed: object[]}} Findings, and the fixed text of each file a fix would change.
 */
export function differentialOutput() {
  const inputs = ['fixtures', 'test/corpus']
  const tree = mkdtempSync(join(tmpdir(), 'destigma-differential-'))
  try {
    writeDifferentialTree(tree)
    const findings = [...run(root, inputs), ...run(tree, ['.']).map((file) => ({...file, filePath: `tree/${file.filePath}`}))]
    const fixed = [...run(root, inputs, ['--fix-dry-run']), ...run(tree, ['.'], ['--fix-dry-run']).map((file) => ({...file, filePath: `tree/${file.filePath}`}))]
      .filter((file) => file.output !== undefined)
      .map((file) => ({filePath: file.filePath, output: file.output}))
    return {findings, fixed}
  } finally {
    rmSync(tree, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).stdout.trim()
  writeFileSync(join(here, 'before.json'), JSON.stringify({recordedAt: commit, ...differentialOutput()}) + '\n')
  console.log(`recorded test/differential/before.json from ${commit}`)
}
