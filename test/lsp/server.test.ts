import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {applyDirectives, readProse} from '@destigma/formats'
import {lintTree, listRules} from 'retext-stigma'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {applyEdits, editsFor, TestClient, type Diagnostic, type PublishedDiagnostics} from './client.js'

// The built server is driven over stdio as an editor drives it; run `pnpm build` first.

const severityOf = (ruleId: string): number => ({error: 1, warning: 2, info: 3})[listRules().find((rule) => rule.id === ruleId)?.severity ?? 'info']
const codes = (published: PublishedDiagnostics): string[] => published.diagnostics.map((diagnostic) => String(diagnostic.code))
const line = (diagnostic: Diagnostic | undefined) => diagnostic && [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character]

let workspace: string
let client: TestClient
const uriOf = (name: string): string => pathToFileURL(join(workspace, name)).href

beforeEach(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'destigma-lsp-'))
  // A repository top, so ignore files above the workspace do not count.
  mkdirSync(join(workspace, '.git'))
  client = new TestClient()
  await client.initialize(pathToFileURL(workspace).href)
})

afterEach(async () => {
  if (client.process.exitCode === null) await client.shutdown()
  rmSync(workspace, {recursive: true, force: true})
})

/** Tell the server a config or ignore file changed on disk, as a client watching files does. */
async function fileChanged(name: string, type = 2): Promise<void> {
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uriOf(name), type}]})
}

describe('initialize', () => {
  it('announces incremental sync, code action kinds and hover, and watches config files', async () => {
    const other = new TestClient()
    const {capabilities} = await other.initialize(null)
    expect(capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix', 'source.fixAll.destigma'], resolveProvider: false})
    expect(capabilities.hoverProvider).toBe(true)
    await other.open('untitled:doc', 'The junkie left.\n')
    expect(other.registrations).toEqual(expect.arrayContaining(['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']))
    expect(await other.shutdown()).toBe(0)
  })
})

describe('diagnostics', () => {
  it('marks each term with source, rule id, doc link and the rule severity', async () => {
    const published = await client.open(uriOf('draft.md'), '# Draft\n\nThe junkie and the addicts left.\n\n```\naddicts in code\n```\n')
    expect(published.diagnostics).toHaveLength(2)
    const [junkie, addict] = published.diagnostics
    expect(line(junkie)).toEqual([2, 4, 2, 10])
    expect(junkie).toMatchObject({source: 'destigma', code: 'junkie', severity: severityOf('junkie')})
    expect(junkie?.codeDescription?.href).toMatch(/^https:\/\/.*\/junkie\.md$/)
    expect(line(addict)).toEqual([2, 19, 2, 26])
    expect(addict).toMatchObject({code: 'addict', severity: severityOf('addict')})
    expect(addict?.message).toContain('addicts')
  })

  it('lowers a quoted term to information', async () => {
    const published = await client.open(uriOf('quote.md'), 'She said "the addicts were loud" on Monday.\n')
    expect(published.diagnostics).toMatchObject([{code: 'addict', severity: 3}])
  })

  it('follows incremental edits, including ones that add and remove lines', async () => {
    const uri = uriOf('edit.md')
    await client.open(uri, 'First paragraph.\n\nSecond paragraph.\n')
    let published = await client.change(uri, 2, [{range: {start: {line: 2, character: 6}, end: {line: 2, character: 6}}, text: ' junkie'}])
    expect(published.diagnostics.map(line)).toEqual([[2, 7, 2, 13]])
    published = await client.change(uri, 3, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'New addicts.\n\n'}])
    expect(codes(published)).toEqual(['addict', 'junkie'])
    expect(published.diagnostics.map(line)).toEqual([
      [0, 4, 0, 11],
      [4, 7, 4, 13]
    ])
    published = await client.change(uri, 4, [{range: {start: {line: 0, character: 0}, end: {line: 2, character: 0}}, text: ''}])
    expect(published.diagnostics.map(line)).toEqual([[2, 7, 2, 13]])
  })

  it('reads plain text and HTML, and leaves other languages alone', async () => {
    expect(codes(await client.open(uriOf('notes.txt'), 'Call the junkie.\n', 'plaintext'))).toEqual(['junkie'])
    const html = await client.open(uriOf('page.html'), '<p>The junkie.</p>\n<pre>junkie</pre>\n<img alt="an addict">\n', 'html')
    expect(html.diagnostics.map(line)).toEqual([
      [0, 7, 0, 13],
      [2, 13, 2, 19]
    ])
    expect((await client.open(uriOf('code.js'), '// junkie\n', 'javascript')).diagnostics).toEqual([])
  })

  it('counts positions after a byte-order mark as editors do', async () => {
    const published = await client.open(uriOf('bom.md'), '\uFEFFThe junkie.\n')
    expect(published.diagnostics.map(line)).toEqual([[0, 5, 0, 11]])
  })

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('close.md')
    await client.open(uri, 'The junkie.\n')
    const cleared = client.nextDiagnostics(uri)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    expect((await cleared).diagnostics).toEqual([])
  })

  it('honours inline directives', async () => {
    const published = await client.open(uriOf('directives.md'), '<!-- destigma-disable-next-line junkie -->\nThe junkie.\n\nThe junkie.\n')
    expect(published.diagnostics.map(line)).toEqual([[3, 4, 3, 10]])
  })
})

