import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from 'retext-stigma'
import {root} from '../helpers.js'

// The probe sets (test/probes/README.md): their format, and the bench that scores them.
const folder = join(root, 'test/probes')
const files = readdirSync(folder).filter((name) => name.endsWith('.tsv')).sort()
const lines = files.flatMap((file) => readFileSync(join(folder, file), 'utf8').split('\n').filter((line) => line !== '').map((line, index) => ({file, number: index + 1, line})))

describe('the probe sets', () => {
  it('hold one tagged sentence per line, each sentence once', () => {
    expect(files.length).toBeGreaterThan(5)
    const malformed = lines.filter(({line}) => !/^(?:USE|TRAP)\t\S[^\t]*$/u.test(line)).map(({file, number}) => `${file}:${number}`)
    expect(malformed).toEqual([])
    const seen = new Map<string, string>()
    const repeated: string[] = []
    for (const {file, number, line} of lines) {
      const text = line.slice(line.indexOf('\t') + 1)
      if (seen.has(text)) repeated.push(`${file}:${number} repeats ${seen.get(text)}`)
      else seen.set(text, `${file}:${number}`)
    }
    expect(repeated).toEqual([])
  })

  it('are scored by the bench as the engine lints them, per file and overall', () => {
    const output = execFileSync(process.execPath, [join(root, 'test/bench/probes.mjs'), '--preset', 'recommended', '--list'], {cwd: root, encoding: 'utf8'})
    const row = /\noverall +(\d+) +(\d+) +(\d+) +(\d+) /.exec(output)
    expect(row, 'the overall row').not.toBeNull()
    // Counted again here, from the engine's public API.
    let truePositives = 0
    let falseAlarms = 0
    let misses = 0
    for (const {line} of lines) {
      const [tag, text = ''] = line.split('\t')
      const found = lint(text, {preset: 'recommended'}).length > 0
      if (tag === 'USE' && found) truePositives++
      else if (tag === 'USE') misses++
      else if (found) falseAlarms++
    }
    expect(row?.slice(1).map(Number)).toEqual([lines.length, truePositives, falseAlarms, misses])
    expect(output.split('\n').filter((text) => text.startsWith('  false alarm ')).length).toBe(falseAlarms)
    expect(output.split('\n').filter((text) => text.startsWith('  miss ')).length).toBe(misses)
  })
})
