#!/usr/bin/env node
// Adoption benchmarks (issue 12), run against the built CLI (`pnpm build` first):
//   node test/bench/adoption.mjs suppressions            500 files, 2,000 findings suppressed, 10 edits, 3 new findings
//   node test/bench/adoption.mjs shards [--files 10000] [--shards 10]
//   node test/bench/adoption.mjs speed --alex PATH/TO/alex/cli.js --tldr PATH/TO/tldr/pages --react PATH/TO/react.dev/src/content
//   node test/bench/adoption.mjs prose [--runs 11]       1 MiB of policy prose: the CLI against retext-english's parse alone
// Every figure is whole-process wall and CPU time (GNU time, Debian package "time") and peak
// resident memory, measured in the same run so that ratios hold on a shared machine. Third-party
// pages (tldr, react.dev) are read where they are, never copied into the repository.
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {archivePage, archivePath, writeArchive} from './archive.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const cli = join(root, 'packages/cli/dist/cli.js')
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback)

/** Run a command under GNU time: exit code, output, wall and CPU seconds, peak MB. */
function measure(command, args, cwd, env = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], {cwd, encoding: 'utf8', maxBuffer: 2 ** 30, env: {...process.env, ...env}})
  const [wall, user, system, peak] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, wall, cpu: user + system, peak: peak / 1024}
}
const destigma = (args, cwd, env) => measure(process.execPath, [cli, ...args], cwd, env)
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const fixed = (value, digits = 1) => value.toFixed(digits)

