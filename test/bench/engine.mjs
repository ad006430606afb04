#!/usr/bin/env node
// Engine benchmark (issue 3): ~1 MiB of policy prose through retext-english alone, through
// retext-stigma, and through alex's pipeline (retext-equality + retext-profanities), each in
// its own process so peak memory is comparable. Run: node test/bench/engine.mjs [--runs N]
import {spawnSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import {join, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5
const mode = process.env.BENCH_MODE

/** ~1 MiB of prose built from the fixtures (front matter and headings included). */
function corpus() {
  const folder = join(root, 'fixtures')
  const drafts = readdirSync(folder).filter((name) => /\.(md|txt)$/.test(name)).map((name) => readFileSync(join(folder, name), 'utf8'))
  let text = ''
  while (text.length < 1024 * 1024) text += drafts.join('\n\n') + '\n\n'
  return text
}

async function child() {
  const {unified} = await import('unified')
  const {default: retextEnglish} = await import('retext-english')
  const processor = unified().use(retextEnglish)
  if (mode === 'destigma') processor.use((await import('retext-stigma')).default)
  if (mode === 'alex') {
    processor.use((await import('retext-equality')).default).use((await import('retext-profanities')).default)
  }
  const {VFile} = await import('vfile')
  const text = corpus()
  const once = () => {
    // Collect the previous run's tree first, so peak memory reflects one run, not GC timing.
    globalThis.gc?.()
    const file = new VFile(text)
    processor.runSync(processor.parse(file), file)
    return file.messages.length
  }
  once() // warm up
  const times = []
  let messages = 0
  for (let index = 0; index < runs; index++) {
    const start = performance.now()
    messages = once()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(JSON.stringify({mode, bytes: Buffer.byteLength(text), median, messages, maxRssMiB: process.resourceUsage().maxRSS / 1024}))
}

function parent() {
  const results = {}
  for (const name of ['parse-only', 'destigma', 'alex']) {
    const out = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--runs', String(runs)], {
      env: {...process.env, BENCH_MODE: name},
      encoding: 'utf8',
      cwd: root
    })
    if (out.status !== 0) throw new Error(`${name} failed: ${out.stderr}`)
    results[name] = JSON.parse(out.stdout.trim().split('\n').at(-1))
  }
  const base = results['parse-only']
  const ours = results.destigma
  const alex = results.alex
  const rows = [
    ['pipeline', 'median ms', 'messages', 'peak RSS MiB'],
    ...Object.values(results).map((r) => [r.mode, r.median.toFixed(0), String(r.messages), r.maxRssMiB.toFixed(0)])
  ]
  console.log(`input: ${(base.bytes / 1024 / 1024).toFixed(2)} MiB, median of ${runs} runs after one warm-up, node ${process.version}`)
  for (const row of rows) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(12) : cell.padStart(12))).join(''))
  const ratio = ours.median / base.median
  const speedup = alex.median / ours.median
  const memory = ours.maxRssMiB / base.maxRssMiB
  console.log(`destigma / parse-only time: ${ratio.toFixed(2)} (target ≤ 1.30)`)
  console.log(`alex / destigma time: ${speedup.toFixed(2)} (target ≥ 2.00)`)
  console.log(`destigma / parse-only peak memory: ${memory.toFixed(2)} (target ≤ 1.10)`)
  process.exitCode = ratio <= 1.3 && speedup >= 2 && memory <= 1.1 ? 0 : 1
}

if (mode) await child()
else parent()
