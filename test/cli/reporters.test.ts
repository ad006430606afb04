import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {cli, jsonOf, workspace} from './helpers.js'

const files = {
  'a.txt': 'Two addicts were found.\n',
  'b.md': '# Notes\n\nThe junkie, the homeless and "an addict" in a quote.\n',
  'clean.txt': 'People who use drugs deserve respect.\n'
}

describe('json reporter', () => {
  it('prints one array with exactly the contract fields, and nothing else on stdout', () => {
    const folder = workspace(files)
    const run = cli(['--format', 'json', 'a.txt', 'clean.txt'], {cwd: folder})
    const output = jsonOf(run)
    expect(output.map((file) => file.filePath)).toEqual([join(realpathSync(folder), 'a.txt'), join(realpathSync(folder), 'clean.txt')])
    const [message] = output[0]?.messages ?? []
    expect(Object.keys(message ?? {}).sort()).toEqual(
      ['ruleId', 'severity', 'message', 'actual', 'expected', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'url', 'fix'].sort()
    )
    expect(message).toMatchObject({ruleId: 'addict', actual: 'addicts', line: 1, column: 5, endLine: 1, endColumn: 12, offset: 4, endOffset: 11, fix: {range: [4, 11]}})
    expect(message?.url).toMatch(/^https:\/\/.+\/addict\.md$/)
    expect(output[1]?.messages).toEqual([])
    expect(run.stderr).toBe('')
  })

  it('a finding in quotation marks is one level lower and carries no fix', () => {
    const folder = workspace(files)
    const [file] = jsonOf(cli(['--format', 'json', 'b.md'], {cwd: folder}))
    const quoted = file?.messages.find((message) => message.actual === 'addict')
    expect(quoted?.severity).toBe('info')
    expect(quoted?.fix).toBeUndefined()
  })
})

describe('stylish reporter', () => {
  it('shows place, severity, words, best suggestion, rule id and a one-line why; no colour off a terminal', () => {
    const folder = workspace(files)
    const run = cli(['a.txt'], {cwd: folder})
    expect(run.stdout).toContain('a.txt\n')
    expect(run.stdout).toMatch(/1:5\s+\w+\s+addicts → people with addiction\s+addict\n/)
    expect(run.stdout).toMatch(/\n\s+Calling someone an addict[^\n]*\.\n/)
    expect(run.stdout).toMatch(/1 finding \(\d errors?, \d warnings?, 0 info\)/)
    expect(run.stdout).not.toContain('\u001B[')
  })

  it('uses colour on a terminal, and not when NO_COLOR is set', () => {
    const folder = workspace(files)
    const onTerminal = (env: string): string => {
      const result = spawnSync('script', ['-qec', `${env} ${process.execPath} ${join(root, 'packages/cli/dist/cli.js')} a.txt`, '/dev/null'], {cwd: folder, encoding: 'utf8'})
      return result.stdout
    }
    expect(onTerminal('')).toContain('\u001B[')
    expect(onTerminal('NO_COLOR=1')).not.toContain('\u001B[')
    expect(onTerminal('NO_COLOR=1')).toContain('addicts → people with addiction')
  })

  it('says when a finding is inside a quotation', () => {
    const folder = workspace({'q.txt': 'She said "the addicts left" and the addicts left.\n'})
    const run = cli(['q.txt'], {cwd: folder})
    expect(run.stdout).toMatch(/1:15\s+info\s+addicts \(in a quotation\) → people with addiction/)
    expect(run.stdout).toMatch(/1:37\s+warning\s+addicts → people with addiction/)
  })

  it('says when a finding is a mention, under mentions: lower', () => {
    const folder = workspace({'m.txt': 'The word junkie hurts. Junkies know it.\n'})
    const run = cli(['--mentions', 'lower', 'm.txt'], {cwd: folder})
    expect(run.stdout).toMatch(/1:10\s+warning\s+junkie \(mentioned as a word\) → /)
    expect(run.stdout).toMatch(/1:24\s+error\s+Junkies → /)
  })

  it('prints nothing for clean files', () => {
    const folder = workspace(files)
    const run = cli(['clean.txt'], {cwd: folder})
    expect(run).toMatchObject({status: 0, stdout: '', stderr: ''})
  })
})

