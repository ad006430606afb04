import {spawnSync} from 'node:child_process'

/**
 * Run git in a folder, failing with git's own message.
 *
 * @param cwd - The repository.
 * @param args - git's arguments.
 * @returns Standard output.
 */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_NOSYSTEM: '1'
    }
  })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/**
 * Make a folder a git repository on branch `main` with everything in it committed.
 *
 * @param cwd - The folder.
 * @returns The folder.
 */
export function commitAll(cwd: string): string {
  git(cwd, 'init', '-q', '-b', 'main')
  git(cwd, 'add', '-A')
  git(cwd, 'commit', '-q', '-m', 'base')
  return cwd
}
