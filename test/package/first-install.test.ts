import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root} from './packages.js'

// A new user's first command is the README's install. It must print no warning of ours:
// no bin that points at a dist/ not built yet, no build script left undecided.

const copy = mkdtempSync(join(tmpdir(), 'destigma-first-install-'))
afterAll(() => rmSync(copy, {recursive: true, force: true}))

/** The files git tracks, copied without node_modules or build output, as a fresh clone has them. */
function cloneTrackedFiles(): void {
  const listed = spawnSync('git', ['ls-files', '-z'], {cwd: root, encoding: 'utf8'})
  expect(listed.status).toBe(0)
  for (const file of listed.stdout.split('\0').filter(Boolean)) cpSync(join(root, file), join(copy, file), {recursive: true})
}

describe('the first install', () => {
  it('prints no warning', () => {
    cloneTrackedFiles()
    // pnpm runs this suite, so the README's pnpm is already in npx's cache; --offline uses the store.
    const install = spawnSync('npx', ['--yes', 'pnpm@10.34.9', 'install', '--frozen-lockfile', '--offline'], {cwd: copy, encoding: 'utf8', timeout: 240_000, env: {...process.env, CI: '1'}})
    const output = `${install.stdout}\n${install.stderr}`
    expect(install.status, output).toBe(0)
    expect(output).not.toMatch(/WARN|Ignored build scripts|approve-builds/)
  }, 300_000)
})
