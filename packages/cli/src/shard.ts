import {statSync} from 'node:fs'
import {relative, sep} from 'node:path'
import {UsageError} from './errors.js'
import type {Target} from './inputs.js'

/** `--shard i/n`: this run checks shard `index` (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/** A file's cost beyond its bytes (opening it, finding its config, starting a parse), in bytes of prose. */
const perFileCost = 2048
/** How far above an even share a shard may fill before a file goes to its next choice. */
const slack = 0.04

/**
 * Read `--shard i/n`.
 *
 * @param value - The flag's value.
 * @returns The shard.
 * @throws {UsageError} When it is not `i/n` with 1 ≤ i ≤ n.
 */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count || count > 10_000)
    throw new UsageError(`--shard takes i/n with 1 <= i <= n (for example --shard 2/4), got "${value}"`)
  return {index, count}
}

/**
 * Share files out among `count` shards, the same way on every machine.
 *
 * Each file ranks the shards by a hash of its path and the shard number (rendezvous
 * hashing), so its first choice depends on nothing but its own path: adding or removing a
 * file leaves the others where they were. Hashing alone balances file counts, not work, and
 * one long file can tip a shard over; so files are placed heaviest first, each in the first
 * shard of its ranking that stays within 4% of an even share of the weight placed so far
 * (consistent hashing with bounded loads). A file moves only when a change to the tree
 * fills or frees one of its choices. The trade, measured in docs/performance.md: about 3% of
 * files move when 1% are added, in return for shards within a few per cent of each other.
 *
 * @param files - Each file's key (its relative path) and weight (its size plus a per-file cost).
 * @param count - The number of shards.
 * @returns Each file's shard, 0-based, in the order given.
 */
export function assignShards(files: ReadonlyArray<{key: string; weight: number}>, count: number): number[] {
  const loads = Array.from({length: count}, () => 0)
  const shards = Array.from({length: files.length}, () => 0)
  const order = files.map((file, position) => position).sort((a, b) => {
    const left = files[a] as {key: string; weight: number}
    const right = files[b] as {key: string; weight: number}
    return right.weight - left.weight || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0)
  })
  const scores = new Uint32Array(count)
  const ranking = Array.from({length: count}, (_value, shard) => shard)
  let placed = 0
  for (const position of order) {
    const file = files[position] as {key: string; weight: number}
    // The bound follows the weight placed so far, so shards fill together and none lags behind at the end.
    placed += file.weight
    const capacity = ((1 + slack) * placed) / count
    const seed = hashString(file.key)
    for (let shard = 0; shard < count; shard++) scores[shard] = mix(seed ^ Math.imul(shard + 1, 0x9e3779b1))
    ranking.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
    let chosen = ranking.find((shard) => (loads[shard] as number) + file.weight <= capacity)
    if (chosen === undefined) chosen = ranking.reduce((best, shard) => ((loads[shard] as number) < (loads[best] as number) ? shard : best))
    loads[chosen] = (loads[chosen] as number) + file.weight
    shards[position] = chosen
  }
  return shards
}

/**
 * The targets of one shard, in their original order. Every shard sees the whole expanded
 * list and computes the same assignment, so no two shards check the same file.
 *
 * @param targets - Every file of the run (standard input cannot be sharded).
 * @param shard - Which shard this run is.
 * @param cwd - The working folder: keys are paths relative to it, with `/`, so they agree across checkouts.
 * @returns This shard's targets.
 */
export function shardTargets(targets: Target[], shard: Shard, cwd: string): Target[] {
  const inside = cwd.endsWith(sep) ? cwd : cwd + sep
  const files = targets.map((target) => {
    if (target.kind !== 'file') throw new UsageError('--shard cannot split standard input; give files or folders')
    // Every shard keys and weighs the whole tree: the common case, a file under the working folder, costs one slice.
    const key = target.path.startsWith(inside) ? target.path.slice(inside.length) : relative(cwd, target.path)
    return {key: sep === '/' ? key : key.split(sep).join('/'), weight: sizeOf(target.path) + perFileCost}
  })
  const shards = assignShards(files, shard.count)
  return targets.filter((_target, position) => shards[position] === shard.index - 1)
}

/** A file that cannot be stat'ed still goes to a shard, which then reports why it cannot be read. */
function sizeOf(path: string): number {
  try {
    return statSync(path, {throwIfNoEntry: false})?.size ?? 0
  } catch {
    return 0
  }
}

/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function mix(value: number): number {
  let hash = value >>> 0
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}
