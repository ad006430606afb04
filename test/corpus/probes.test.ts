import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from 'retext-stigma'
import {root} from '../helpers.js'
import {digestFiles, parseDigests} from './holdout.js'

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

describe('the check set', () => {
  const check = join(root, 'test/check')

  it('is frozen: its sentences are as they were when first scored', () => {
    const recorded = parseDigests(readFileSync(join(check, 'FROZEN.sha256'), 'utf8'))
    expect(
      Object.fromEntries(digestFiles(check, '.tsv')),
      'test/check is frozen (issue 11): restore it from git; a fresh check is a new file written the same way, with its own digest.'
    ).toEqual(Object.fromEntries(recorded))
  })

  it('is scored by count only: the bench never lists its lines', () => {
    const output = execFileSync(process.execPath, [join(root, 'test/bench/probes.mjs'), '--set', 'check', '--list'], {cwd: root, encoding: 'utf8'})
    expect(output).toMatch(/\nround-eight\.tsv +700 +\d+ +\d+ +\d+ /)
    expect(output).toMatch(/\nround-nine\.tsv +706 +\d+ +\d+ +\d+ /)
    expect(output).toMatch(/\nround-nine-families\.tsv +424 +\d+ +\d+ +\d+ /)
    expect(output).toMatch(/never tuned on/)
    expect(output).not.toMatch(/\n {2}(?:false alarm|miss) /)
  })
})