describe('code actions', () => {
  async function openAndAct(name: string, text: string, only?: string[]) {
    const uri = uriOf(name)
    const published = await client.open(uri, text)
    const diagnostic = published.diagnostics[0] as Diagnostic
    return {uri, diagnostic, actions: await client.codeActions(uri, diagnostic.range, [diagnostic], only)}
  }

  it('offers a quick fix per suggestion, the safe one preferred and mending the article', async () => {
    const text = 'They met an addict yesterday.\n'
    const {uri, actions} = await openAndAct('fix.md', text, ['quickfix'])
    const replacements = actions.filter((action) => action.title.startsWith('Replace'))
    const expected = listRules().find((rule) => rule.id === 'addict')?.suggestions.default ?? []
    expect(replacements).toHaveLength(expected.length)
    expect(replacements.filter((action) => action.isPreferred)).toHaveLength(1)
    const preferred = replacements.find((action) => action.isPreferred)
    expect(applyEdits(text, editsFor(preferred?.edit, uri))).toBe('They met a person with addiction yesterday.\n')
    const other = replacements.find((action) => !action.isPreferred)
    const second = expected[1]?.text ?? ''
    expect(applyEdits(text, editsFor(other?.edit, uri))).toBe(`They met ${/^[aeiou]/.test(second) ? 'an' : 'a'} ${second} yesterday.\n`)
    expect(actions.every((action) => action.kind === 'quickfix')).toBe(true)
  })

  it('disables the rule for a line, on a line of its own or at the end of the line before', async () => {
    const text = 'Intro.\n\nThe junkie left.\nThe junkie came back.\n'
    const uri = uriOf('disable.md')
    const published = await client.open(uri, text)
    const edits = []
    for (const diagnostic of published.diagnostics) {
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])
      edits.push(...editsFor(actions.find((action) => action.title === 'Disable junkie for this line')?.edit, uri))
    }
    const disabled = applyEdits(text, edits)
    expect(disabled).toBe('Intro.\n\n<!-- destigma-disable-next-line junkie -->\nThe junkie left. <!-- destigma-disable-next-line junkie -->\nThe junkie came back.\n')
    expect((await client.change(uri, 2, [{text: disabled}])).diagnostics).toEqual([])
  })

  it('allows a term in the workspace by creating .destigmarc.json, then by adding to it', async () => {
    const text = 'The junkie and the addicts.\n'
    const uri = uriOf('allow.md')
    const published = await client.open(uri, text)
    const [junkie, addict] = published.diagnostics as [Diagnostic, Diagnostic]
    const rcUri = uriOf('.destigmarc.json')
    const allow = (await client.codeActions(uri, junkie.range, [junkie], ['quickfix'])).find((action) => action.title === 'Allow “junkie” in this workspace')
    expect(allow?.edit?.documentChanges?.[0]).toEqual({kind: 'create', uri: rcUri, options: {ignoreIfExists: true}})
    writeFileSync(join(workspace, '.destigmarc.json'), applyEdits('', editsFor(allow?.edit, rcUri)))
    let next = client.nextDiagnostics(uri)
    await fileChanged('.destigmarc.json', 1)
    expect(codes(await next)).toEqual(['addict'])

    const second = (await client.codeActions(uri, addict.range, [addict], ['quickfix'])).find((action) => action.title === 'Allow “addicts” in this workspace')
    const before = readFileSync(join(workspace, '.destigmarc.json'), 'utf8')
    writeFileSync(join(workspace, '.destigmarc.json'), applyEdits(before, editsFor(second?.edit, rcUri)))
    expect(JSON.parse(readFileSync(join(workspace, '.destigmarc.json'), 'utf8'))).toEqual({allow: ['junkie', 'addicts']})
    next = client.nextDiagnostics(uri)
    await fileChanged('.destigmarc.json')
    expect((await next).diagnostics).toEqual([])
  })

  it('adds to the allow list of a YAML rc file, keeping its comments', async () => {
    writeFileSync(join(workspace, '.destigmarc.yaml'), '# house style\nlocale: en-GB\n')
    const uri = uriOf('yaml.md')
    const published = await client.open(uri, 'The junkie.\n')
    const diagnostic = published.diagnostics[0] as Diagnostic
    const allow = (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])).find((action) => action.title.startsWith('Allow'))
    const rcUri = uriOf('.destigmarc.yaml')
    expect(applyEdits('# house style\nlocale: en-GB\n', editsFor(allow?.edit, rcUri))).toBe('# house style\nlocale: en-GB\nallow:\n  - junkie\n')
  })

  it('adds to the destigma key of package.json when that is the workspace config', async () => {
    const manifest = '{\n  "name": "site",\n  "destigma": {\n    "locale": "en-GB"\n  }\n}\n'
    writeFileSync(join(workspace, 'package.json'), manifest)
    const uri = uriOf('package.md')
    const diagnostic = (await client.open(uri, 'The junkie.\n')).diagnostics[0] as Diagnostic
    const allow = (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])).find((action) => action.title.startsWith('Allow'))
    const edited = applyEdits(manifest, editsFor(allow?.edit, uriOf('package.json')))
    expect(JSON.parse(edited)).toEqual({name: 'site', destigma: {locale: 'en-GB', allow: ['junkie']}})
    expect(edited).toContain('\n  "name": "site",\n')
  })

  it('fixes every safe finding with source.fixAll.destigma, asked for as source.fixAll or source', async () => {
    const text = 'The addicts met.\n\nAn addict spoke, and the junkie left.\n\n"The addicts," she said.\n'
    const uri = uriOf('all.md')
    await client.open(uri, text)
    const whole = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    for (const only of [['source.fixAll'], ['source'], ['source.fixAll.destigma']]) {
      const actions = await client.codeActions(uri, whole, [], only)
      expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.destigma'])
    }
    expect(await client.codeActions(uri, whole, [], ['quickfix'])).toEqual([])
    const [fixAll] = await client.codeActions(uri, whole, [], ['source.fixAll'])
    const fixed = applyEdits(text, editsFor(fixAll?.edit, uri))
    // The quoted term keeps its words: a direct quote is not the writer's to change.
    expect(fixed).toBe('The people with addiction met.\n\nA person with addiction spoke, and the person who uses drugs left.\n\n"The addicts," she said.\n')
    const published = await client.change(uri, 2, [{text: fixed}])
    expect(published.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([3])
    expect(await client.codeActions(uri, whole, [], ['source.fixAll'])).toEqual([])
  })
})

