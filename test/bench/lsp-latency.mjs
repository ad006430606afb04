#!/usr/bin/env node
// Language server latency benchmark (issue 6): drives the built server over stdio as an editor
// does, on a ~250 KiB Markdown document made from the fixtures, and reports
//   - open: didOpen to the first publishDiagnostics;
//   - edit: a one-character didChange (incremental) to the publishDiagnostics of that version,
//     debounce included, at random places in the document;
//   - a whole-document lint of the same text with the engine, for scale (what the server avoids).
// Run after `pnpm build`: node test/bench/lsp-latency.mjs [--edits N] [--kib N] [--seed N]
import {spawn} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const option = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback)
const edits = option('--edits', 60)
const targetBytes = option('--kib', 250) * 1024
let seed = option('--seed', 1)
const random = (below) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below

/** A Markdown document of about `targetBytes`: the fixtures' paragraphs, each made unique, with headings, lists and code. */
function makeDocument() {
  const fixtures = readdirSync(join(root, 'fixtures')).filter((name) => name.endsWith('.md'))
  const paragraphs = fixtures
    .flatMap((name) => readFileSync(join(root, 'fixtures', name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '' && !paragraph.startsWith('```'))
  const parts = []
  let size = 0
  for (let index = 0; size < targetBytes; index++) {
    let part = paragraphs[index % paragraphs.length]
    if (index % 40 === 0) part = `## Section ${index / 40 + 1}`
    else if (index % 17 === 0) part = '```sh\ndestigma --format json drafts/\n```'
    else part = `${part} (Note ${index}.)`
    parts.push(part)
    size += part.length + 2
  }
  return parts.join('\n\n') + '\n'
}

class Server {
  constructor(path) {
    this.child = spawn(process.execPath, [path, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
    this.buffer = Buffer.alloc(0)
    this.nextId = 1
    this.pending = new Map()
    this.waiters = []
    this.child.stdout.on('data', (chunk) => this.receive(chunk))
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n')
      if (head === -1) return
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())[1])
      if (this.buffer.length < head + 4 + length) return
      const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString('utf8'))
      this.buffer = this.buffer.subarray(head + 4 + length)
      if (message.id !== undefined && !message.method) this.pending.get(message.id)?.(message.result)
      else if (message.id !== undefined) this.send({id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null})
      else if (message.method === 'textDocument/publishDiagnostics') for (const waiter of this.waiters.splice(0)) waiter(message.params)
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}))
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
    this.child.stdin.write(body)
  }

  request(method, params) {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.send({id, method, params})
    })
  }

  /** Resolves with the time at which diagnostics for `version` arrive. */
  published(version) {
    return new Promise((resolve) => {
      const waiter = (params) => (params.version === version ? resolve({at: performance.now(), count: params.diagnostics.length}) : this.waiters.push(waiter))
      this.waiters.push(waiter)
    })
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

const text = makeDocument()
const server = new Server(join(root, 'packages/language-server/dist/server.js'))
await server.request('initialize', {processId: process.pid, rootUri: null, capabilities: {workspace: {configuration: true}}})
server.send({method: 'initialized', params: {}})
const uri = 'file:///bench/policy.md'

const load = loadavg()[0]
let arrived = server.published(1)
const openStart = performance.now()
server.send({method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text}}})
const opened = await arrived
const openMs = opened.at - openStart

let current = text
const times = []
for (let version = 2; version < edits + 2; version++) {
  const offset = random(current.length)
  const before = current.slice(0, offset)
  const line = before.split('\n').length - 1
  const character = offset - (before.lastIndexOf('\n') + 1)
  current = before + 'e' + current.slice(offset)
  arrived = server.published(version)
  const start = performance.now()
  server.send({method: 'textDocument/didChange', params: {textDocument: {uri, version}, contentChanges: [{range: {start: {line, character}, end: {line, character}}, text: 'e'}]}})
  times.push((await arrived).at - start)
  // Typing speed: a keystroke every 100 ms or so, not back to back.
  await new Promise((resolve) => setTimeout(resolve, 100))
}
await server.request('shutdown', null)
server.send({method: 'exit', params: null})

// The whole-document lint the server avoids on each keystroke, with the same reader and engine.
const {readProse} = await import(join(root, 'packages/formats/src/index.ts')).catch(() => ({}))
let wholeMs
if (readProse) {
  const {lintTree} = await import(join(root, 'packages/retext-stigma/dist/index.js'))
  const start = performance.now()
  lintTree(await readProse(text, 'markdown'), text, {})
  wholeMs = performance.now() - start
}

times.sort((a, b) => a - b)
console.log(`document: ${(text.length / 1024).toFixed(0)} KiB Markdown, ${opened.count} findings; node ${process.version}, ${cpus().length} CPUs, load average ${load.toFixed(1)} at start`)
console.log(`open to first diagnostics: ${openMs.toFixed(0)} ms`)
console.log(`one-character edit to fresh diagnostics (${times.length} edits, debounce included): median ${quantile(times, 0.5).toFixed(0)} ms, p90 ${quantile(times, 0.9).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`)
if (wholeMs !== undefined) console.log(`whole-document lint of the same text, for scale: ${wholeMs.toFixed(0)} ms`)
else console.log('whole-document lint for scale: run with `npx tsx test/bench/lsp-latency.mjs` to include it')
