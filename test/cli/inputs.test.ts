import {spawnSync} from 'node:child_process'
import {chmodSync, realpathSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {cli, cliPath, jsonOf, sharedCliCopy, stackLines, unprivileged, workspace} from './helpers.js'

const flagged = 'An addict was here.\n'
/** Paths of the JSON results, relative to `folder`. */
const linted = (folder: string, args: string[], options: Parameters<typeof cli>[1] = {}): string[] =>
  jsonOf(cli(['--format', 'json', ...args], {cwd: folder, ...options})).map((file) => file.filePath.replace(realpathSync(folder) + '/', ''))

describe('finding files', () => {
  it('walks folders in name order, skipping node_modules, dot-folders, unknown extensions and ignored files', () => {
    const folder = workspace({
      'docs/b.md': flagged,
      'docs/a.txt': flagged,
      'docs/sub/c.html': `<p>${flagged}</p>`,
      'docs/sub/d.mdx': flagged,
      'docs/image.png': 'not text',
      'docs/node_modules/pkg/readme.md': flagged,
      'docs/.cache/e.md': flagged,
      'docs/build/f.md': flagged,
      'docs/drafts/g.md': flagged,
      'docs/drafts/keep.md': flagged,
      'docs/notes.log.md': flagged,
      '.gitignore': 'build/\n*.log.md\n',
      'docs/.destigmaignore': 'drafts/\n',
      'docs/drafts/.destigmaignore': '!keep.md\n'
    })
    expect(linted(folder, ['docs'])).toEqual(['docs/a.txt', 'docs/b.md', 'docs/sub/c.html', 'docs/sub/d.mdx'])
  })

  it('keeps the order of the paths given, each file once', () => {
    const folder = workspace({'z.md': flagged, 'a/y.md': flagged, 'a/x.txt': flagged})
    expect(linted(folder, ['z.md', 'a', 'a/y.md', 'z.md'])).toEqual(['z.md', 'a/x.txt', 'a/y.md'])
  })

  it('expands globs (honouring ignore files) and reports a glob that matches nothing', () => {
    const folder = workspace({'content/a.md': flagged, 'content/deep/b.md': flagged, 'content/deep/c.txt': flagged, 'content/skip.md': flagged, '.destigmaignore': 'content/skip.md\n'})
    expect(linted(folder, ['content/**/*.md'])).toEqual(['content/a.md', 'content/deep/b.md'])
    const run = cli(['--format', 'json', 'nothing/**/*.md', 'content/a.md'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('nothing/**/*.md: no files match this pattern')
    expect(jsonOf(run)).toHaveLength(1)
  })

  it('a file named on the command line that an ignore file lists is skipped, with a note', () => {
    const folder = workspace({'draft.md': flagged, 'kept.md': flagged, '.destigmaignore': 'draft.md\n'})
    const run = cli(['--format', 'json', 'draft.md', 'kept.md'], {cwd: folder})
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('draft.md: skipped, an ignore file')
    expect(jsonOf(run)).toHaveLength(1)
  })

  it('with no paths and nothing piped, checks the current folder', () => {
    const folder = workspace({'a.md': flagged, 'sub/b.txt': flagged})
    expect(linted(folder, [], {noStdin: true})).toEqual(['a.md', 'sub/b.txt'])
  })

  it('lints many files on worker threads with the same results, in the same order, as one thread', () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 60; index++) files[`f${String(index).padStart(2, '0')}.md`] = `# File ${index}\n\n${index % 3 ? 'An addict and the homeless.' : 'Clean.'}\n`
    files['bad.txt'] = '\u0000binary'
    const folder = workspace(files)
    const parallel = cli(['--format', 'json', '--jobs', '2', '.'], {cwd: folder})
    const single = cli(['--format', 'json', '--jobs', '1', '.'], {cwd: folder})
    expect(parallel.stdout).toBe(single.stdout)
    expect(parallel.stderr).toBe(single.stderr)
    expect(parallel.status).toBe(2)
    expect(jsonOf(parallel)).toHaveLength(60)
    const auto = cli(['--format', 'json', '.'], {cwd: folder})
    expect(auto.stdout).toBe(single.stdout)
  })

  it('shows a progress line on a terminal for many files, and none when output is piped', () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 40; index++) files[`f${index}.txt`] = 'Clean text.\n'
    const folder = workspace(files)
    const onTerminal = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} .`, '/dev/null'], {cwd: folder, encoding: 'utf8'})
    expect(onTerminal.stdout).toMatch(/destigma: \d+\/40 files checked/)
    expect(cli(['.'], {cwd: folder}).stderr).toBe('')
  })
})

describe('standard input', () => {
  it('"-" reads standard input; --stdin-filename picks the format and names the result', () => {
    const folder = workspace()
    const markdown = '```\naddict\n```\n\nThe addicts.\n'
    const [asMarkdown] = jsonOf(cli(['--format', 'json', '--stdin-filename', 'draft.md', '-'], {cwd: folder, input: markdown}))
    expect(asMarkdown?.filePath).toBe(join(realpathSync(folder), 'draft.md'))
    expect(asMarkdown?.messages.map((message) => message.line)).toEqual([5])
    const [asText] = jsonOf(cli(['--format', 'json', '-'], {cwd: folder, input: markdown}))
    expect(asText?.filePath).toBe('<stdin>')
    expect(asText?.messages.map((message) => message.line)).toEqual([2, 5])
  })

  it('piped input is read when no paths are given', () => {
    const run = cli(['--format', 'json'], {cwd: workspace({'ignored.md': flagged}), input: 'The junkie.\n'})
    expect(jsonOf(run).map((file) => [file.filePath, file.messages.length])).toEqual([['<stdin>', 1]])
  })

  it('uses the config of the folder it runs in', () => {
    const folder = workspace({'.destigmarc.json': '{"rules": {"addict": "off"}}'})
    expect(jsonOf(cli(['--format', 'json', '-'], {cwd: folder, input: flagged}))[0]?.messages).toEqual([])
  })

  it('reads a .docx from standard input', async () => {
    const document = new Document({sections: [{children: [new Paragraph({children: [new TextRun('The addicts.')]})]}]})
    const run = cli(['--format', 'json', '--stdin-filename', 'in.docx', '-'], {cwd: workspace(), input: new Uint8Array(await Packer.toBuffer(document))})
    expect(jsonOf(run)[0]?.messages.map((message) => message.actual)).toEqual(['addicts'])
  })

  it('refuses binary standard input with exit 2', () => {
    const run = cli(['--format', 'json', '-'], {cwd: workspace(), input: new Uint8Array([0, 1, 2, 0xff])})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('<stdin>: is a binary file')
    expect(jsonOf(run)).toEqual([])
  })
})

describe('bad input: reported with its path and reason, exit 2, the other files still linted, no stack trace', () => {
  function expectReported(folder: string, args: string[], message: string, options: Parameters<typeof cli>[1] = {}): void {
    const run = cli(['--format', 'json', ...args, 'good.txt'], {cwd: folder, ...options})
    expect(run.status, run.stderr).toBe(2)
    expect(run.stderr).toContain(message)
    expect(stackLines(run.stderr)).toEqual([])
    const results = jsonOf(run)
    expect(results.map((file) => file.filePath.split('/').pop())).toEqual(['good.txt'])
    expect(results[0]?.messages).toHaveLength(1)
  }

  it('a missing file', () => {
    expectReported(workspace({'good.txt': flagged}), ['missing.md'], 'missing.md: no such file or folder')
  })

  it('a binary file', () => {
    expectReported(workspace({'good.txt': flagged, 'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])}), ['photo.txt'], 'photo.txt: is a binary file, not text')
  })

  it('invalid UTF-8, with where the first bad byte is', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('First line\nCaf'), 0xe9, ...new TextEncoder().encode(' addict\n')])
    expectReported(workspace({'good.txt': flagged, 'latin1.md': latin1}), ['latin1.md'], 'latin1.md: is not valid UTF-8 (first bad byte at line 2, column 4); save it as UTF-8')
  })

  it('UTF-16 text', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('addict').flatMap((char) => [char.charCodeAt(0), 0])])
    expectReported(workspace({'good.txt': flagged, 'wide.txt': utf16}), ['wide.txt'], 'wide.txt: is UTF-16 text; save it as UTF-8')
  })

  it('a 50 MB file, over the 10 MB default', () => {
    const folder = workspace({'good.txt': flagged, 'huge.md': flagged})
    truncateSync(join(folder, 'huge.md'), 50 * 1024 * 1024)
    expectReported(folder, ['huge.md'], 'huge.md: is too large (50 MB; the limit is 10 MB, change it with --max-file-size)')
  })

  it('a file over --max-file-size', () => {
    const folder = workspace({'good.txt': flagged, 'big.md': 'An addict. '.repeat(300)})
    expectReported(folder, ['--max-file-size', '2KB', 'big.md'], 'big.md: is too large (4 KB; the limit is 2 KB')
  })

  it('a file removed between listing and reading (a broken link found by the walk)', () => {
    const folder = workspace({'good.txt': flagged, 'docs/real.md': flagged})
    symlinkSync(join(folder, 'docs/gone.md'), join(folder, 'docs/removed.md'))
    const run = cli(['--format', 'json', 'docs', 'good.txt'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('docs/removed.md: no such file (removed, or a broken link?)')
    expect(jsonOf(run).map((file) => file.filePath.split('/').pop())).toEqual(['real.md', 'good.txt'])
  })

  it('a folder without permission, and a file without permission', () => {
    const folder = workspace({'good.txt': flagged, 'locked/a.md': flagged, 'secret.md': flagged})
    chmodSync(folder, 0o755)
    chmodSync(join(folder, 'good.txt'), 0o644)
    chmodSync(join(folder, 'locked'), 0o000)
    chmodSync(join(folder, 'secret.md'), 0o000)
    const asNobody = unprivileged === undefined ? {} : {uid: unprivileged, cliFile: sharedCliCopy()}
    expectReported(folder, ['locked'], 'locked: cannot read this folder (permission denied)', asNobody)
    expectReported(folder, ['secret.md'], 'secret.md: permission denied', asNobody)
  })
})

it('writes nothing to stdout but the JSON array even when files fail', () => {
  const folder = workspace({'a.txt': flagged})
  writeFileSync(join(folder, 'b.txt'), new Uint8Array([0xc3, 0x28]))
  const run = cli(['--format', 'json', 'a.txt', 'b.txt'], {cwd: folder})
  expect(() => JSON.parse(run.stdout)).not.toThrow()
})