describe('hover', () => {
  it('explains the rule, gives the alternatives and links the sources', async () => {
    const uri = uriOf('hover.md')
    await client.open(uri, 'Two addicts.\n')
    const hover = await client.hover(uri, {line: 0, character: 6})
    const rule = listRules().find((candidate) => candidate.id === 'addict')
    expect(hover?.contents.kind).toBe('markdown')
    expect(hover?.contents.value).toContain(rule?.explanation.slice(0, 40))
    expect(hover?.contents.value).toContain('people with addiction')
    for (const source of rule?.sourceDetails ?? []) expect(hover?.contents.value).toContain(`](${source.url})`)
    expect(await client.hover(uri, {line: 0, character: 1})).toBeNull()
  })

  it('falls back to plain text for clients that cannot show Markdown', async () => {
    const plain = new TestClient()
    await plain.initialize(null, {capabilities: {workspace: {configuration: true}, textDocument: {hover: {contentFormat: ['plaintext']}}}})
    await plain.open('untitled:plain', 'Two addicts.\n')
    const hover = await plain.hover('untitled:plain', {line: 0, character: 6})
    expect(hover?.contents.kind).toBe('plaintext')
    expect(hover?.contents.value).toContain('Instead: people with addiction')
    expect(hover?.contents.value).not.toContain('**')
    expect(await plain.shutdown()).toBe(0)
  })
})

