import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
// @ts-expect-error -- a plain script shared with the recorder, without types
import {differentialOutput} from './record.mjs'

// The CLI's JSON must stay what it was when before.json was recorded: refactors of how options
// are resolved or documents are read and linted change no finding, position, fix or message.
describe('differential check against the recorded output', () => {
  const before = JSON.parse(readFileSync(join(root, 'test/differential/before.json'), 'utf8')) as {findings: unknown[]; fixed: unknown[]}
  const now = differentialOutput() as {findings: Array<{filePath: string}>; fixed: Array<{filePath: string}>}

  it('finds the same in every fixture, corpus document and generated file', () => {
    expect(now.findings.length).toBeGreaterThan(200)
    expect(now.findings).toEqual(before.findings)
  })

  it('fixes every file to the same text', () => {
    expect(now.fixed.length).toBeGreaterThan(50)
    expect(now.fixed).toEqual(before.fixed)
  })
})
