import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {launchChromium} from '../web/browser.js'

// End to end in real VS Code: code-server (VS Code in the browser) with the packaged .vsix
// installed, driven by Debian's Chromium. Needs `bash test/lsp/code-server/install.sh` once
// (and Chromium); without them this test fails, it does not skip.

const codeServer = join(root, '.cache/code-server/node_modules/.bin/code-server')
const folder = mkdtempSync(join(tmpdir(), 'destigma-vscode-'))
const workspace = join(folder, 'workspace')
let server: ChildProcess | undefined
let browser: Browser | undefined
let port = 0

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

beforeAll(async () => {
  expect(existsSync(codeServer), 'code-server is not installed: run bash test/lsp/code-server/install.sh').toBe(true)
  const vsix = join(folder, 'vscode-destigma.vsix')
  const packaged = spawnSync(process.execPath, [join(root, 'packages/vscode/node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: join(root, 'packages/vscode'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  expect(packaged.status, packaged.stderr).toBe(0)
  const env = {...process.env, XDG_CONFIG_HOME: join(folder, 'config'), XDG_DATA_HOME: join(folder, 'data')}
  const common = ['--extensions-dir', join(folder, 'extensions'), '--user-data-dir', join(folder, 'user-data')]
  const installed = spawnSync(codeServer, [...common, '--install-extension', vsix], {env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000})
  expect(installed.status, installed.stderr + installed.stdout).toBe(0)

  mkdirSync(workspace)
  writeFileSync(join(workspace, 'draft.md'), '# Draft\n\nThe junkie left the shelter.\n')
  port = await freePort()
  server = spawn(
    codeServer,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    {env, stdio: 'ignore'}
  )
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000)
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (server?.pid) process.kill(server.pid)
  rmSync(folder, {recursive: true, force: true})
})

it('shows the diagnostic of the installed extension in the Problems panel and fixes all from the command palette', async () => {
  const page = await (browser as Browser).newPage()
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`)
  await page.waitForSelector('.monaco-workbench', {timeout: 60_000})
  // A walkthrough opens first; open the file from the explorer.
  await page.locator('.explorer-folders-view .monaco-list-row', {hasText: 'draft.md'}).click({timeout: 60_000})
  await page.waitForSelector('.monaco-editor .view-lines', {timeout: 60_000})
  await page.keyboard.press('Control+Shift+M')
  const problem = page.locator('.markers-panel .monaco-list-row', {hasText: 'junkie'})
  await problem.first().waitFor({timeout: 90_000})
  const text = await page.locator('.markers-panel').innerText()
  expect(text).toContain('Avoid `junkie`')
  expect(text).toContain('destigma')

  // The extension's command, from the command palette.
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('F1')
  await page.keyboard.type('destigma: Fix all in this file')
  await page.locator('.quick-input-list .monaco-list-row', {hasText: 'Fix all in this file'}).first().waitFor({timeout: 30_000})
  await page.keyboard.press('Enter')
  await page.locator('.monaco-editor .view-lines', {hasText: 'person who uses drugs'}).waitFor({timeout: 30_000})
  // Monaco draws spaces as no-break spaces.
  expect((await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain('The person who uses drugs left the shelter.')
}, 240_000)
