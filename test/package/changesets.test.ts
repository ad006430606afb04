import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {publishable, readManifest, root, run} from './packages.js'

// Runs `changeset version` on a copy of the workspace's manifests, changelogs and changesets
// config, with one changeset for retext-stigma alone, and checks what a release would bump.

const copy = mkdtempSync(join(tmpdir(), 'destigma-changesets-'))
afterAll(() => rmSync(copy, {recursive: true, force: true}))

const packageDirs = readdirSync(join(root, 'packages'))
  .map((dir) => `packages/${dir}`)
  .filter((dir) => existsSync(join(root, dir, 'package.json')))

function copyFromRepository(path: string): void {
  mkdirSync(join(copy, path, '..'), {recursive: true})
  copyFileSync(join(root, path), join(copy, path))
}

describe('changeset version', () => {
  it('bumps the three published packages together and leaves private ones alone', () => {
    for (const path of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) copyFromRepository(path)
    for (const dir of packageDirs) {
      copyFromRepository(`${dir}/package.json`)
      if (existsSync(join(root, dir, 'CHANGELOG.md'))) copyFromRepository(`${dir}/CHANGELOG.md`)
    }
    writeFileSync(join(copy, '.changeset/engine-change.md'), '---\n"retext-stigma": minor\n---\n\nA new rule.\n')

    run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {cwd: copy})

    const before = readManifest(join(root, 'packages/retext-stigma/package.json')).version
    const [major, minor] = before.split('.').map(Number)
    const next = `${major}.${(minor ?? 0) + 1}.0`
    for (const {name, dir} of publishable) {
      expect(readManifest(join(copy, dir, 'package.json')).version, name).toBe(next)
      const changelog = readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8')
      expect(changelog.startsWith(`# ${name}\n\n## ${next}\n`), name).toBe(true)
      expect(changelog, name).toContain(`\n## ${before}\n`)
    }
    expect(readFileSync(join(copy, 'packages/retext-stigma/CHANGELOG.md'), 'utf8')).toContain('- A new rule.')
    for (const dir of packageDirs.filter((dir) => !publishable.some((entry) => entry.dir === dir)))
      expect(readFileSync(join(copy, dir, 'package.json'), 'utf8'), dir).toBe(readFileSync(join(root, dir, 'package.json'), 'utf8'))
    expect(existsSync(join(copy, '.changeset/engine-change.md'))).toBe(false)
  })
})