function suppressions() {
  const folder = mkdtempSync(join(tmpdir(), 'destigma-bench-suppress-'))
  writeArchive(folder, 500, 4)
  const plain = destigma(['--format', 'json', '.'], folder)
  const findings = JSON.parse(plain.stdout).reduce((sum, file) => sum + file.messages.length, 0)
  const suppress = destigma(['--suppress-all', '.'], folder)
  for (let index = 10; index < 20; index++) {
    const path = join(folder, archivePath(index))
    writeFileSync(path, `A new opening paragraph.\n\n` + readFileSync(path, 'utf8'))
  }
  for (const index of [100, 200, 300]) writeFileSync(join(folder, archivePath(index)), readFileSync(join(folder, archivePath(index)), 'utf8') + '\nA crackhead was mentioned.\n')
  const after = destigma(['--format', 'json', '.'], folder)
  const reported = JSON.parse(after.stdout).flatMap((file) => file.messages.map((message) => `${relative(folder, file.filePath)} ${message.ruleId}`))
  console.log(`load average ${load()}`)
  console.log('| Run | Exit | Findings reported | Wall s | CPU s |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  console.log(`| no suppressions | ${plain.status} | ${findings} | ${fixed(plain.wall)} | ${fixed(plain.cpu)} |`)
  console.log(`| --suppress-all | ${suppress.status} | 0 | ${fixed(suppress.wall)} | ${fixed(suppress.cpu)} |`)
  console.log(`| after 10 edits and 3 new findings | ${after.status} | ${reported.length} | ${fixed(after.wall)} | ${fixed(after.cpu)} |`)
  console.log(`reported: ${reported.join('; ')}`)
  console.log(`stderr: ${after.stderr.split('\n').filter((line) => line.startsWith('destigma:')).join(' / ')}`)
  rmSync(folder, {recursive: true, force: true})
}

function shards() {
  const files = Number(option('--files', '10000'))
  const count = Number(option('--shards', '10'))
  const folder = mkdtempSync(join(tmpdir(), 'destigma-bench-shards-'))
  writeArchive(folder, files, 1)
  const whole = destigma(['--format', 'json', 'archive'], folder)
  const wholeSarif = destigma(['--format', 'sarif', 'archive'], folder)
  const rows = []
  const reports = {json: [], sarif: []}
  for (let index = 1; index <= count; index++) {
    for (const format of ['json', 'sarif']) {
      const run = destigma(['--shard', `${index}/${count}`, '--format', format, 'archive'], folder)
      const report = join(folder, `shard-${index}.${format}`)
      writeFileSync(report, run.stdout)
      reports[format].push(report)
      if (format === 'json') {
        const paths = JSON.parse(run.stdout).map((file) => file.filePath)
        rows.push({index, files: paths.length, bytes: paths.reduce((sum, path) => sum + statSync(path).size, 0), wall: run.wall, cpu: run.cpu, paths})
      }
    }
  }
  const merged = destigma(['merge-reports', ...reports.json], folder)
  const mergedSarif = destigma(['merge-reports', ...reports.sarif], folder)
  const mean = (key) => rows.reduce((sum, row) => sum + row[key], 0) / rows.length
  const spread = (key) => Math.max(...rows.map((row) => Math.abs(row[key] - mean(key)) / mean(key)))
  // Stability: add 1% more pages and see how many of the first pages change shard.
  const before = new Map(rows.flatMap((row) => row.paths.map((path) => [path, row.index])))
  for (let index = files; index < files + Math.ceil(files / 100); index++) {
    mkdirSync(dirname(join(folder, archivePath(index))), {recursive: true})
    writeFileSync(join(folder, archivePath(index)), archivePage(index, 1))
  }
  let moved = 0
  for (let index = 1; index <= count; index++) {
    const run = destigma(['--shard', `${index}/${count}`, '--format', 'json', 'archive'], folder)
    for (const file of JSON.parse(run.stdout)) if (before.has(file.filePath) && before.get(file.filePath) !== index) moved++
  }
  console.log(`${files} files, ${count} shards, load average ${load()}`)
  console.log(`unsharded: json ${fixed(whole.wall)} s wall, ${fixed(whole.cpu)} s CPU; sarif ${fixed(wholeSarif.wall)} s wall`)
  console.log('| Shard | Files | KB | Wall s | CPU s |')
  console.log('| ---: | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(`| ${row.index} | ${row.files} | ${fixed(row.bytes / 1024, 0)} | ${fixed(row.wall)} | ${fixed(row.cpu)} |`)
  console.log(`largest deviation from the mean: bytes ${fixed(spread('bytes') * 100)}%, files ${fixed(spread('files') * 100)}%, CPU ${fixed(spread('cpu') * 100)}%`)
  console.log(`sum of shard CPU / unsharded CPU: ${fixed(rows.reduce((sum, row) => sum + row.cpu, 0) / whole.cpu, 2)}`)
  console.log(`merged JSON equals unsharded: ${merged.stdout === whole.stdout}; merged SARIF equals unsharded: ${mergedSarif.stdout === wholeSarif.stdout}`)
  console.log(`after adding 1% more files, ${moved} of ${before.size} files (${fixed((moved / before.size) * 100, 2)}%) changed shard`)
  rmSync(folder, {recursive: true, force: true})
}

/** The first `count` Markdown files under a folder, in path order, copied to a scratch folder. */
function subset(source, count) {
  const files = []
  const visit = (folder) => {
    for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.name.endsWith('.md')) files.push(path)
    }
  }
  visit(source)
  const target = mkdtempSync(join(tmpdir(), 'destigma-bench-pages-'))
  for (const file of files.slice(0, count)) cpSync(file, join(target, relative(source, file)))
  return {folder: target, count: Math.min(count, files.length)}
}