describe('settings and config files', () => {
  it('applies settings changes without a restart', async () => {
    const uri = uriOf('settings.md')
    expect(codes(await client.open(uri, 'The junkie and the addicts.\n'))).toEqual(['junkie', 'addict'])
    client.settings = {rules: {junkie: 'off'}, locale: 'en-US'}
    let next = client.nextDiagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const published = await next
    expect(codes(published)).toEqual(['addict'])
    const actions = await client.codeActions(uri, (published.diagnostics[0] as Diagnostic).range, published.diagnostics, ['quickfix'])
    expect(actions.find((action) => action.isPreferred)?.title).toContain('substance use disorder')

    client.settings = {enable: false}
    next = client.nextDiagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect((await next).diagnostics).toEqual([])
  })

  it('applies the mentions setting: a word discussed as a word is left alone, lowered or reported', async () => {
    const uri = uriOf('mentions.md')
    const text = 'The word junkie hurts. The junkie left.\n'
    const mentioned = (published: PublishedDiagnostics) => published.diagnostics.map((diagnostic) => [diagnostic.range.start.character, diagnostic.severity, diagnostic.message.includes('(mentioned as a word)')])
    expect(mentioned(await client.open(uri, text))).toEqual([[27, 1, false]])
    client.settings = {mentions: 'lower'}
    let next = client.nextDiagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const lowered = await next
    expect(mentioned(lowered)).toEqual([[9, 2, true], [27, 1, false]])
    const actions = await client.codeActions(uri, (lowered.diagnostics[0] as Diagnostic).range, lowered.diagnostics.slice(0, 1), ['quickfix'])
    expect(actions.some((action) => action.isPreferred)).toBe(false)
    client.settings = {mentions: 'report'}
    next = client.nextDiagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect(mentioned(await next)).toEqual([[9, 1, false], [27, 1, false]])
  })

  it('takes settings from initializationOptions and pushed changes when the client cannot be asked', async () => {
    const plain = new TestClient()
    await plain.initialize(null, {capabilities: {}, initializationOptions: {destigma: {rules: {junkie: 'off'}}}})
    expect(codes(await plain.open('untitled:pushed', 'The junkie and the addicts.\n'))).toEqual(['addict'])
    const next = plain.nextDiagnostics('untitled:pushed')
    await plain.connection.sendNotification('workspace/didChangeConfiguration', {settings: {destigma: {rules: {addict: 'off'}}}})
    expect(codes(await next)).toEqual(['junkie'])
    expect(await plain.shutdown()).toBe(0)
  })

  it('lets the nearest rc file win over settings, which fill the rest', async () => {
    writeFileSync(join(workspace, '.destigmarc.json'), JSON.stringify({locale: 'en-GB'}))
    client.settings = {locale: 'en-US', rules: {junkie: 'off'}}
    const uri = uriOf('rc.md')
    const published = await client.open(uri, 'The junkie and an addict.\n')
    expect(codes(published)).toEqual(['addict'])
    const actions = await client.codeActions(uri, (published.diagnostics[0] as Diagnostic).range, published.diagnostics, ['quickfix'])
    expect(actions.find((action) => action.isPreferred)?.title).toBe('Replace “an addict” with “a person with addiction”')
  })

  it('relints open documents when a config file changes on disk', async () => {
    const uri = uriOf('watch.md')
    expect(codes(await client.open(uri, 'The junkie.\n'))).toEqual(['junkie'])
    writeFileSync(join(workspace, '.destigmarc.json'), JSON.stringify({rules: {junkie: 'off'}}))
    const next = client.nextDiagnostics(uri)
    await fileChanged('.destigmarc.json', 1)
    expect((await next).diagnostics).toEqual([])
  })

  it('shows one clear message for a bad config file and keeps linting with the settings', async () => {
    writeFileSync(join(workspace, '.destigmarc.json'), '{"rules": {"junkie": "of"}}\n')
    const first = await client.open(uriOf('bad-one.md'), 'The junkie.\n')
    await client.open(uriOf('bad-two.md'), 'The addicts.\n')
    expect(codes(first)).toEqual(['junkie'])
    expect(client.messages).toHaveLength(1)
    expect(client.messages[0]).toContain('.destigmarc.json:1:')
    expect(client.messages[0]).toContain('rules.junkie')
  })

  it('names a bad setting once and keeps the others', async () => {
    client.settings = {preset: 'everything', rules: {junkie: 'off'}}
    const published = await client.open(uriOf('bad-setting.md'), 'The junkie and the addicts.\n')
    expect(codes(published)).toEqual(['addict'])
    expect(client.messages).toEqual([expect.stringContaining('destigma.preset')])
  })

  it('skips documents that .destigmaignore ignores', async () => {
    writeFileSync(join(workspace, '.destigmaignore'), 'drafts/\n')
    mkdirSync(join(workspace, 'drafts'))
    expect((await client.open(uriOf('drafts/old.md'), 'The junkie.\n')).diagnostics).toEqual([])
    expect(codes(await client.open(uriOf('new.md'), 'The junkie.\n'))).toEqual(['junkie'])
  })
})

describe('shutdown', () => {
  it('exits with code 0 after shutdown and exit', async () => {
    expect(await client.shutdown()).toBe(0)
  })
})

