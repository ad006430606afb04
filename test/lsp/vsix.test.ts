import {fork, spawnSync} from 'node:child_process'
import {builtinModules} from 'node:module'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createMessageConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-jsonrpc/node'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {TestClient} from './client.js'
import {readZip, type ZipEntry} from './zip.js'

// Packages the built extension with @vscode/vsce, as a release would, and checks what is inside.

const folder = mkdtempSync(join(tmpdir(), 'destigma-vsix-'))
const vsix = join(folder, 'vscode-destigma.vsix')
let entries: ZipEntry[]
const file = (name: string): ZipEntry | undefined => entries.find((entry) => entry.name === name)

beforeAll(() => {
  const run = spawnSync(process.execPath, [join(root, 'packages/vscode/node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: join(root, 'packages/vscode'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000
  })
  expect(run.status, run.stderr + run.stdout).toBe(0)
  entries = readZip(vsix)
}, 150_000)
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('the .vsix', () => {
  it('holds the two bundles, the icon and the docs, and nothing else', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/icon.png',
      'extension/dist/server.mjs',
      'extension/package.json',
      'extension/readme.md'
    ])
    expect(entries.some((entry) => entry.name.includes('node_modules') || entry.name.endsWith('.map') || entry.name.endsWith('.ts'))).toBe(false)
  })

  it('has a manifest that needs nothing installed and names what it contributes', () => {
    const manifest = JSON.parse(String(file('extension/package.json')?.data)) as Record<string, unknown> & {
      contributes: {commands: Array<{command: string; title: string}>; configuration: {properties: Record<string, unknown>}}
    }
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.main).toBe('./dist/extension.js')
    expect(manifest.capabilities).toMatchObject({untrustedWorkspaces: {supported: true}, virtualWorkspaces: {supported: 'limited'}})
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext', 'onLanguage:html']))
    expect(manifest.contributes.commands.map((command) => command.title)).toEqual(['Fix all in this file', 'Show rule documentation'])
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(
      expect.arrayContaining(['destigma.enable', 'destigma.languages', 'destigma.locale', 'destigma.preset', 'destigma.rules', 'destigma.allow', 'destigma.quotes', 'destigma.mentions'])
    )
    expect(file('extension/dist/icon.png')?.data.subarray(1, 4).toString()).toBe('PNG')
  })

  it('has a client that loads only vscode and Node built-ins', () => {
    const client = String(file('extension/dist/extension.js')?.data)
    const required = [...client.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1] as string)
    expect(required).toContain('vscode')
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
    expect(required.filter((name) => name !== 'vscode' && !builtins.has(name))).toEqual([])
  })

  it('has a server that starts on its own and lints', async () => {
    const server = join(folder, 'server.mjs')
    writeFileSync(server, file('extension/dist/server.mjs')?.data ?? '')
    const client = new TestClient(['--stdio'], server)
    await client.initialize(null)
    const published = await client.open('untitled:draft', 'The junkie left.\n')
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['junkie'])
    expect(await client.shutdown()).toBe(0)
  })

  it('has a server that talks over Node IPC, as the extension starts it', async () => {
    const server = join(folder, 'server.mjs')
    writeFileSync(server, file('extension/dist/server.mjs')?.data ?? '')
    const child = fork(server, ['--node-ipc'], {stdio: ['ignore', 'ignore', 'ignore', 'ipc']})
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    const published = new Promise<{diagnostics: Array<{code: string}>}>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve))
    connection.listen()
    await connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities: {}})
    await connection.sendNotification('initialized', {})
    await connection.sendNotification('textDocument/didOpen', {textDocument: {uri: 'untitled:ipc', languageId: 'markdown', version: 1, text: 'An addict.\n'}})
    expect((await published).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['addict'])
    await connection.sendRequest('shutdown')
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await connection.sendNotification('exit')
    expect(await exited).toBe(0)
    connection.dispose()
  })
})
