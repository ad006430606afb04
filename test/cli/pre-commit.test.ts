import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {run} from '../package/packages.js'
import {parse} from './action-helpers.js'
import {git} from './git-helpers.js'

// The hook in .pre-commit-hooks.yaml under the real pre-commit (Debian's package; `.ci/run`
// installs it), offline: system Node (`language_version: system`) and the packed CLI as the
// hook's additional dependency, in throwaway git repositories.

const scratch = mkdtempSync(join(tmpdir(), 'destigma-pre-commit-'))
const environment = {
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  HOME: scratch,
  PRE_COMMIT_HOME: join(scratch, 'cache'),
  npm_config_cache: join(scratch, 'npm-cache'),
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1'
}
let tarball = ''

/** Commit in a repository with the pre-commit hook installed; the hook's verdict is the commit's. */
function commit(cwd: string, files: Record<string, string>): {status: number | null; output: string} {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content)
  git(cwd, 'add', '-A')
  const result = spawnSync('git', ['commit', '-q', '-m', 'change'], {cwd, encoding: 'utf8', env: environment, timeout: 300_000})
  return {status: result.status, output: result.stdout + result.stderr}
}

/** A repository whose .pre-commit-config.yaml is `config`, with the hook installed. */
function consumer(config: string): string {
  const folder = mkdtempSync(join(scratch, 'site-'))
  git(folder, 'init', '-q', '-b', 'main')
  writeFileSync(join(folder, '.pre-commit-config.yaml'), config)
  const install = spawnSync('pre-commit', ['install'], {cwd: folder, encoding: 'utf8', env: environment})
  if (install.error) throw new Error(`pre-commit is not installed (Debian: apt-get install pre-commit): ${install.error.message}`)
  expect(install.status, install.stderr).toBe(0)
  return folder
}

describe('pre-commit hook under pre-commit itself', () => {
  beforeAll(() => {
    const packed = run('npm', ['pack', '--pack-destination', scratch, '--silent'], {cwd: join(root, 'packages/cli'), env: environment})
    tarball = join(scratch, packed.stdout.trim().split('\n').at(-1) as string)
  }, 300_000)

  it('from a hook repository: blocks a commit that adds a finding and lets a clean one through', () => {
    // A hook repository as pre-commit clones it: the hook manifest and a package.json npm can install offline.
    const hooks = mkdtempSync(join(scratch, 'hooks-'))
    copyFileSync(join(root, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'))
    writeFileSync(join(hooks, 'package.json'), JSON.stringify({name: 'destigma-pre-commit', version: '0.0.0', private: true}) + '\n')
    git(hooks, 'init', '-q', '-b', 'main')
    git(hooks, 'add', '-A')
    git(hooks, 'commit', '-q', '-m', 'hooks')
    const rev = git(hooks, 'rev-parse', 'HEAD').trim()
    const site = consumer(`repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: destigma\n        language_version: system\n        additional_dependencies: ['${tarball}']\n`)

    const clean = commit(site, {'about.md': 'Support for people who use drugs.\n', 'notes.json': '{"junkie": true}\n'})
    expect(clean.status, clean.output).toBe(0)
    const bad = commit(site, {'news.md': 'The junkie left.\n'})
    expect(bad.status, bad.output).toBe(1)
    expect(bad.output).toContain('news.md')
    expect(bad.output).toContain('junkie')
    expect(git(site, 'log', '--oneline').trim().split('\n')).toHaveLength(1)
  }, 300_000)

  it('as a local hook with the same definition, pinned by its additional dependency', () => {
    const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>
    const definition = {...hook, language_version: 'system', additional_dependencies: [tarball]}
    const lines = Object.entries(definition).map(([key, value]) => `        ${key}: ${JSON.stringify(value)}`)
    const site = consumer(`repos:\n  - repo: local\n    hooks:\n      - ${lines.join('\n').trimStart()}\n`)
    expect(commit(site, {'ok.md': 'Plain words.\n'}).status).toBe(0)
    const bad = commit(site, {'page.html': '<p>An addict and a crackhead.</p>\n'})
    expect(bad.status, bad.output).toBe(1)
    expect(bad.output).toContain('crackhead')
  }, 300_000)
})
