import {execFileSync} from 'node:child_process'
import {resolve} from 'node:path'
import {UsageError} from './errors.js'

/**
 * The files changed since a git ref, as git itself reports them: what differs between the
 * merge base of `ref` and HEAD and the working tree (`git diff --merge-base`, so the
 * commits of a pull request's branch and uncommitted edits both count), renames followed to
 * their new name (`-M`), deleted files left out (`--diff-filter=d`), plus new files git does
 * not ignore and has not been told about yet.
 *
 * @param ref - A branch, tag or commit (`origin/main`, a pull request's base SHA).
 * @param cwd - The working folder (inside the repository).
 * @returns Absolute paths, as the working folder spells them.
 * @throws {UsageError} When this is not a git repository or git does not know the ref.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since takes a git ref (a branch, tag or commit), got "${ref}"`)
  // Paths from git are relative to the repository's top; `--show-cdup` leads there from cwd without resolving links.
  const up = git(['rev-parse', '--show-cdup'], cwd, ref).trim()
  const base = resolve(cwd, up)
  const changed = git(['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '-M', '--diff-filter=d', '--no-ext-diff', '--merge-base', ref, '--'], cwd, ref)
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name'], cwd, ref)
  const paths = new Set<string>()
  for (const name of `${changed}\0${untracked}`.split('\0')) if (name) paths.add(resolve(base, name))
  return paths
}

function git(args: string[], cwd: string, ref: string): string {
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024})
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {stderr?: string}
    if (failure.code === 'ENOENT') throw new UsageError('--changed-since needs git, and git is not installed (or not on PATH)')
    const said = (failure.stderr ?? '').trim().split('\n')[0] ?? ''
    if (/not a git repository/i.test(said)) throw new UsageError(`--changed-since: ${cwd} is not inside a git repository`)
    const shallow = /no merge base|unknown revision|bad revision|ambiguous argument/i.test(said)
      ? ' (in CI, fetch the history it needs: actions/checkout with fetch-depth: 0)'
      : ''
    throw new UsageError(`--changed-since ${ref}: git says "${said.replace(/^(fatal|error): /, '')}"${shallow}`)
  }
}