describe('robustness', () => {
  let robust: TestClient
  beforeAll(async () => {
    robust = new TestClient()
    await robust.initialize(null)
  })
  afterAll(async () => {
    await robust.shutdown()
  })

  const inside = (published: PublishedDiagnostics, text: string): boolean => {
    const lines = text.split('\n')
    return published.diagnostics.every((diagnostic) => {
      const {start, end} = diagnostic.range
      return start.line < lines.length && end.line < lines.length && start.character <= (lines[start.line]?.length ?? 0) && end.character <= (lines[end.line]?.length ?? 0)
    })
  }

  it('survives random bytes', async () => {
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const bytes = Buffer.from(Array.from({length: 200_000}, () => Math.floor(random() * 256)))
    const text = bytes.toString('utf8')
    for (const [uri, languageId, format] of [['file:///random.md', 'markdown', 'markdown'], ['file:///random.txt', 'plaintext', 'text']] as const) {
      const published = await robust.open(uri, text, languageId)
      expect(inside(published, text)).toBe(true)
      // Where the reader can read the whole document, the server reports what the CLI would.
      const whole = await readProse(text, format).then(
        async (tree) => (await applyDirectives(text, format, lintTree(tree, text))).findings,
        () => undefined
      )
      if (whole) expect(codes(published)).toEqual(whole.map((finding) => finding.ruleId))
    }
    expect(codes(await robust.open('file:///after-random.md', 'The junkie.\n'))).toEqual(['junkie'])
  })

  it('lints a 10 MB document and stays responsive meanwhile', async () => {
    // A hundred different paragraphs over and over: the server's cache reads each once, so this
    // measures size (splitting, positions, 87,000 diagnostics), not the reader's speed.
    const paragraphs: string[] = []
    for (let length = 0, index = 0; length < 10_000_000; index++) {
      const paragraph = `Paragraph ${index % 100}: the service supported people in recovery and their families across the county, said the junkie.\n\n`
      paragraphs.push(paragraph)
      length += paragraph.length
    }
    const text = paragraphs.join('')
    const published = robust.open('file:///huge.md', text, 'markdown', 1, 180_000)
    // While it works, a request on another document is still answered.
    await robust.open('file:///small.md', 'The junkie.\n')
    const result = await published
    expect(result.diagnostics).toHaveLength(text.split('\n\n').length - 1)
    expect(inside(result, text)).toBe(true)
    await robust.connection.sendNotification('textDocument/didClose', {textDocument: {uri: 'file:///huge.md'}})
  }, 200_000)

  it('keeps up with 5,000 random edits, diagnostics within the document and memory bounded', async () => {
    const uri = 'file:///edits.md'
    let text = Array.from({length: 400}, (_, index) => `Paragraph ${index} about addicts and recovery.`).join('\n\n') + '\n'
    await robust.open(uri, text)
    let seed = 11
    const random = (below: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below
    const inserts = ['x', ' junkie', '\n\n', '```\n', '', 'addicts ', '# ', '\n']
    const lineStarts = (value: string): number[] => [0, ...[...value.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1)]
    const positionOf = (value: string, offset: number) => {
      const starts = lineStarts(value)
      let lineIndex = starts.findIndex((start) => start > offset) - 1
      if (lineIndex < 0) lineIndex = starts.length - 1
      return {line: lineIndex, character: offset - (starts[lineIndex] ?? 0)}
    }
    let memoryAfterFirstThousand = 0
    let last: Promise<PublishedDiagnostics> | undefined
    for (let version = 2; version <= 5001; version++) {
      const from = random(text.length + 1)
      const to = Math.min(text.length, from + random(30))
      const insert = inserts[random(inserts.length)] as string
      const range = {start: positionOf(text, from), end: positionOf(text, to)}
      text = text.slice(0, from) + insert + text.slice(to)
      if (version === 5001) last = robust.nextDiagnostics(uri, (p) => p.version === version, 60_000)
      await robust.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range, text: insert}]})
      if (version % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 40))
      if (version === 1001) memoryAfterFirstThousand = robust.residentBytes()
    }
    const final = await (last as Promise<PublishedDiagnostics>)
    expect(inside(final, text)).toBe(true)
    // After all those edits and cached blocks, the findings are those of the same text opened afresh.
    const fresh = await robust.open('file:///edits-fresh.md', text)
    expect(final.diagnostics).toEqual(fresh.diagnostics)
    expect(robust.residentBytes()).toBeLessThan(memoryAfterFirstThousand + 64 * 1024 * 1024)
    expect(robust.process.exitCode).toBeNull()
  }, 120_000)
})
