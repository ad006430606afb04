import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {worthMoreWorkers} from '../../packages/cli/src/pool.js'
import {cli} from './helpers.js'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

describe('the worker pool', () => {
  it('starts more workers only when the files left would keep one busy for long', () => {
    // 1,000 files left at 2 ms each: 2 s of work, worth a second worker's start-up.
    expect(worthMoreWorkers(1000, 100, 200)).toBe(true)
    // 400 short pages left at a third of a millisecond each: one worker finishes first.
    expect(worthMoreWorkers(400, 600, 200)).toBe(false)
    // Not one file done in the window: the files are slow, share them out.
    expect(worthMoreWorkers(5, 0, 1000)).toBe(true)
    expect(worthMoreWorkers(0, 0, 1000)).toBe(false)
  })

  it('reports the same, in the same order, whether one worker or several do the work', () => {
    const folder = mkdtempSync(join(tmpdir(), 'destigma-pool-'))
    folders.push(folder)
    for (let index = 0; index < 80; index++) {
      mkdirSync(join(folder, String(index % 7)), {recursive: true})
      const body = index % 3 === 0 ? `Page ${index}: a junkie was quoted, and an addict too.` : `Page ${index}: nothing to find here.`
      writeFileSync(join(folder, String(index % 7), `page-${index}.md`), `# Page ${index}\n\n${body}\n\n\`\`\`\nconst junkie = ${index}\n\`\`\`\n`)
    }
    const adaptive = cli(['--format', 'json', '.'], {cwd: folder})
    const two = cli(['--format', 'json', '--jobs', '2', '.'], {cwd: folder})
    const single = cli(['--format', 'json', '--jobs', '1', '.'], {cwd: folder})
    expect(adaptive.status).toBe(1)
    expect(JSON.parse(adaptive.stdout)).toHaveLength(80)
    expect(adaptive.stdout).toBe(single.stdout)
    expect(two.stdout).toBe(single.stdout)
  })
})
