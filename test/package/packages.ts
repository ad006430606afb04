import {spawnSync, type SpawnSyncOptions, type SpawnSyncReturns} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

// Packing the published packages and installing them with plain npm, outside the repository,
// as a user would. Shared by the tarball test and the size script.

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/** A package that is published to npm. */
export interface Publishable {
  name: string
  /** Its folder, relative to the repository root. */
  dir: string
}

/** Every package published to npm; they share one version (a changesets `fixed` group). */
export const publishable: Publishable[] = [
  {name: 'retext-stigma', dir: 'packages/retext-stigma'},
  {name: 'destigma', dir: 'packages/cli'},
  {name: 'destigma-language-server', dir: 'packages/language-server'}
]

/** A package.json, as far as these checks read it. */
export interface Manifest {
  name: string
  version: string
  private?: boolean
  bin?: Record<string, string>
  exports?: unknown
  types?: string
  files?: string[]
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  [field: string]: unknown
}

/** Read a package.json. */
export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest
}

/**
 * The environment for npm in a scratch folder: without the `npm_*` variables that pnpm or npx
 * set for their own scripts (`npm_config_local_prefix` would point npm back at the repository),
 * but keeping the registry, cache and network settings.
 */
export function npmEnvironment(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key) || keep.test(key)))
}

/** Run a command; throw with its output when it fails. */
export function run(command: string, args: string[], options: Omit<SpawnSyncOptions, 'encoding'> & {cwd: string}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, ...options, encoding: 'utf8'})
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not run: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status} in ${options.cwd}\n${result.stdout}\n${result.stderr}`)
  return result
}

/** pnpm, as CI runs it (`npx pnpm@<version>` puts it on the PATH), or through npx when it is not on the PATH. */
function pnpm(): [string, string[]] {
  if (!spawnSync('pnpm', ['--version'], {stdio: 'ignore'}).error) return ['pnpm', []]
  const {packageManager} = readManifest(join(root, 'package.json')) as Manifest & {packageManager: string}
  return ['npx', ['--yes', packageManager]]
}

/**
 * `pnpm pack` each publishable package into `destination`. Builds nothing: run `pnpm build` first.
 *
 * @returns The tarball of each package, by name.
 */
export function packAll(destination: string): Record<string, string> {
  mkdirSync(destination, {recursive: true})
  const [command, prefix] = pnpm()
  const tarballs: Record<string, string> = {}
  for (const {name, dir} of publishable) {
    const cwd = join(root, dir)
    if (!existsSync(join(cwd, 'dist'))) throw new Error(`${dir}/dist is missing: run \`pnpm build\` before packing`)
    const before = new Set(readdirSync(destination))
    run(command, [...prefix, 'pack', '--pack-destination', destination], {cwd})
    const made = readdirSync(destination).filter((file) => file.endsWith('.tgz') && !before.has(file))
    if (made.length !== 1) throw new Error(`pnpm pack in ${dir} made ${made.length} tarballs: ${made.join(', ')}`)
    tarballs[name] = join(destination, made[0] as string)
  }
  return tarballs
}

/** Make an empty npm project (ES modules) in `folder`. */
export function createProject(folder: string): void {
  mkdirSync(folder, {recursive: true})
  writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'scratch', private: true, type: 'module'}, null, 2) + '\n')
}

/** `npm install` the given specs (tarball paths or registry ranges) into a project, in one command. */
export function npmInstall(folder: string, specs: string[]): void {
  run('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', ...specs], {cwd: folder, env: npmEnvironment(), timeout: 600_000})
}
