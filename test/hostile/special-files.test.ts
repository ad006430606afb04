import {execFileSync} from 'node:child_process'
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readRegularFile} from '../../packages/config/src/read-regular-file.js'
import {workspace} from '../cli/helpers.js'
import {bounded, runBounded} from './helpers.js'

const flagged = 'The addict went home.\n'
const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path])
}

describe('special files: only regular files are read, and never past the size limit', () => {
  it('refuses a named FIFO instead of waiting for a writer', () => {
    const folder = workspace({'good.md': flagged})
    mkfifo(join(folder, 'pipe.md'))
    const run = bounded(runBounded(['--no-config', 'pipe.md', 'good.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('pipe.md: is a named pipe (FIFO), not a regular file')
    expect(run.stdout).toContain('good.md')
  })

  it('refuses a link to a FIFO, and a link to /dev/zero, whatever stat says their size is', () => {
    const folder = workspace()
    mkfifo(join(folder, 'pipe'))
    symlinkSync(join(folder, 'pipe'), join(folder, 'linked.md'))
    symlinkSync('/dev/zero', join(folder, 'zero.md'))
    const run = bounded(runBounded(['--no-config', '--max-file-size', '1KB', 'linked.md', 'zero.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('linked.md: is a named pipe (FIFO), not a regular file')
    expect(run.stderr).toContain('zero.md: is a character device, not a regular file')
  })

  it('counts the size while reading: a regular file whose stat says 0 bytes is still cut off at the limit', () => {
    const folder = workspace()
    // /proc files are regular files that stat as empty but read as many bytes.
    symlinkSync('/proc/self/maps', join(folder, 'maps.txt'))
    const run = bounded(runBounded(['--no-config', '--max-file-size', '1KB', 'maps.txt'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('maps.txt: is too large (over 1 KB; the limit is 1 KB')
    expect(() => readRegularFile('/proc/self/maps', 100)).toThrow('holds more than 100 bytes')
    expect(readRegularFile('/proc/self/maps', 1 << 20).bytes.length).toBeGreaterThan(100)
  })

  it('passes over FIFOs and links to them that a folder walk finds, and says so', () => {
    const folder = workspace({'docs/a.md': flagged})
    mkfifo(join(folder, 'docs/pipe.md'))
    symlinkSync(join(folder, 'docs/pipe.md'), join(folder, 'docs/link.md'))
    const run = bounded(runBounded(['--no-config', '--format', 'json', 'docs'], {cwd: folder}))
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('docs/pipe.md: skipped, it is a named pipe (FIFO), not a regular file')
    expect(run.stderr).toContain('docs/link.md: skipped, it links to something that is a named pipe (FIFO), not a regular file')
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1)
  })

  it('refuses an rc file or a custom rule file that is a FIFO or a device, naming it', () => {
    const rc = workspace({'a.md': flagged})
    mkfifo(join(rc, '.destigmarc.json'))
    const rcRun = bounded(runBounded(['a.md'], {cwd: rc}))
    expect(rcRun.status).toBe(2)
    expect(rcRun.stderr).toContain('.destigmarc.json: is a named pipe (FIFO), not a regular file')

    const rules = workspace({'a.md': flagged, '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    mkdirSync(join(rules, 'rules'))
    symlinkSync('/dev/zero', join(rules, 'rules/zero.yml'))
    const rulesRun = bounded(runBounded(['a.md'], {cwd: rules}))
    expect(rulesRun.status).toBe(2)
    expect(rulesRun.stderr).toContain('rules/zero.yml: custom rule file is a character device, not a regular file')
  })

  it('limits rc files to 1 MB, counted while reading, and reads a large package.json without a destigma key quickly', () => {
    const big = workspace({'a.md': flagged, '.destigmarc.json': `{"allow": [${'"x",'.repeat(600_000)}"x"]}`})
    const run = bounded(runBounded(['a.md'], {cwd: big}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('.destigmarc.json: is larger than 1024 KB')

    const monorepo = workspace({'a.md': flagged, 'package.json': JSON.stringify({name: 'big', files: Array.from({length: 400_000}, (_, index) => `file-${index}.js`)})})
    const packageRun = bounded(runBounded(['a.md'], {cwd: monorepo}))
    expect(packageRun.status).toBe(0)
    expect(packageRun.ms).toBeLessThan(5000)
  })

  it('reads a custom rule file through a link to a regular file', () => {
    const folder = workspace({
      'a.md': 'The frequent flyer came back.\n',
      'elsewhere/rule.yml': 'id: frequent-flyer\ncategory: health\nseverity: warning\nconfidence: clear-cut\nterms: [{phrase: frequent flyer}]\nsuggestions: {default: [{text: person who often needs care}]}\nexplanation: It reduces a person to how often they come.\n',
      '.destigmarc.json': JSON.stringify({customRules: ['rules']})
    })
    mkdirSync(join(folder, 'rules'))
    symlinkSync(join(folder, 'elsewhere/rule.yml'), join(folder, 'rules/rule.yml'))
    writeFileSync(join(folder, 'b.md'), 'Nothing here.\n')
    const run = bounded(runBounded(['--format', 'json', 'a.md'], {cwd: folder}))
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('frequent-flyer')
  })
})
