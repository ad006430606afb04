import {chmodSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {cli, jsonOf, workspace} from './helpers.js'

/** Every byte outside the given spans of `before` must reappear, in order, in `after`. */
function expectOnlySpansChanged(before: string, after: string, spans: Array<[number, number]>): void {
  let cursor = 0
  let rest = after
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const kept = before.slice(cursor, start)
    expect(rest.startsWith(kept), `bytes before offset ${start} changed`).toBe(true)
    rest = rest.slice(kept.length)
    cursor = end
    const next = spans.find((span) => span[0] >= end)?.[0] ?? before.length
    const following = before.slice(end, next)
    const at = following === '' ? rest.length : rest.indexOf(following)
    expect(at, `text after offset ${end} missing`).toBeGreaterThanOrEqual(0)
    rest = rest.slice(at)
  }
  expect(rest).toBe(before.slice(cursor))
}

describe('--fix', () => {
  it('rewrites only flagged spans, keeps BOM, CRLF and a missing final newline, and a second run changes nothing', () => {
    const original = '\uFEFF# Notes\r\n\r\nThe addicts were moved.\r\nNothing else changes here.\r\n\r\nAn addict was seen by the homeless shelter. The junkie left.'
    const folder = workspace({'notes.md': original})
    const file = join(folder, 'notes.md')
    const [before] = jsonOf(cli(['--format', 'json', 'notes.md'], {cwd: folder}))
    const spans = (before?.messages ?? []).flatMap((message) => (message.fix ? [[message.fix.range[0] + 1, message.fix.range[1] + 1] as [number, number]] : []))
    expect(spans.length).toBeGreaterThanOrEqual(3)

    const first = cli(['notes.md', '--fix'], {cwd: folder})
    const once = readFileSync(file, 'utf8')
    expect(once).not.toBe(original)
    expect(once.startsWith('\uFEFF')).toBe(true)
    expect(once.split('\r\n')).toHaveLength(original.split('\r\n').length)
    expect(/[^\r]\n/.test(once)).toBe(false)
    expect(once.endsWith(' left.')).toBe(true)
    expect(once).not.toMatch(/addict\b|junkie/)
    expect(once).toContain('\r\nNothing else changes here.\r\n')
    expect(once).toContain('homeless shelter')
    expectOnlySpansChanged(original, once, spans)
    expect(first.status).toBe(0)
    expect(first.stdout).not.toMatch(/addicts/)

    const second = cli(['notes.md', '--fix'], {cwd: folder})
    expect(readFileSync(file, 'utf8')).toBe(once)
    expect(second.stdout).toBe('')
  })

  it('agrees the article and keeps the case of the first letter', () => {
    const folder = workspace({'a.txt': 'An addict spoke. Addicts listened. He met an addict.\n'})
    cli(['--fix', 'a.txt'], {cwd: folder})
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('A person with addiction spoke. People with addiction listened. He met a person with addiction.\n')
  })

  it('writes atomically: no temporary file left behind, and the mode kept', () => {
    const folder = workspace({'a.md': 'The addicts.\n'})
    chmodSync(join(folder, 'a.md'), 0o640)
    cli(['--fix', 'a.md'], {cwd: folder})
    expect(readdirSync(folder)).toEqual(['a.md'])
    expect(statSync(join(folder, 'a.md')).mode & 0o777).toBe(0o640)
  })

  it('leaves findings without a safe fix, and reports them', () => {
    const folder = workspace({'a.txt': 'She said "an addict" twice.\n'})
    const run = cli(['--fix', '--format', 'json', 'a.txt'], {cwd: folder})
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('She said "an addict" twice.\n')
    expect(jsonOf(run)[0]?.messages.map((message) => message.actual)).toEqual(['addict'])
  })

  it('is refused for .docx, with the findings still listed', async () => {
    const document = new Document({sections: [{children: [new Paragraph({children: [new TextRun('The addicts.')]})]}]})
    const bytes = new Uint8Array(await Packer.toBuffer(document))
    const folder = workspace({'a.docx': bytes})
    const run = cli(['--fix', '--format', 'json', 'a.docx'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--fix cannot rewrite .docx documents')
    expect(jsonOf(run)[0]?.messages).toHaveLength(1)
    expect(new Uint8Array(readFileSync(join(folder, 'a.docx')))).toEqual(bytes)
  })

  it('is refused for standard input', () => {
    const run = cli(['--fix', '-'], {cwd: workspace(), input: 'The addicts.\n'})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--fix cannot write to standard input')
  })
})

describe('--fix-dry-run', () => {
  it('prints a unified diff and writes nothing', () => {
    const original = 'Line one.\nThe addicts were moved.\nLine three.\n'
    const folder = workspace({'a.md': original})
    const run = cli(['--fix-dry-run', 'a.md'], {cwd: folder})
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe(original)
    expect(run.stdout).toContain('--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n Line one.\n-The addicts were moved.\n+The people with addiction were moved.\n Line three.\n')
  })

  it('with json, adds the fixed text as "output" (BOM included) to files that would change', () => {
    const folder = workspace({'a.md': '\uFEFFThe addicts.\r\n', 'clean.md': 'Clean.\n'})
    const [changed, clean] = jsonOf(cli(['--fix-dry-run', '--format', 'json', 'a.md', 'clean.md'], {cwd: folder}))
    expect(changed?.output).toBe('\uFEFFThe people with addiction.\r\n')
    expect(changed?.messages).toEqual([])
    expect(clean).not.toHaveProperty('output')
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe('\uFEFFThe addicts.\r\n')
  })

  it('works on standard input', () => {
    const [result] = jsonOf(cli(['--fix-dry-run', '--format', 'json', '-'], {cwd: workspace(), input: 'An addict.\n'}))
    expect(result?.output).toBe('A person with addiction.\n')
  })
})
