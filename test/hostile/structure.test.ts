import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {workspace, type JsonFile} from '../cli/helpers.js'
import {bounded, runBounded} from './helpers.js'

/** Repeat `unit` until the text is at least `size` characters long. */
const grow = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length))

function lintJson(files: Record<string, string>, args: string[] = []): {run: ReturnType<typeof runBounded>; files: JsonFile[]; folder: string} {
  const folder = workspace(files)
  const run = bounded(runBounded(['--no-config', '--format', 'json', ...args, ...Object.keys(files)], {cwd: folder}))
  return {run, files: JSON.parse(run.stdout) as JsonFile[], folder}
}

/** Every finding's offsets point at the flagged word in the source. */
function placedRight(file: JsonFile, text: string): boolean {
  return file.messages.every((message) => text.slice(message.offset, message.endOffset) === message.actual)
}

describe('deep or wide structure is linted, never a stack overflow', () => {
  it('a 370 KB hard-wrapped Markdown paragraph, and --fix on it changes exactly the flagged words', () => {
    const text = grow('the service helped each addict who came\nto the door that winter and the next\n', 370_000)
    const {run, files, folder} = lintJson({'wrap.md': text})
    expect(run.status).toBe(0)
    expect(files[0]?.messages.length).toBe(text.split('addict').length - 1)
    expect(placedRight(files[0] as JsonFile, text)).toBe(true)
    const fixed = bounded(runBounded(['--no-config', '--fix', 'wrap.md'], {cwd: folder}))
    expect(fixed.status).toBe(0)
    expect(readFileSync(join(folder, 'wrap.md'), 'utf8')).toBe(text.replaceAll('each addict', 'each person with addiction'))
  })

  it('a 0.5 MB HTML paragraph', () => {
    const text = `<p>${grow('The addict went to the shop and bought bread. ', 500_000)}</p>`
    const {run, files} = lintJson({'p.html': text})
    expect(run.status).toBe(0)
    expect(files[0]?.messages.length).toBe(text.split('addict').length - 1)
    expect(placedRight(files[0] as JsonFile, text)).toBe(true)
  })

  it('HTML nested 3,000 deep, keeping scripts and code out of the prose', () => {
    const text = `${'<div>'.repeat(3000)}The addict.<script>var junkie = 1</script><code>junkie</code>${'</div>'.repeat(3000)}`
    const {run, files} = lintJson({'nest.html': text})
    expect(run.status).toBe(0)
    expect(files[0]?.messages.map((message) => message.actual)).toEqual(['addict'])
    expect(placedRight(files[0] as JsonFile, text)).toBe(true)
  })

  it('blockquotes 5,000 deep', () => {
    const text = `${'>'.repeat(5000)} The addict went home.\n`
    const {files} = lintJson({'bq.md': text})
    expect(files[0]?.messages.map((message) => message.actual)).toEqual(['addict'])
    expect(placedRight(files[0] as JsonFile, text)).toBe(true)
  })
})

describe('runaway time: quadratic paths fixed, and a per-file budget for the rest', () => {
  it('60 KB of emphasis markers in Markdown', () => {
    const {run, files} = lintJson({'stars.md': `${'*a'.repeat(30_000)} the addict\n`, 'lone.md': '*\n'.repeat(30_000)})
    expect(run.status).toBe(0)
    expect(files[0]?.messages.map((message) => message.actual)).toEqual(['addict'])
  })

  it('a 1 MB nested list', () => {
    let text = ''
    for (let index = 0; text.length < 1_000_000; index++) text += `${'  '.repeat(index % 50)}- an addict in item ${index}\n`
    const {run, files} = lintJson({'list.md': text})
    expect(run.status).toBe(0)
    expect(files[0]?.messages.length).toBe(text.split('addict').length - 1)
  })

  it('a 10 MB line ends within the budget, linted or reported as taking too long, in bounded memory', () => {
    const {run, files} = lintJson({'line.md': grow('The person went to the shop and bought some bread. ', 10_000_000)}, ['--max-file-time', '12'])
    if (run.status === 2) expect(run.stderr).toContain('line.md: took too long to check (over 12 s), so it was not checked')
    else expect(files[0]?.messages).toEqual([])
  })

  it('reports a file past its time budget, exit 2, and still checks the others (main-thread run and workers)', () => {
    const slow = grow('the addict went to the shop and bought bread and ', 2_000_000)
    const single = lintJson({'slow.txt': slow}, ['--max-file-time', '1'])
    expect(single.run.status).toBe(2)
    expect(single.run.stderr).toContain('slow.txt: took too long to check (over 1 s), so it was not checked; split it, or raise the budget with --max-file-time')
    const both = lintJson({'slow.txt': slow, 'quick.md': 'The junkie.\n'}, ['--max-file-time', '1', '--jobs', '2'])
    expect(both.run.status).toBe(2)
    expect(both.files.map((file) => file.filePath.split('/').pop())).toEqual(['quick.md'])
    expect(both.files[0]?.messages.map((message) => message.actual)).toEqual(['junkie'])
  })

  it('6 MB of prose without sentence punctuation under --fix ends within the budget and leaves the file whole', () => {
    const text = grow('the addict went to the shop and bought bread and ', 6_000_000)
    const folder = workspace({'nopunct.txt': text})
    const run = bounded(runBounded(['--no-config', '--fix', '--max-file-time', '12', 'nopunct.txt'], {cwd: folder}))
    const after = readFileSync(join(folder, 'nopunct.txt'), 'utf8')
    if (run.status === 2) {
      expect(run.stderr).toContain('took too long')
      expect(after).toBe(text)
    } else expect(after).toBe(text.replaceAll('the addict', 'the person with addiction'))
  })

  it('a 50 MB rc file is refused at once', () => {
    const {run} = {run: bounded(runBounded(['a.md'], {cwd: workspace({'a.md': 'Text.\n', '.destigmarc.json': `{"allow": [${'"x",'.repeat(12_500_000)}"x"]}`})}))}
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('.destigmarc.json: is larger than 1024 KB')
    expect(run.ms).toBeLessThan(5000)
  })
})
