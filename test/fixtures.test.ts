import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatFromName, readProse} from '@destigma/formats'
import {lintTree} from 'retext-stigma'
import {root} from './helpers.js'

// Each draft in fixtures/ has its expected findings next to it in `<name>.findings`
// (`line:column severity rule-id actual`, recommended preset). After a reviewed rule
// change, refresh them with `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts`.
const folder = join(root, 'fixtures')
const drafts = readdirSync(folder).filter((name) => formatFromName(name) !== undefined)

describe('fixtures', () => {
  it('has drafts in every format', () => {
    expect(drafts.some((name) => name.endsWith('.md'))).toBe(true)
    expect(drafts.some((name) => name.endsWith('.txt'))).toBe(true)
  })

  it.each(drafts)('%s gives its recorded findings', async (name) => {
    const text = readFileSync(join(folder, name), 'utf8')
    const format = formatFromName(name)
    if (!format) throw new Error(`unknown format: ${name}`)
    const findings = lintTree(await readProse(text, format), text, {})
    const lines = findings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${JSON.stringify(finding.actual)}`)
    const recorded = join(folder, `${name}.findings`)
    if (process.env.UPDATE_FIXTURES) writeFileSync(recorded, lines.join('\n') + '\n')
    expect(lines.join('\n') + '\n').toBe(readFileSync(recorded, 'utf8'))
  })
})
