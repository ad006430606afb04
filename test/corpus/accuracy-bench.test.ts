import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'

// The accuracy bench end to end (it needs the built engine, as the corpus test does): both
// corpora and both presets are measured, and the hold-out's misses stay unlisted unless asked.
const run = (...args: string[]): string => execFileSync(process.execPath, [join(root, 'test/bench/accuracy.mjs'), ...args], {cwd: root, encoding: 'utf8'})
const section = (output: string, name: string): string => output.split('Corpus accuracy, ').find((part) => part.startsWith(name)) ?? ''

describe('test/bench/accuracy.mjs', () => {
  const output = run()

  it('prints a table per category and per family for each corpus and preset, and a summary', () => {
    for (const name of ['hold-out, preset recommended', 'hold-out, preset strict', 'tuning corpus, preset recommended', 'tuning corpus, preset strict']) {
      const part = section(output, name)
      expect(part, name).toMatch(/\ncategory +sentences/)
      expect(part, name).toMatch(/\nfamily +sentences/)
      expect(output).toMatch(new RegExp(`\\n  ${name} +precision +\\d+\\.\\d% +recall +\\d+\\.\\d%`))
    }
    expect(section(output, 'hold-out, preset recommended')).toMatch(/\nmentions +\d+ +\d+ /)
  })

  it('lists the tuning corpus misses but only counts the hold-out’s, unless --list-holdout', () => {
    expect(section(output, 'hold-out, preset recommended')).not.toMatch(/holdout\/[a-z-]+\.md:\d+/)
    expect(section(output, 'hold-out, preset recommended')).toMatch(/false alarms and \d+ misses, not listed/)
    expect(section(output, 'tuning corpus, preset strict')).toMatch(/False negatives \(expected, not found\)/)
    const listed = section(run('--list-holdout'), 'hold-out, preset strict')
    expect(listed).not.toMatch(/not listed/)
    const counted = /\n {2}hold-out, preset strict .*\((\d+) false alarms, (\d+) missed/.exec(output)
    expect(counted, 'the summary line of the hold-out under strict').not.toBeNull()
    if (Number(counted?.[1]) + Number(counted?.[2]) > 0) expect(listed).toMatch(/\n {2}holdout\/[a-z-]+\.md:\d+ {2}/)
  })
})
