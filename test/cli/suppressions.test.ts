import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {archivePath, writeArchive} from '../bench/archive.mjs'
import {cli, jsonOf, stackLines, workspace} from './helpers.js'
import {commitAll, git} from './git-helpers.js'

type Counts = Record<string, Record<string, {count: number}>>
const readCounts = (folder: string, name = 'destigma-suppressions.json'): Counts => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Counts
const total = (counts: Counts): number => Object.values(counts).reduce((sum, rules) => sum + Object.values(rules).reduce((inner, {count}) => inner + count, 0), 0)

describe('bulk suppressions: adopt on an archive, fail only on new findings', () => {
  it('suppresses 2,000 findings in 500 files; after 10 edits elsewhere and 3 new findings, the run fails on exactly the 3', () => {
    const folder = mkdtempSync(join(tmpdir(), 'destigma-archive-'))
    writeArchive(folder, 500, 4)
    commitAll(folder)

    const before = cli(['--format', 'json', '.'], {cwd: folder})
    expect(before.status).toBe(1)
    expect(jsonOf(before).flatMap((file) => file.messages)).toHaveLength(2000)

    const suppress = cli(['--suppress-all', '.'], {cwd: folder})
    expect(suppress.status, suppress.stderr).toBe(0)
    expect(suppress.stdout).toBe('')
    expect(suppress.stderr).toContain('2000 findings suppressed')
    const counts = readCounts(folder)
    expect(Object.keys(counts)).toHaveLength(500)
    expect(total(counts)).toBe(2000)
    expect(counts[archivePath(0)]).toEqual({addict: {count: 2}, junkie: {count: 2}})
    git(folder, 'add', '-A')
    git(folder, 'commit', '-q', '-m', 'suppress')

    // Ten edits elsewhere in ten files: every finding in them moves, none is added.
    for (let index = 10; index < 20; index++) {
      const path = join(folder, archivePath(index))
      writeFileSync(path, `New opening paragraph number ${index}.\n\nAnother one, to move every line.\n\n` + readFileSync(path, 'utf8'))
    }
    // Three new findings, each of a rule its file had none of.
    for (const index of [100, 200, 300]) writeFileSync(join(folder, archivePath(index)), readFileSync(join(folder, archivePath(index)), 'utf8') + '\nA crackhead was mentioned.\n')

    const after = cli(['--format', 'json', '.'], {cwd: folder})
    expect(after.status, after.stderr).toBe(1)
    const reported = jsonOf(after).flatMap((file) => file.messages.map((message) => ({file: file.filePath, ruleId: message.ruleId})))
    expect(reported).toEqual([100, 200, 300].map((index) => ({file: join(folder, archivePath(index)), ruleId: 'crackhead'})))
    expect(after.stderr).toContain('2000 findings suppressed by destigma-suppressions.json')

    // The file's paths are relative and POSIX-style: a checkout elsewhere reads the same file.
    const elsewhere = mkdtempSync(join(tmpdir(), 'destigma-other-checkout-'))
    cpSync(folder, elsewhere, {recursive: true})
    const moved = cli(['--format', 'json', 'archive/0000'], {cwd: elsewhere})
    expect(moved.status, moved.stderr).toBe(0)
    expect(jsonOf(moved).flatMap((file) => file.messages)).toEqual([])
    rmSync(elsewhere, {recursive: true, force: true})
    rmSync(folder, {recursive: true, force: true})
  }, 120_000)

  const archive = (): string =>
    workspace({
      'docs/a.md': 'The junkie left.\n\nAn addict came.\n',
      'docs/b.md': 'One junkie, then another junkie.\n',
      'docs/clean.md': 'Nothing to see.\n'
    })

  it('counts per file and rule: more findings of a rule than allowed reports them all, as ESLint does', () => {
    const folder = archive()
    expect(cli(['--suppress-all', 'docs'], {cwd: folder}).status).toBe(0)
    writeFileSync(join(folder, 'docs/b.md'), 'One junkie, then another junkie, then a third junkie.\n')
    const run = cli(['--format', 'json', 'docs'], {cwd: folder})
    expect(run.status).toBe(1)
    const files = jsonOf(run)
    expect(files.find((file) => file.filePath.endsWith('b.md'))?.messages.map((message) => message.ruleId)).toEqual(['junkie', 'junkie', 'junkie'])
    expect(files.find((file) => file.filePath.endsWith('a.md'))?.messages).toEqual([])
  })

  it('reports fixed suppressions and exits 2, unless --pass-on-unpruned-suppressions; --prune-suppressions lowers the counts', () => {
    const folder = archive()
    cli(['--suppress-all', 'docs'], {cwd: folder})
    writeFileSync(join(folder, 'docs/b.md'), 'One junkie only.\n')
    const stale = cli(['docs'], {cwd: folder})
    expect(stale.status).toBe(2)
    expect(stale.stderr).toContain('1 suppressed finding fixed since destigma-suppressions.json was written')
    expect(stale.stderr).toContain('docs/b.md: junkie (1 of 2 left)')
    expect(stale.stderr).toContain('--prune-suppressions')
    expect(stackLines(stale.stderr)).toEqual([])

    expect(cli(['--pass-on-unpruned-suppressions', 'docs'], {cwd: folder}).status).toBe(0)

    const prune = cli(['--prune-suppressions', 'docs'], {cwd: folder})
    expect(prune.status, prune.stderr).toBe(0)
    expect(readCounts(folder)['docs/b.md']).toEqual({junkie: {count: 1}})
    expect(cli(['docs'], {cwd: folder}).status).toBe(0)

    // A deleted file's suppressions are stale too.
    rmSync(join(folder, 'docs/b.md'))
    const deleted = cli(['docs'], {cwd: folder})
    expect(deleted.status).toBe(2)
    expect(deleted.stderr).toContain('docs/b.md: junkie (0 of 1 left)')
    cli(['--prune-suppressions', 'docs'], {cwd: folder})
    expect(readCounts(folder)['docs/b.md']).toBeUndefined()
  })

  it('files the run did not check are neither stale nor pruned', () => {
    const folder = archive()
    cli(['--suppress-all', 'docs'], {cwd: folder})
    expect(cli(['docs/clean.md'], {cwd: folder}).status).toBe(0)
    cli(['--prune-suppressions', 'docs/clean.md'], {cwd: folder})
    expect(total(readCounts(folder))).toBe(4)
  })

  it('suppressed warnings do not count toward --max-warnings; --suppress-rule records only that rule', () => {
    const folder = archive()
    const record = cli(['--suppress-rule', 'addict', '--suppressions-location', 'ci/known.json', 'docs'], {cwd: folder})
    expect(record.status).toBe(1)
    expect(readCounts(folder, 'ci/known.json')).toEqual({'../docs/a.md': {addict: {count: 1}}})
    writeFileSync(join(folder, 'docs/b.md'), 'Fine.\n')
    writeFileSync(join(folder, 'docs/a.md'), 'An addict came.\n')
    expect(cli(['--max-warnings', '0', 'docs'], {cwd: folder}).status).toBe(1)
    const run = cli(['--max-warnings', '0', '--suppressions-location', 'ci/known.json', 'docs'], {cwd: folder})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toContain('1 finding suppressed by ci/known.json')
  })

  it('rejects what ESLint rejects, and broken or missing files, with exit 2 and no stack trace', () => {
    const folder = archive()
    const cases: Array<[string[], RegExp]> = [
      [['--suppress-all', '--suppress-rule', 'addict', 'docs'], /either --suppress-all or --suppress-rule/],
      [['--prune-suppressions', '--suppress-all', 'docs'], /cannot be used with --suppress-all/],
      [['--suppress-rule', 'no-such-rule', 'docs'], /--suppress-rule: unknown rule id "no-such-rule"/],
      [['--suppressions-location', 'missing.json', 'docs'], /missing\.json: no such suppressions file; create it with --suppress-all/],
      [['--suppress-all', '-'], /standard input has no path/],
      [['--quiet', '--suppress-all', 'docs'], /--quiet hides warnings/]
    ]
    for (const [args, message] of cases) {
      const run = cli(args, {cwd: folder})
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(stackLines(run.stderr)).toEqual([])
    }
    writeFileSync(join(folder, 'destigma-suppressions.json'), '{"docs/a.md": {"junkie": {"count": "two"}}}')
    const bad = cli(['docs'], {cwd: folder})
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('destigma-suppressions.json: "docs/a.md" → "junkie" has no whole-number "count"')
    writeFileSync(join(folder, 'destigma-suppressions.json'), '{not json')
    expect(cli(['docs'], {cwd: folder}).stderr).toMatch(/destigma-suppressions\.json: not a valid suppressions file/)
  })
})
