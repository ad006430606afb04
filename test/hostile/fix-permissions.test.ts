import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {chmodSync, chownSync, existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliPath, sharedCliCopy, unprivileged, workspace} from '../cli/helpers.js'
import {root} from '../helpers.js'
import {bounded, runBounded} from './helpers.js'

const flagged = 'The addict went home.\n'
const fixed = 'The person with addiction went home.\n'
const temporaries = (folder: string): string[] => readdirSync(folder).filter((name) => name.includes('.destigma-'))

/** A folder anyone may write, as a shared or badly set up folder is. */
function openFolder(files: Record<string, string>): string {
  const folder = workspace(files)
  chmodSync(folder, 0o777)
  return folder
}

describe('--fix writes only what the user could write, as it was', () => {
  // Tests run as root, which may write anything; the permission cases drop to `nobody`.
  const asUser = unprivileged ?? process.getuid?.()
  const copy = unprivileged === undefined ? cliPath : sharedCliCopy()

  it('refuses a read-only file even when the folder is writable', () => {
    const folder = openFolder({'ro.md': flagged})
    chmodSync(join(folder, 'ro.md'), 0o444)
    if (unprivileged !== undefined) chownSync(join(folder, 'ro.md'), unprivileged, unprivileged)
    const run = bounded(runBounded(['--no-config', '--fix', 'ro.md'], {cwd: folder, uid: asUser, cliFile: copy}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('ro.md: is not writable by you, so --fix leaves it alone')
    expect(readFileSync(join(folder, 'ro.md'), 'utf8')).toBe(flagged)
    expect(temporaries(folder)).toEqual([])
  })

  it.runIf(unprivileged !== undefined)('refuses to hand another user\'s writable file to whoever fixes it', () => {
    const folder = openFolder({'shared.md': flagged})
    chmodSync(join(folder, 'shared.md'), 0o666)
    const run = bounded(runBounded(['--no-config', '--fix', 'shared.md'], {cwd: folder, uid: unprivileged, cliFile: copy}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('shared.md: belongs to user 0 and group 0, which --fix cannot keep')
    expect(readFileSync(join(folder, 'shared.md'), 'utf8')).toBe(flagged)
    expect(statSync(join(folder, 'shared.md')).uid).toBe(0)
    expect(temporaries(folder)).toEqual([])
  })

  it('keeps the owner, group and mode of a file it may rewrite', () => {
    const folder = workspace({'theirs.md': flagged})
    chmodSync(join(folder, 'theirs.md'), 0o640)
    if (unprivileged !== undefined) chownSync(join(folder, 'theirs.md'), unprivileged, unprivileged)
    const run = bounded(runBounded(['--no-config', '--fix', 'theirs.md'], {cwd: folder}))
    expect(run.status).toBe(0)
    const after = statSync(join(folder, 'theirs.md'))
    expect(readFileSync(join(folder, 'theirs.md'), 'utf8')).toBe(fixed)
    expect(after.mode & 0o777).toBe(0o640)
    expect(after.uid).toBe(unprivileged ?? process.getuid?.())
    expect(after.gid).toBe(unprivileged ?? process.getgid?.())
  })

  it('refuses a file with several hard links rather than splitting them', () => {
    const folder = workspace({'a.md': flagged})
    linkSync(join(folder, 'a.md'), join(folder, 'b.md'))
    const run = bounded(runBounded(['--no-config', '--fix', 'a.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('a.md: has 2 hard links')
    expect(statSync(join(folder, 'a.md')).nlink).toBe(2)
    expect(readFileSync(join(folder, 'b.md'), 'utf8')).toBe(flagged)
  })

  it('flushes the new content to disk before the rename', () => {
    const folder = workspace({'a.md': flagged})
    const trace = join(folder, 'trace')
    execFileSync('strace', ['-f', '-qq', '-e', 'trace=fsync,fdatasync,rename,renameat,renameat2', '-o', trace, process.execPath, cliPath, '--no-config', '--fix', 'a.md'], {cwd: folder, stdio: 'ignore'})
    const calls = readFileSync(trace, 'utf8').split('\n')
    const rename = calls.findIndex((line) => /rename.*\.a\.md\.destigma-\d+\.tmp/.test(line))
    expect(rename).toBeGreaterThan(-1)
    expect(calls.slice(0, rename).some((line) => /\bf(data)?sync\(/.test(line))).toBe(true)
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe(fixed)
  })

  it('removes the temporary files of workers when interrupted', async () => {
    // Long enough to be interrupted while linting; the temporary files stand in for fixes in flight.
    // Each takes seconds on a fast machine; the signal comes once the main thread is waiting on the workers.
    const big = 'The addict went to the shop and came back home again today.\n\n'.repeat(50_000)
    const folder = workspace({'a.md': big, 'b.md': big})
    const child = spawn(process.execPath, [cliPath, '--no-config', '--jobs', '2', '--fix', 'a.md', 'b.md'], {cwd: folder, stdio: 'ignore'})
    const inFlight = ['a.md', 'b.md'].map((name) => join(folder, `.${name}.destigma-${child.pid}.tmp`))
    for (const file of inFlight) writeFileSync(file, 'half a fix')
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await ended).toBe(143)
    for (const file of inFlight) expect(existsSync(file)).toBe(false)
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe(big)
  })

  it('removes a temporary file held on the main thread when a signal comes, and ends as the signal would', () => {
    const folder = workspace({'.a.md.tmp': 'half a fix'})
    const script = `
      import {removeOnInterrupt} from ${JSON.stringify(join(root, 'packages/cli/src/interrupt-cleanup.ts'))}
      removeOnInterrupt(() => [${JSON.stringify(join(folder, '.a.md.tmp'))}])
      process.kill(process.pid, 'SIGINT')
      setTimeout(() => {}, 5000)
    `
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 20_000})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(130)
    expect(existsSync(join(folder, '.a.md.tmp'))).toBe(false)
  })
})
