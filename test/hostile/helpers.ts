import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cliPath} from '../cli/helpers.js'

/** Every hostile case must end within this, or it counts as a hang. */
export const timeLimitMs = 20_000
/** And stay under this much memory (the bound is 1 GB). */
export const memoryLimitKib = 1024 * 1024

/** A bounded run: exit code, output, wall time and peak memory. */
export interface BoundedRun {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
  /** Peak resident memory of the whole process, worker threads included (KiB); 0 when it did not exit. */
  peakKib: number
}

/**
 * Run the built CLI as a hostile case is run: killed after {@link timeLimitMs}, its V8 heap capped
 * below 1 GB so a runaway fails fast with an exit code instead of swapping, and its peak memory measured.
 *
 * @param args - Arguments.
 * @param options - Working folder, standard input, user id, and a copy of the CLI (for runs as another user).
 * @returns What happened.
 */
export function runBounded(args: string[], options: {cwd?: string; input?: string; uid?: number; cliFile?: string; timeoutMs?: number} = {}): BoundedRun {
  // The probe and its output live in a folder of their own that any user may use, for runs as `nobody`.
  const probeFolder = mkdtempSync(join(tmpdir(), 'destigma-rss-'))
  chmodSync(probeFolder, 0o777)
  const probe = join(probeFolder, 'rss-probe.mjs')
  copyFileSync(new URL('./rss-probe.mjs', import.meta.url), probe)
  chmodSync(probe, 0o644)
  const rssFile = join(probeFolder, 'rss')
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--max-old-space-size=768', '--import', probe, options.cliFile ?? cliPath, ...args], {
    cwd: options.cwd ?? tmpdir(),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? timeLimitMs,
    maxBuffer: 256 * 1024 * 1024,
    env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DESTIGMA_TEST_RSS_FILE: rssFile},
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})
  })
  const ms = performance.now() - started
  let peakKib = 0
  try {
    peakKib = Number(readFileSync(rssFile, 'utf8'))
  } catch {
    // It did not exit by itself.
  }
  rmSync(probeFolder, {recursive: true, force: true})
  return {status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr), ms, peakKib}
}

/**
 * Fail unless the run ended by itself, in time, within the memory bound, with no stack trace.
 *
 * @param run - The run.
 * @returns The run, for chaining.
 */
export function bounded(run: BoundedRun): BoundedRun {
  const summary = `exit ${run.status} signal ${run.signal} in ${Math.round(run.ms)} ms, peak ${Math.round(run.peakKib / 1024)} MiB\n${run.stderr.slice(0, 2000)}`
  if (run.signal !== null || run.status === null) throw new Error(`did not end by itself: ${summary}`)
  if (run.ms > timeLimitMs) throw new Error(`took too long: ${summary}`)
  if (run.peakKib > memoryLimitKib) throw new Error(`used too much memory: ${summary}`)
  if (/^\s+at .+[:(]/m.test(run.stderr) || /internal error/.test(run.stderr)) throw new Error(`printed an internal error: ${summary}`)
  // Kept in the test log, so the table of cases and their cost can be read from a run.
  console.log(`  ${Math.round(run.ms)} ms, ${Math.round(run.peakKib / 1024)} MiB, exit ${run.status}`)
  return run
}
