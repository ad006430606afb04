#!/usr/bin/env node
// CLI scale benchmark (issue 5): trees of Markdown files of about 10 KB each, generated from
// the fixtures, checked by the built CLI (and by alex's CLI when --alex is given) in the same
// run. Reports wall time, throughput and peak memory (maximum resident set of the process,
// worker threads included) per tree size, to show time growing linearly and memory staying flat.
// Run after `pnpm build`:
//   node test/bench/cli-scale.mjs [--files 1000,2500,5000,10000] [--alex PATH/TO/alex/cli.js] [--alex-files 1000]
// Needs GNU time (/usr/bin/time, Debian package "time") for peak memory.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const sizes = (option('--files') ?? '1000,2500,5000,10000').split(',').map(Number)
const alex = option('--alex')
const alexSizes = new Set((option('--alex-files') ?? String(sizes[0])).split(',').map(Number))
const cli = join(root, 'packages/cli/dist/cli.js')

/** About 10 KB of Markdown from the fixtures, different for each file. */
function document(index, drafts) {
  let text = `---\ntitle: Draft ${index}\n---\n\n# Draft ${index}\n\n`
  for (let part = index; text.length < 10_000; part++) text += drafts[part % drafts.length] + '\n\n'
  return text
}

function tree(count) {
  const folder = mkdtempSync(join(tmpdir(), `destigma-scale-${count}-`))
  const fixtures = join(root, 'fixtures')
  const drafts = readdirSync(fixtures)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(fixtures, name), 'utf8').replace(/^---[\s\S]*?---\n/, ''))
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const sub = join(folder, `section-${Math.floor(index / 100)}`)
    if (index % 100 === 0) mkdirSync(sub)
    const text = document(index, drafts)
    bytes += Buffer.byteLength(text)
    writeFileSync(join(sub, `draft-${index}.md`), text)
  }
  return {folder, bytes}
}

/** Wall seconds and peak resident memory (MB) of one run. */
function measure(args, cwd) {
  const start = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`)
  const peak = Number(result.stderr.trim().split('\n').at(-1)) / 1024
  return {seconds, peak}
}

console.log('| Files | MB | Tool | Seconds | MB/s | Files/s | Peak memory (MB) |')
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: |')
for (const count of sizes) {
  const {folder, bytes} = tree(count)
  const megabytes = bytes / 1024 / 1024
  const row = (tool, {seconds, peak}) =>
    console.log(`| ${count} | ${megabytes.toFixed(1)} | ${tool} | ${seconds.toFixed(1)} | ${(megabytes / seconds).toFixed(2)} | ${Math.round(count / seconds)} | ${peak.toFixed(0)} |`)
  // Output goes to a pipe the benchmark reads and drops, as in CI; json keeps both tools' output comparable in size.
  row('destigma', measure([cli, '--format', 'json', '.'], folder))
  if (alex && alexSizes.has(count)) row('alex 11', measure([alex, '.'], folder))
  rmSync(folder, {recursive: true, force: true})
}
