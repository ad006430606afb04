#!/usr/bin/env node
// CLI start-up benchmark (issue 5): the whole process, `destigma small.md`, spawned again and
// again; reports the median and spread next to a bare `node` start for scale.
// Run after `pnpm build`: node test/bench/cli-startup.mjs [--runs N] [--alex PATH/TO/alex/cli.js]
//   [--baseline PATH/TO/another/destigma/cli.js] (an older build, timed in the same run for a before/after figure)
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const runs = Number(option('--runs')) || 21
const alex = option('--alex')
const baseline = option('--baseline')
const cli = join(root, 'packages/cli/dist/cli.js')

const folder = mkdtempSync(join(tmpdir(), 'destigma-startup-'))
const file = join(folder, 'small.md')
writeFileSync(file, '---\ntitle: A small draft\n---\n\n# Support\n\nThe service helps addicts and the homeless.\n')

/** Wall-clock seconds of each of `runs` spawns (after one warm-up run for the file cache). */
function time(args) {
  spawnSync(process.execPath, args, {cwd: folder})
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint()
    const result = spawnSync(process.execPath, args, {cwd: folder, encoding: 'utf8'})
    times.push(Number(process.hrtime.bigint() - start) / 1e9)
    if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  }
  return times.sort((a, b) => a - b)
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
function report(name, sorted) {
  console.log(`${name.padEnd(34)} median ${quantile(sorted, 0.5).toFixed(3)} s   min ${sorted[0].toFixed(3)} s   p90 ${quantile(sorted, 0.9).toFixed(3)} s   (${sorted.length} runs)`)
}

report('node -e "" (bare start)', time(['-e', '']))
report('destigma small.md', time([cli, 'small.md']))
report('destigma --format json small.md', time([cli, '--format', 'json', 'small.md']))
if (baseline) report('baseline destigma small.md', time([baseline, 'small.md']))
if (alex) report('alex small.md', time([alex, 'small.md']))
