import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {TestClient, type PublishedDiagnostics} from '../lsp/client.js'
import {memoryLimitKib} from './helpers.js'

let workspace: string
let client: TestClient
let logs: string[]
const uriOf = (name: string): string => pathToFileURL(join(workspace, name)).href
const codes = (published: PublishedDiagnostics): string[] => published.diagnostics.map((diagnostic) => String(diagnostic.code))
const rule = 'id: frequent-flyer\ncategory: health\nseverity: warning\nconfidence: clear-cut\nterms: [{phrase: frequent flyer}]\nsuggestions: {default: [{text: person who often needs care}]}\nexplanation: It reduces a person to how often they come.\n'

beforeEach(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'destigma-hostile-lsp-'))
  mkdirSync(join(workspace, '.git'))
  client = new TestClient()
  logs = []
  client.connection.onNotification('window/logMessage', (params: {message: string}) => {
    logs.push(params.message)
  })
  await client.initialize(pathToFileURL(workspace).href)
})

afterEach(async () => {
  if (client.process.exitCode === null) await client.shutdown()
  rmSync(workspace, {recursive: true, force: true})
})

/** The time a small document elsewhere takes to get its diagnostics: the server is answering. */
async function answerTime(name: string): Promise<number> {
  const started = performance.now()
  expect(codes(await client.open(`file:///elsewhere/${name}.md`, 'The junkie.\n', 'markdown', 1, 10_000))).toEqual(['junkie'])
  return performance.now() - started
}

describe('the language server under hostile documents and configs', () => {
  it('infers the format from the file name when the language id is empty or unknown', async () => {
    expect(codes(await client.open(uriOf('notes.md'), '# The junkie\n', ''))).toEqual(['junkie'])
    expect(codes(await client.open(uriOf('notes.txt'), 'The junkie.\n', 'no-such-language'))).toEqual(['junkie'])
    expect(codes(await client.open(uriOf('page.html'), '<p>The junkie.</p>\n', ''))).toEqual(['junkie'])
    // A language the client named and destigma does not read stays unlinted.
    expect(codes(await client.open(uriOf('script.py'), '# The junkie\n', 'python'))).toEqual([])
  })

  it('refuses a change with positions that are not whole numbers, and never publishes a null position', async () => {
    const uri = uriOf('a.md')
    await client.open(uri, 'The junkie.\n')
    for (const [version, character] of [
      [2, 1.5],
      [3, -1],
      [4, 'x']
    ] as const)
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version},
        contentChanges: [{range: {start: {line: 0, character}, end: {line: 0, character: 3}}, text: 'An'}]
      })
    const hover = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 4.5}})
    expect(hover).toBeNull()
    expect(await answerTime('after-bad-change')).toBeLessThan(10_000)
    // The document kept its last good text; a good change after the bad ones applies to it.
    const after = await client.change(uri, 5, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 3}}, text: 'A'}])
    expect(codes(after)).toEqual(['junkie'])
    expect(JSON.stringify(after.diagnostics)).not.toContain('null')
    expect(after.diagnostics[0]?.range.start).toEqual({line: 0, character: 2})
    expect(client.messages.some((message) => message.includes('whose range is not made of whole-number positions'))).toBe(true)
  })

  it('keeps answering with a rules folder that links to itself, and to /', async () => {
    mkdirSync(join(workspace, 'rules'))
    writeFileSync(join(workspace, 'rules/rule.yml'), rule)
    symlinkSync(join(workspace, 'rules'), join(workspace, 'rules/loop-a'))
    symlinkSync(join(workspace, 'rules'), join(workspace, 'rules/loop-b'))
    symlinkSync('/', join(workspace, 'rules/root'))
    writeFileSync(join(workspace, '.destigmarc.json'), JSON.stringify({customRules: ['rules']}))
    const opened = client.open(uriOf('a.md'), 'The frequent flyer came back.\n')
    expect(await answerTime('beside-a-loop')).toBeLessThan(10_000)
    expect(codes(await opened)).toEqual(['frequent-flyer'])
    expect(client.residentBytes()).toBeLessThan(memoryLimitKib * 1024)
  })

  it('names a rule file that is a device or an alias bomb, keeps linting, and logs no stack', async () => {
    mkdirSync(join(workspace, 'rules'))
    symlinkSync('/dev/zero', join(workspace, 'rules/zero.yml'))
    writeFileSync(join(workspace, '.destigmarc.json'), JSON.stringify({customRules: ['rules']}))
    expect(codes(await client.open(uriOf('a.md'), 'The junkie.\n'))).toEqual(['junkie'])
    expect(client.messages.join('\n')).toContain('zero.yml: custom rule file is a character device, not a regular file')

    rmSync(join(workspace, 'rules/zero.yml'))
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`)
    writeFileSync(join(workspace, 'rules/bomb.yml'), bomb.join('\n'))
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uriOf('rules/bomb.yml'), type: 1}]})
    expect(codes(await client.open(uriOf('b.md'), 'The junkie.\n'))).toEqual(['junkie'])
    expect(client.messages.join('\n')).toMatch(/bomb\.yml:1:1: invalid YAML/)
    expect(client.residentBytes()).toBeLessThan(memoryLimitKib * 1024)
    for (const message of [...logs, ...client.messages]) expect(message).not.toMatch(/\n\s+at .+[:(]/)
  })
})
