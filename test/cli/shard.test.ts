import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {assignShards, shardTargets} from '../../packages/cli/src/shard.js'
import type {Target} from '../../packages/cli/src/inputs.js'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

/** A checkout with the same files, sizes and layout wherever it is made. */
function checkout(): string {
  const folder = mkdtempSync(join(tmpdir(), 'destigma-shard-keys-'))
  folders.push(folder)
  for (let index = 0; index < 60; index++) {
    mkdirSync(join(folder, 'repo', 'docs', String(index % 6)), {recursive: true})
    writeFileSync(join(folder, 'repo', 'docs', String(index % 6), `page-${index}.md`), 'x'.repeat(100 + ((index * 37) % 900)))
  }
  mkdirSync(join(folder, 'shared'))
  writeFileSync(join(folder, 'shared', 'outside.md'), 'y'.repeat(500))
  return folder
}

const targets = (folder: string): Target[] => [
  ...Array.from({length: 60}, (_value, index) => ({kind: 'file' as const, path: join(folder, 'repo', 'docs', String(index % 6), `page-${index}.md`)})),
  {kind: 'file' as const, path: join(folder, 'shared', 'outside.md')},
  {kind: 'file' as const, path: join(folder, 'repo', 'docs', 'missing.md')}
]

describe('--shard keys and weights', () => {
  it('assigns the same files to the same shard in any checkout folder, inside the working folder or not', () => {
    const one = checkout()
    const two = checkout()
    const picked = (folder: string): string[][] =>
      [1, 2, 3].map((index) => shardTargets(targets(folder), {index, count: 3}, join(folder, 'repo')).map((target) => (target.kind === 'file' ? relative(folder, target.path) : '-')))
    const shards = picked(one)
    expect(picked(two)).toEqual(shards)
    // Every file, the one outside the working folder and the missing one included, is in exactly one shard.
    expect(shards.flat().sort()).toEqual(targets(one).map((target) => (target.kind === 'file' ? relative(one, target.path) : '-')).sort())
  })

  it('keys a file by its path relative to the working folder, with forward slashes', () => {
    const folder = checkout()
    const cwd = join(folder, 'repo')
    const all = targets(folder)
    // The assignment the keys and sizes must give, computed from them directly.
    const expected = assignShards(
      all.map((target) => {
        const path = target.kind === 'file' ? target.path : ''
        const size = path.endsWith('missing.md') ? 0 : path.endsWith('outside.md') ? 500 : 100 + ((Number(/page-(\d+)/.exec(path)?.[1]) * 37) % 900)
        return {key: relative(cwd, path).split('\\').join('/'), weight: size + 2048}
      }),
      4
    )
    for (let index = 1; index <= 4; index++) {
      const chosen = shardTargets(all, {index, count: 4}, cwd)
      expect(chosen).toEqual(all.filter((_target, position) => expected[position] === index - 1))
    }
  })
})
