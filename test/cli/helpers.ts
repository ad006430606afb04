import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {root} from '../helpers.js'

/** The built CLI, run as a user runs it. */
export const cliPath = join(root, 'packages/cli/dist/cli.js')

if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run pnpm build first`)

/** What a run of the CLI printed and returned. */
export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Run the built CLI.
 *
 * @param args - Arguments.
 * @param options - Working folder, standard input (a pipe by default; `noStdin` for none), extra environment,
 *   user id, and another copy of the built CLI to run.
 * @returns Exit code and output.
 */
export function cli(
  args: string[],
  options: {cwd?: string; input?: string | Uint8Array; noStdin?: boolean; env?: Record<string, string>; uid?: number; cliFile?: string} = {}
): CliRun {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? tmpdir(),
    // No standard input at all (as from a terminal or /dev/null), or a pipe with this content.
    ...(options.noStdin ? {stdio: ['ignore', 'pipe', 'pipe']} : {input: options.input ?? ''}),
    encoding: 'utf8',
    timeout: 60_000,
    env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env}
  }
  if (options.uid !== undefined) Object.assign(spawnOptions, {uid: options.uid, gid: options.uid})
  const result = spawnSync(process.execPath, [options.cliFile ?? cliPath, ...args], spawnOptions)
  if (result.error) throw result.error
  return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)}
}

/**
 * A fresh folder holding the given files.
 *
 * @param files - Relative path to content.
 * @returns The folder's absolute path.
 */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'destigma-cli-test-'))
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
  return folder
}

/** A message as the JSON reporter prints it. */
export interface JsonMessage {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  message: string
  actual: string
  expected: string[]
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  url: string
  fix?: {range: [number, number]; text: string}
}

/** A file as the JSON reporter prints it. */
export interface JsonFile {
  filePath: string
  messages: JsonMessage[]
  output?: string
}

/**
 * Parse the JSON reporter's output, failing with the run's stderr when it is not JSON.
 *
 * @param run - A CLI run with `--format json`.
 * @returns The files.
 */
export function jsonOf(run: CliRun): JsonFile[] {
  try {
    return JSON.parse(run.stdout) as JsonFile[]
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
  }
}

/** The lines of stderr that look like a stack trace. */
export const stackLines = (stderr: string): string[] => stderr.split('\n').filter((line) => /^\s+at .+[:(]/.test(line))

/** Running as root ignores file permissions, so permission tests drop to `nobody` there. */
export const unprivileged = process.getuid?.() === 0 ? 65534 : undefined

/**
 * A copy of the built CLI that any user can run (the bundle is self-contained), for runs as
 * `nobody` when the checkout itself is not readable by other users.
 *
 * @returns The copy's cli.js.
 */
export function sharedCliCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'destigma-cli-copy-'))
  cpSync(dirname(cliPath), folder, {recursive: true})
  chmodSync(folder, 0o755)
  return join(folder, 'cli.js')
}
