import {describe, expect, it} from 'vitest'
import {workspace} from '../cli/helpers.js'
import {bounded, runBounded} from './helpers.js'

describe('hostile file names and encodings', () => {
  it('escapes control characters of file names in the stylish report and on stderr', () => {
    const name = 'evil\n\u001b[31mred\u0007.md'
    const folder = workspace({[name]: 'The junkie.\n', 'bad\u001b]0;title\u0007.md': new Uint8Array([0x41, 0, 0x42])})
    const run = bounded(runBounded(['--no-config', '.'], {cwd: folder}))
    expect(run.stdout).toContain('evil\\n\\x1b[31mred\\x07.md')
    expect(run.stdout).not.toContain('\u001b')
    expect(run.stderr).toContain('bad\\x1b]0;title\\x07.md: is a binary file')
    expect(run.stderr).not.toContain('\u001b')
  })

  it('names UTF-32 as UTF-32', () => {
    const le = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])
    const be = new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41])
    const run = bounded(runBounded(['--no-config', 'le.txt', 'be.txt'], {cwd: workspace({'le.txt': le, 'be.txt': be})}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('le.txt: is UTF-32 text; save it as UTF-8')
    expect(run.stderr).toContain('be.txt: is UTF-32 text; save it as UTF-8')
  })

  it('calls a file with a NUL byte anywhere binary, not only in its first 8,000 bytes', () => {
    const late = new TextEncoder().encode(`${'The junkie went home. '.repeat(1000)}\u0000tail\n`)
    const run = bounded(runBounded(['--no-config', 'late.md'], {cwd: workspace({'late.md': late})}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('late.md: is a binary file, not text')
  })
})
