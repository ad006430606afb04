#!/usr/bin/env node
// Probe sets (issue 11): sentences written by people who never saw the engine, one per line,
// each tagged USE (a careful editor wants a finding) or TRAP (no finding wanted). A TRAP with
// any finding is a false alarm; a USE with none is a miss. The sets in test/probes were tuned on
// in issue 11's eighth round, so they measure regressions and breadth; `--set check` scores the
// frozen check set in test/check instead, which nobody tunes on, so its lines are never listed.
// Run after building the engine:
//   node test/bench/probes.mjs [--set probes|check] [--list] [--preset recommended|strict]
import {readFileSync, readdirSync} from 'node:fs'
import {join, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint} from '../../packages/retext-stigma/dist/index.js'

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const set = option('--set') ?? 'probes'
if (set !== 'probes' && set !== 'check') {
  console.error(`--set ${set}: expected probes or check`)
  process.exit(2)
}
const folder = join(dirname(fileURLToPath(import.meta.url)), '..', set)
const list = process.argv.includes('--list') && set === 'probes'
if (process.argv.includes('--list') && !list) console.log('(the check set is frozen and never tuned on: its false alarms and misses are counted, not listed)\n')
const presets = option('--preset') ? [option('--preset')] : ['recommended', 'strict']

/** The tagged lines of one probe file. */
const probesIn = (file) =>
  readFileSync(join(folder, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [tag, text] = line.split('\t')
      return {use: tag === 'USE', text}
    })

/** One line of the table: counts, then precision and recall. */
const row = (name, {lines, tp, fp, fn}) =>
  `${name.padEnd(28)}${[lines, tp, fp, fn].map((value) => String(value).padStart(6)).join('')}     ${percent(tp, tp + fp)}  ${percent(tp, tp + fn)}`

const percent = (part, whole) => (whole === 0 ? '  n/a' : `${((part / whole) * 100).toFixed(1)}%`.padStart(6))

for (const preset of presets) {
  console.log(`${set === 'check' ? 'Check set' : 'Probe sets'}, preset ${preset}`)
  console.log(`${'file'.padEnd(28)}${'lines'.padStart(6)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}  precision  recall`)
  const total = {lines: 0, tp: 0, fp: 0, fn: 0}
  const wrong = []
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.tsv')).sort()) {
    const count = {lines: 0, tp: 0, fp: 0, fn: 0}
    for (const {use, text} of probesIn(file)) {
      const findings = lint(text, {preset})
      count.lines++
      if (use && findings.length > 0) count.tp++
      else if (use) {
        count.fn++
        wrong.push(`  miss         ${file}  ←  ${text}`)
      } else if (findings.length > 0) {
        count.fp++
        wrong.push(`  false alarm  ${file}  ${findings.map((finding) => `${finding.ruleId}: ${finding.actual}`).join('; ')}  ←  ${text}`)
      }
    }
    for (const key of Object.keys(total)) total[key] += count[key]
    console.log(row(file, count))
  }
  console.log(row('overall', total))
  if (list) for (const line of wrong) console.log(line)
  console.log('')
}