describe('github reporter', () => {
  it('prints a workflow command per finding, with properties and data escaped', () => {
    const folder = workspace({'dir, with: commas/a.txt': 'Two addicts.\nThe junkie.\n'})
    const run = cli(['--format', 'github', 'dir, with: commas/a.txt'], {cwd: folder})
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^::(warning|error) file=dir%2C with%3A commas\/a\.txt,line=1,endLine=1,col=5,endColumn=12,title=destigma addict::Avoid `addicts`[^\n]*%0A[^%\n]+$/)
    expect(lines[1]).toMatch(/^::error file=[^,]+,line=2,endLine=2,col=5,endColumn=11,title=destigma junkie::/)
  })

  it('uses notice for info findings', () => {
    const folder = workspace({'q.txt': 'She said "an addict" twice.\n'})
    const run = cli(['--format', 'github', 'q.txt'], {cwd: folder})
    expect(run.stdout).toMatch(/^::notice file=q\.txt,line=1,/)
  })
})

describe('sarif reporter', () => {
  /** Microsoft's SARIF Multitool, the contract's reference validator; it runs offline. */
  function multitool(): string {
    const require = createRequire(join(root, 'packages/cli/package.json'))
    const binary = join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json', {paths: [dirname(require.resolve('@microsoft/sarif-multitool/package.json'))]})), 'Sarif.Multitool')
    // pnpm does not run the package's chmod script; work on an executable copy instead of changing node_modules.
    const copy = join(mkdtempSync(join(tmpdir(), 'sarif-multitool-')), 'Sarif.Multitool')
    copyFileSync(binary, copy)
    chmodSync(copy, 0o755)
    return copy
  }

  it('is SARIF 2.1.0 that the SARIF Multitool validates without an error or warning', () => {
    const folder = workspace({...files, '.destigmarc.json': '{"customRules": ["rules"]}', 'rules/house.yml': houseRule, 'c.txt': 'A dosehound and a crackhead.\n'})
    const run = cli(['--format', 'sarif', '--report-unused-directives', 'a.txt', 'b.md', 'c.txt', 'missing.txt'], {cwd: folder})
    expect(run.status).toBe(2)
    const log = JSON.parse(run.stdout)
    expect(log.version).toBe('2.1.0')
    const [sarifRun] = log.runs
    const rules = sarifRun.tool.driver.rules as Array<{id: string; help: {text: string}; helpUri: string}>
    expect(rules.find((rule) => rule.id === 'addict')).toMatchObject({helpUri: expect.stringMatching(/^https:/), help: {text: expect.stringContaining('addict')}})
    expect(rules.some((rule) => rule.id === 'house-dosehound')).toBe(true)
    const first = sarifRun.results[0]
    expect(first).toMatchObject({ruleId: 'addict', locations: [{physicalLocation: {artifactLocation: {uri: 'a.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 1, startColumn: 5, endColumn: 12}}}]})
    expect(rules[first.ruleIndex]?.id).toBe('addict')
    expect(first.fixes[0].artifactChanges[0].replacements[0]).toEqual({deletedRegion: {startLine: 1, startColumn: 5, endLine: 1, endColumn: 12}, insertedContent: {text: 'people with addiction'}})
    expect(sarifRun.invocations[0]).toMatchObject({executionSuccessful: false, toolExecutionNotifications: [{level: 'error', message: {text: expect.stringContaining('missing.txt')}}]})

    const sarifFile = join(folder, 'out.sarif')
    writeFileSync(sarifFile, run.stdout)
    const report = join(folder, 'validation.sarif')
    const validation = spawnSync(multitool(), ['validate', sarifFile, '--output', report], {encoding: 'utf8'})
    expect(validation.status, validation.stdout + validation.stderr).toBe(0)
    expect(existsSync(report)).toBe(true)
    const findings = JSON.parse(readFileSync(report, 'utf8')).runs.flatMap((validationRun: {results?: unknown[]}) => validationRun.results ?? [])
    expect(findings).toEqual([])
  })

  it('carries rules even for a clean run', () => {
    const folder = workspace(files)
    const log = JSON.parse(cli(['--format', 'sarif', 'clean.txt'], {cwd: folder}).stdout)
    expect(log.runs[0].results).toEqual([])
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(3)
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true)
  })
})

const houseRule = `id: house-dosehound
category: drugs
severity: error
confidence: clear-cut
terms:
  - phrase: dosehound
suggestions:
  default:
    - text: person who uses heroin
      safe: true
explanation: Our house style never uses slang labels for people who use heroin.
`
