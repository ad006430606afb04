import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {formatExtensions} from '@destigma/formats'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {action, parse, runAction} from './action-helpers.js'
import {cli, workspace} from './helpers.js'

describe('GitHub Action (action.yml)', () => {
  const files = {'docs/a.md': 'Support for addicts.\n', 'docs/b.md': 'The junkie left.\n', 'docs/skip.md': 'The junkie.\n', '.destigmaignore': 'docs/skip.md\n'}

  it('is a composite action that uploads SARIF and fails the job afterwards', () => {
    expect(action.runs.using).toBe('composite')
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))
    expect(upload?.if).toContain('always()')
    expect(action.runs.steps.at(-1)?.run).toContain('exit')
  })

  it('writes a SARIF log of the paths given (globs passed through to destigma) and reports the exit code', () => {
    const folder = workspace(files)
    const run = runAction(folder, {paths: 'docs/**/*.md', args: '--max-warnings 5'})
    expect(run.status, run.stdout).toBe(0)
    expect(run.outputs['exit-code']).toBe('1')
    const log = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'))
    expect(log.runs[0].results.map((result: {ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['addict', 'docs/a.md'],
      ['junkie', 'docs/b.md']
    ])
  })

  it('shows annotations instead when SARIF upload is off', () => {
    const folder = workspace(files)
    const run = runAction(folder, {'upload-sarif': 'false', paths: 'docs'})
    expect(run.stdout).toMatch(/^::error file=docs\/b\.md,line=1,/m)
    expect(run.outputs).toEqual({'exit-code': '1'})
  })

  it('passes 0 through for clean documents', () => {
    const run = runAction(workspace({'a.md': 'People who use drugs.\n'}), {})
    expect(run.outputs['exit-code']).toBe('0')
    expect(existsSync(run.outputs['sarif-file'] ?? '')).toBe(true)
  })
})

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; language: string; files: string; additional_dependencies: string[]}>

  it('selects every format destigma reads, and nothing else', () => {
    const pattern = new RegExp(hook?.files ?? '$^')
    for (const extension of Object.values(formatExtensions).flat()) expect(`docs/file.${extension}`).toMatch(pattern)
    for (const other of ['image.png', 'script.js', 'data.json', 'notes.md.bak']) expect(other).not.toMatch(pattern)
  })

  it('installs the published CLI whose version matches this one', () => {
    const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version
    expect(hook?.language).toBe('node')
    expect(hook?.additional_dependencies).toEqual([`destigma@${version}`])
  })

  it('runs as pre-commit runs it: the entry with the staged file names', () => {
    expect(hook?.entry).toBe('destigma')
    const folder = workspace({'a.md': 'People who use drugs.\n', 'b.html': '<p>The junkie.</p>\n'})
    expect(cli(['a.md'], {cwd: folder}).status).toBe(0)
    const failing = cli(['a.md', 'b.html'], {cwd: folder})
    expect(failing.status).toBe(1)
    expect(failing.stdout).toContain('b.html')
  })
})
