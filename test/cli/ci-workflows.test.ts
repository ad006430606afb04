import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {archivePage, writeArchive} from '../bench/archive.mjs'
import {runAction} from './action-helpers.js'
import {commitAll, git} from './git-helpers.js'
import {cli, jsonOf, stackLines, workspace} from './helpers.js'

interface SarifLog {
  runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
}
const sarifFiles = (text: string): string[] => [...new Set((JSON.parse(text) as SarifLog).runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri ?? ''))]

describe('lint a pull request’s changed files (--changed-since)', () => {
  /** A repository on `main`, and a branch `feature` that edits, renames, deletes and adds files, partly uncommitted. */
  function pullRequest(): string {
    const folder = workspace({
      'docs/edited.md': 'People who use drugs.\n',
      'docs/renamed.md': 'The junkie left.\n',
      'docs/deleted.md': 'The junkie left.\n',
      'docs/untouched.md': 'The junkie stayed.\n',
      'docs/ignored.md': 'Fine.\n',
      'blog/post.md': 'Fine.\n',
      '.destigmaignore': 'docs/ignored.md\n'
    })
    commitAll(folder)
    git(folder, 'checkout', '-q', '-b', 'feature')
    writeFileSync(join(folder, 'docs/edited.md'), 'People who use drugs, and an addict.\n')
    git(folder, 'mv', 'docs/renamed.md', 'docs/moved here.md')
    git(folder, 'rm', '-q', 'docs/deleted.md')
    writeFileSync(join(folder, 'docs/ignored.md'), 'The junkie, ignored.\n')
    writeFileSync(join(folder, 'blog/post.md'), 'A crackhead.\n')
    git(folder, 'commit', '-q', '-am', 'feature')
    // Not yet committed: an edit and a new file.
    writeFileSync(join(folder, 'docs/new.md'), 'The junkie is new.\n')
    return folder
  }

  it('checks what git reports changed (renames followed, deletions skipped, ignore files honoured), within the paths given', () => {
    const folder = pullRequest()
    const all = cli(['--changed-since', 'main', '--format', 'json'], {cwd: folder, noStdin: true})
    expect(all.status, all.stderr).toBe(1)
    expect(jsonOf(all).map((file) => file.filePath.slice(folder.length + 1))).toEqual(['blog/post.md', 'docs/edited.md', 'docs/moved here.md', 'docs/new.md'])

    const docs = cli(['--changed-since', 'main', '--format', 'sarif', 'docs'], {cwd: folder})
    expect(sarifFiles(docs.stdout)).toEqual(['docs/edited.md', 'docs/moved%20here.md', 'docs/new.md'])

    const github = cli(['--changed-since', 'main', '--format', 'github', 'blog'], {cwd: folder})
    expect(github.stdout.trim().split('\n')).toHaveLength(1)
    expect(github.stdout).toMatch(/^::error file=blog\/post\.md,/)

    // From a subfolder, paths are still right.
    const inside = cli(['--changed-since', 'main', '--format', 'json', '.'], {cwd: join(folder, 'docs')})
    expect(jsonOf(inside).map((file) => file.filePath.slice(folder.length + 1))).toEqual(['docs/edited.md', 'docs/moved here.md', 'docs/new.md'])
  })

  it('says so when nothing changed, and fails with git’s reason on a bad ref or outside a repository', () => {
    const folder = pullRequest()
    const none = cli(['--changed-since', 'HEAD', 'blog'], {cwd: folder})
    expect(none.status).toBe(0)
    expect(none.stderr).toContain('no files in blog changed since HEAD')

    const bad = cli(['--changed-since', 'no-such-branch', 'docs'], {cwd: folder})
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--changed-since no-such-branch: git says ".+" \(in CI, fetch the history it needs: actions\/checkout with fetch-depth: 0\)/)
    expect(stackLines(bad.stderr)).toEqual([])

    const outside = cli(['--changed-since', 'main', '.'], {cwd: workspace({'a.md': 'Fine.\n'})})
    expect(outside.status).toBe(2)
    expect(outside.stderr).toContain('is not inside a git repository')
  })

  it('the Action passes its changed-since input, so SARIF covers only the changed files', () => {
    const folder = pullRequest()
    const run = runAction(folder, {paths: 'docs', 'changed-since': 'main'})
    expect(run.outputs['exit-code']).toBe('1')
    expect(sarifFiles(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'))).toEqual(['docs/edited.md', 'docs/moved%20here.md', 'docs/new.md'])
    const everything = runAction(folder, {paths: 'docs'})
    expect(sarifFiles(readFileSync(everything.outputs['sarif-file'] ?? '', 'utf8'))).toContain('docs/untouched.md')
  })
})

describe('shard across a matrix and merge the reports (--shard, merge-reports)', () => {
  const shards = 4
  /** Run every shard as a matrix job would, each writing its own report. */
  function matrix(folder: string, format: 'json' | 'sarif'): string[] {
    const reports: string[] = []
    for (let index = 1; index <= shards; index++) {
      const run = cli(['--shard', `${index}/${shards}`, '--format', format, 'archive'], {cwd: folder})
      expect(run.status, run.stderr).toBe(1)
      const report = join(folder, `shard-${index}.${format}`)
      writeFileSync(report, run.stdout)
      reports.push(report)
    }
    return reports
  }

  it('splits the files with no overlap and merges JSON and SARIF into exactly the unsharded report', () => {
    const folder = mkdtempSync(join(tmpdir(), 'destigma-shards-'))
    const pages = writeArchive(folder, 240, 1)
    commitAll(folder)
    const whole = cli(['--format', 'json', 'archive'], {cwd: folder})
    const reports = matrix(folder, 'json')
    const parts = reports.map((report) => (JSON.parse(readFileSync(report, 'utf8')) as Array<{filePath: string}>).map((file) => file.filePath))
    expect(parts.flat().sort()).toEqual(pages.map((page) => join(folder, page)).sort())
    for (const part of parts) expect(part.length).toBeGreaterThan(0)

    const merged = cli(['merge-reports', ...reports.map((report) => report.slice(folder.length + 1))], {cwd: folder})
    expect(merged.status, merged.stderr).toBe(0)
    expect(merged.stdout).toBe(whole.stdout)

    const wholeSarif = cli(['--format', 'sarif', 'archive'], {cwd: folder})
    const mergedSarif = cli(['merge-reports', ...matrix(folder, 'sarif')], {cwd: folder})
    expect(mergedSarif.status, mergedSarif.stderr).toBe(0)
    expect(mergedSarif.stdout).toBe(wholeSarif.stdout)
  }, 120_000)

  it('balances shards by size, not count, and keeps files in place when files are added', () => {
    const folder = mkdtempSync(join(tmpdir(), 'destigma-shard-balance-'))
    const pages = writeArchive(folder, 400, 0)
    // A few very long pages: a count-based split would load some shards far more than others.
    for (const index of [3, 50, 51, 52]) writeFileSync(join(folder, pages[index] as string), archivePage(index, 0).repeat(80))
    const assignment = (): Map<string, number> => {
      const owner = new Map<string, number>()
      for (let index = 1; index <= shards; index++) {
        const run = cli(['--shard', `${index}/${shards}`, '--format', 'json', 'archive'], {cwd: folder})
        for (const file of jsonOf(run)) owner.set(file.filePath, index)
      }
      return owner
    }
    const before = assignment()
    const sizes = Array.from({length: shards}, () => 0)
    for (const [path, index] of before) sizes[index - 1] = (sizes[index - 1] as number) + readFileSync(path).length + 2048
    const even = sizes.reduce((sum, size) => sum + size, 0) / shards
    for (const size of sizes) expect(Math.abs(size - even) / even).toBeLessThan(0.1)

    for (let index = 400; index < 410; index++) writeFileSync(join(folder, `archive/extra-${index}.md`), archivePage(index, 0))
    const after = assignment()
    const moved = [...before].filter(([path, index]) => after.get(path) !== index).length
    expect(moved / before.size).toBeLessThan(0.1)
  }, 120_000)

  it('rejects a bad --shard and bad reports with exit 2', () => {
    const folder = workspace({'a.md': 'Fine.\n', 'report.json': '{"not": "a report"}', 'log.sarif': '{"runs": [{"results": []}]}', 'list.json': '[]'})
    for (const value of ['0/3', '4/3', '1/0', 'two/three', '1-3']) {
      const run = cli(['--shard', value, '.'], {cwd: folder})
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('--shard takes i/n with 1 <= i <= n')
    }
    expect(cli(['merge-reports', 'report.json'], {cwd: folder}).stderr).toContain('neither a destigma JSON report nor a SARIF log')
    expect(cli(['merge-reports', 'missing.json'], {cwd: folder}).stderr).toContain('missing.json: cannot be read (ENOENT)')
    expect(cli(['merge-reports', 'list.json', 'log.sarif'], {cwd: folder}).stderr).toContain('not both')
    expect(cli(['merge-reports'], {cwd: folder}).status).toBe(2)
  })
})

