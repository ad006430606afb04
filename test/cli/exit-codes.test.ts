import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRules} from '../../packages/rules-compiler/src/load.js'
import {root} from '../helpers.js'
import {cli, jsonOf, stackLines, workspace} from './helpers.js'

const files = {
  'clean.txt': 'People who use drugs deserve respect.\n',
  'warning.txt': 'Two addicts were found.\n',
  'two-warnings.txt': 'Two addicts and the homeless.\n',
  'error.txt': 'The junkie was rehoused.\n',
  'info.txt': 'She said "an addict" twice.\n'
}

describe('exit codes', () => {
  it('0 when clean, or with only warnings and info', () => {
    const folder = workspace(files)
    expect(cli(['clean.txt'], {cwd: folder}).status).toBe(0)
    expect(cli(['warning.txt', 'info.txt'], {cwd: folder}).status).toBe(0)
  })

  it('1 with an error-level finding', () => {
    const folder = workspace(files)
    expect(cli(['error.txt', 'clean.txt'], {cwd: folder}).status).toBe(1)
    expect(cli(['--rule', 'addict=error', 'warning.txt'], {cwd: folder}).status).toBe(1)
  })

  it('--max-warnings: 1 only with more warnings than allowed; info never counts', () => {
    const folder = workspace(files)
    expect(cli(['--max-warnings', '2', 'two-warnings.txt'], {cwd: folder}).status).toBe(0)
    const over = cli(['--max-warnings', '1', 'two-warnings.txt'], {cwd: folder})
    expect(over.status).toBe(1)
    expect(over.stderr).toContain('2 warnings, more than --max-warnings 1 allows')
    expect(cli(['--max-warnings', '0', 'info.txt'], {cwd: folder}).status).toBe(0)
  })

  it('--quiet reports errors only', () => {
    const folder = workspace(files)
    const run = cli(['--quiet', '--format', 'json', 'two-warnings.txt', 'error.txt'], {cwd: folder})
    expect(jsonOf(run).map((file) => file.messages.map((message) => message.actual))).toEqual([[], ['junkie']])
    expect(run.status).toBe(1)
  })

  it('2 for bad usage, with a plain message and no stack trace', () => {
    const folder = workspace(files)
    const usage: Array<[string[], RegExp]> = [
      [['--format', 'xml', 'clean.txt'], /--format must be one of stylish, json, sarif, github, got "xml"/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--preset', 'lax', 'clean.txt'], /--preset must be one of recommended, strict/],
      [['--locale', 'fr', 'clean.txt'], /--locale must be one of en-GB, en-US/],
      [['--mentions', 'hide', 'clean.txt'], /--mentions must be one of ignore, lower, report, got "hide"/],
      [['--rule', 'addict', 'clean.txt'], /--rule takes id=severity/],
      [['--rule', 'addict=loud', 'clean.txt'], /--rule addict: the setting must be one of off, error, warning, info/],
      [['--max-warnings', 'many', 'clean.txt'], /--max-warnings takes a whole number/],
      [['--max-file-size', 'huge', 'clean.txt'], /--max-file-size takes a size/],
      [['--fix', '--fix-dry-run', 'clean.txt'], /either --fix .* or --fix-dry-run/],
      [['--config', 'a.json', '--no-config', 'clean.txt'], /either --config PATH or --no-config/],
      [['--explain', 'no-such-rule'], /--explain: no rule has the id "no-such-rule"/],
      [['--stdin-filename', 'notes.rtf', '-'], /cannot tell the format from this name/]
    ]
    for (const [args, message] of usage) {
      const run = cli(args, {cwd: folder})
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(stackLines(run.stderr)).toEqual([])
    }
  })

  it('DEBUG=destigma adds the stack trace', () => {
    const folder = workspace(files)
    const run = cli(['--format', 'xml'], {cwd: folder, env: {DEBUG: 'destigma'}})
    expect(run.status).toBe(2)
    expect(stackLines(run.stderr).length).toBeGreaterThan(0)
  })
})

describe('information flags', () => {
  it('--version prints the CLI and rule set versions', () => {
    expect(cli(['--version']).stdout).toMatch(/^destigma \d+\.\d+\.\d+ \(rules \d+\.\d+\.\d+\)\n$/)
  })

  it('--help lists every flag with examples', () => {
    const help = cli(['--help']).stdout
    for (const flag of ['--format', '--fix', '--fix-dry-run', '--explain', '--list-rules', '--locale', '--preset', '--mentions', '--rule', '--quiet', '--max-warnings', '--config', '--no-config', '--version', '--report-unused-directives', '--max-file-size', '--stdin-filename', '--jobs'])
      expect(help).toContain(flag)
    expect(help).toContain('Examples:')
  })

  it('--explain prints the rule page: why, what it flags, what to say, sources', () => {
    const page = cli(['--explain', 'addict']).stdout
    expect(page).toMatch(/^# addict\n/)
    for (const heading of ['## Why', '## What it flags', '## Say instead', '## Sources']) expect(page).toContain(heading)
    expect(JSON.parse(cli(['--explain', 'addict', '--format', 'json']).stdout)).toMatchObject({id: 'addict', category: 'drugs'})
  })

  it('--explain shows the rule file\'s examples, and links that work outside the repository', () => {
    const {rule} = loadRules(join(root, 'rules')).rules.find(({rule}) => rule.id === 'clean-person') ?? {}
    const page = cli(['--explain', 'clean-person']).stdout
    const flagged = page.slice(page.indexOf('### Flagged'), page.indexOf('### Not flagged'))
    const kept = page.slice(page.indexOf('### Not flagged'), page.indexOf('\n## ', page.indexOf('### Not flagged')))
    expect(rule?.examples?.invalid?.length).toBeGreaterThan(0)
    for (const example of rule?.examples?.invalid ?? []) expect(flagged).toContain(example.text.split('\n')[0])
    for (const example of rule?.examples?.valid ?? []) expect(kept).toContain(example.text.split('\n')[0])
    expect(page).toContain('](https://github.com/destigma/destigma/blob/main/rules/drugs/clean-person.yml)')
    expect(page).not.toContain('](../../')
  })

  it('--list-rules lists rules, also as JSON', () => {
    const text = cli(['--list-rules']).stdout
    expect(text).toMatch(/^drugs\n/m)
    expect(text).toMatch(/^ {2}addict +\w+ +recommended/m)
    const rules = JSON.parse(cli(['--list-rules', '--format', 'json']).stdout) as Array<{id: string; terms: string[]}>
    expect(rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['addict', 'substance-abuse', 'committed-suicide', 'the-homeless']))
    expect(rules.find((rule) => rule.id === 'addict')?.terms).toContain('addict')
  })
})
