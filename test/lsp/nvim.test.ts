import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {serverPath} from './client.js'

// End to end with a client nobody here wrote: Neovim's built-in LSP client, headless.
// Needs Debian's neovim (`apt-get install -y neovim`); without it this test fails, it does not skip.

const workspace = mkdtempSync(join(tmpdir(), 'destigma-nvim-'))
afterAll(() => rmSync(workspace, {recursive: true, force: true}))

interface NvimResult {
  error?: string
  diagnostics: Array<{line: number; col: number; end_col: number; severity: number; source: string; code: string}>
  hover?: string
  applied?: string
  buffer: string[]
}

it('Neovim shows the diagnostics, the hover and applies the quick fix', () => {
  const version = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
  expect(version.error, 'nvim is not installed: run apt-get install -y neovim').toBeUndefined()

  writeFileSync(join(workspace, 'draft.md'), '# Draft\n\nThe junkie and an addict left.\n\n```\njunkie in code\n```\n')
  const out = join(workspace, 'out.json')
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', join(root, 'test/lsp/nvim/init.lua'), 'draft.md'], {
    cwd: workspace,
    env: {...process.env, DESTIGMA_SERVER: serverPath, DESTIGMA_OUT: out},
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000
  })
  expect(run.status, run.stderr).toBe(0)
  const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult
  expect(result.error).toBeUndefined()
  expect(result.diagnostics).toEqual([
    expect.objectContaining({line: 2, col: 4, end_col: 10, severity: 1, source: 'destigma', code: 'junkie'}),
    expect.objectContaining({line: 2, col: 18, end_col: 24, severity: 2, source: 'destigma', code: 'addict'})
  ])
  expect(result.hover).toContain('junkie.md')
  expect(result.applied).toBe('Replace “junkie” with “person who uses drugs”')
  expect(result.buffer[2]).toBe('The person who uses drugs and an addict left.')
})