function speed() {
  const alex = option('--alex')
  const sets = [
    ['tldr, first 1,000 pages', option('--tldr'), 1000, true],
    ['tldr, all pages', option('--tldr'), Infinity, false],
    ['react.dev docs', option('--react'), Infinity, true]
  ]
  console.log(`load average ${load()} at start`)
  console.log('destigma: median of 3 runs by wall time (its runs are short, so one burst of load on the shared machine would skew a single one); alex: one run')
  console.log('| Pages | Files | Tool | Wall s | CPU s | Peak MB | alex / destigma (wall) | alex / destigma (CPU) |')
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |')
  const results = {}
  for (const [name, source, count, withAlex] of sets) {
    if (!source) continue
    const {folder, count: files} = subset(source, count)
    let ratios = ' | '
    if (alex && withAlex) {
      const theirs = measure(process.execPath, [alex, '.'], folder)
      console.log(`| ${name} | ${files} | alex | ${fixed(theirs.wall)} | ${fixed(theirs.cpu)} | ${fixed(theirs.peak, 0)} | | |`)
      results[name] = {alex: theirs}
    }
    const runs = [0, 1, 2].map(() => destigma(['--format', 'json', '.'], folder)).sort((a, b) => a.wall - b.wall)
    const ours = runs[1]
    const theirs = results[name]?.alex
    if (theirs) ratios = `${fixed(theirs.wall / ours.wall)} | ${fixed(theirs.cpu / ours.cpu)}`
    results[name] = {files, wall: ours.wall}
    console.log(`| ${name} | ${files} | destigma | ${fixed(ours.wall)} | ${fixed(ours.cpu)} | ${fixed(Math.max(...runs.map((run) => run.peak)), 0)} | ${ratios} |`)
    rmSync(folder, {recursive: true, force: true})
  }
  const first = results['tldr, first 1,000 pages']
  const all = results['tldr, all pages']
  if (first && all) console.log(`all tldr pages against linear from the first 1,000: ${fixed(all.wall / ((first.wall * all.files) / first.files), 2)}×`)
  console.log(`load average ${load()} at end`)
}

function prose() {
  const folder = mkdtempSync(join(tmpdir(), 'destigma-bench-prose-'))
  const drafts = readdirSync(join(root, 'fixtures'))
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => readFileSync(join(root, 'fixtures', name), 'utf8'))
  let text = ''
  while (text.length < 1024 * 1024) text += drafts.join('\n\n') + '\n\n'
  writeFileSync(join(folder, 'policy.txt'), text)
  // Evaluated with the repository as working folder, so retext-english resolves from its node_modules.
  const parse = `import {readFileSync} from 'node:fs'; import {unified} from 'unified'; import retextEnglish from 'retext-english'; unified().use(retextEnglish).parse(readFileSync(process.argv[1], 'utf8'))`
  // CPU time on a shared virtual machine swings by a quarter from one run to the next: run the
  // three side by side many times, and compare each run with its neighbours (paired ratios).
  const runs = Number(option('--runs', '11'))
  const rows = []
  for (let run = 0; run < runs; run++) {
    const parsed = measure(process.execPath, ['--input-type=module', '-e', parse, join(folder, 'policy.txt')], root)
    const ours = destigma(['--format', 'json', 'policy.txt'], folder)
    const full = destigma(['--format', 'json', 'policy.txt'], folder, {DESTIGMA_PREFILTER: 'off'})
    rows.push({parsed: parsed.cpu, ours: ours.cpu, full: full.cpu, ratio: ours.cpu / parsed.cpu, fullRatio: full.cpu / parsed.cpu})
  }
  const median = (key) => rows.map((row) => row[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]
  console.log(`1 MiB of policy prose (plain text), whole process, CPU seconds, median of ${runs}, load average ${load()}`)
  console.log(`retext-english parse alone: ${fixed(median('parsed'), 2)}; destigma: ${fixed(median('ours'), 2)}; destigma without the prefilter: ${fixed(median('full'), 2)}`)
  console.log(`destigma / parse alone, median of the paired ratios: ${fixed(median('ratio'), 2)}; without the prefilter: ${fixed(median('fullRatio'), 2)}`)
  rmSync(folder, {recursive: true, force: true})
}

const benches = {suppressions, shards, speed, prose}
const name = process.argv[2]
if (!benches[name]) {
  console.error(`usage: node test/bench/adoption.mjs ${Object.keys(benches).join('|')} [options]`)
  process.exit(2)
}
benches[name]()
