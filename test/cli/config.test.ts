import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, jsonOf, stackLines, workspace, type CliRun} from './helpers.js'

const text = 'Two addicts and the homeless.\n'
/** Rule ids reported for each file, in order. */
const ruleIds = (run: CliRun): string[][] => jsonOf(run).map((file) => file.messages.map((message) => `${message.ruleId}:${message.severity}`))

describe('config discovery', () => {
  it('merges rc files from the file folder upwards, the nearest winning', () => {
    const folder = workspace({
      '.destigmarc.json': '{"rules": {"addict": "error", "the-homeless": "off"}}',
      'top.txt': text,
      'sub/.destigmarc.yaml': 'rules:\n  the-homeless: info\n',
      'sub/inner.txt': text,
      'sub/deeper/.destigmarc.yml': 'rules:\n  addict: off\n',
      'sub/deeper/deepest.txt': text
    })
    const run = cli(['--format', 'json', 'top.txt', 'sub/inner.txt', 'sub/deeper/deepest.txt'], {cwd: folder})
    expect(ruleIds(run)).toEqual([['addict:error'], ['addict:error', 'the-homeless:info'], ['the-homeless:info']])
    expect(run.status).toBe(1)
  })

  it('reads a "destigma" key in package.json, and skips a package.json without one', () => {
    const folder = workspace({
      'package.json': JSON.stringify({name: 'site', destigma: {rules: {addict: 'off'}}}),
      'a.txt': text,
      'pkg/package.json': JSON.stringify({name: 'inner'}),
      'pkg/b.txt': text
    })
    expect(ruleIds(cli(['--format', 'json', 'a.txt', 'pkg/b.txt'], {cwd: folder}))).toEqual([['the-homeless:warning'], ['the-homeless:warning']])
  })

  it('--config uses one file instead of searching; --no-config uses none; flags win over files', () => {
    const folder = workspace({'.destigmarc.json': '{"rules": {"addict": "off"}}', 'other.yaml': 'rules:\n  the-homeless: off\n', 'a.txt': text})
    expect(ruleIds(cli(['--format', 'json', 'a.txt'], {cwd: folder}))).toEqual([['the-homeless:warning']])
    expect(ruleIds(cli(['--format', 'json', '--config', 'other.yaml', 'a.txt'], {cwd: folder}))).toEqual([['addict:warning']])
    expect(ruleIds(cli(['--format', 'json', '--no-config', 'a.txt'], {cwd: folder}))).toEqual([['addict:warning', 'the-homeless:warning']])
    expect(ruleIds(cli(['--format', 'json', '--rule', 'addict=error', 'a.txt'], {cwd: folder}))).toEqual([['addict:error', 'the-homeless:warning']])
  })

  it('applies allow, categories, quotes, locale and preset from a config file', () => {
    const folder = workspace({
      '.destigmarc.yaml': 'allow: [the homeless]\ncategories:\n  drugs: off\nquotes: ignore\nlocale: en-US\n',
      'a.txt': text,
      'b.txt': 'People called "the homeless" and the homeless.\n'
    })
    expect(ruleIds(cli(['--format', 'json', 'a.txt', 'b.txt'], {cwd: folder}))).toEqual([[], []])
  })

  it('takes mentions from a config file, and --mentions wins over it', () => {
    const folder = workspace({'.destigmarc.json': '{"mentions": "lower"}', 'a.txt': 'The word junkie hurts. The junkie left.\n'})
    const messages = (run: CliRun) => jsonOf(run).flatMap((file) => file.messages.map((message) => `${message.severity}:${message.message}:${'fix' in message}`))
    const lowered = cli(['--format', 'json', 'a.txt'], {cwd: folder})
    expect(messages(lowered)).toEqual([
      'warning:Avoid `junkie`, use `person who uses drugs` instead (mentioned as a word):false',
      'error:Avoid `junkie`, use `person who uses drugs` instead:true'
    ])
    expect(ruleIds(cli(['--format', 'json', '--no-config', 'a.txt'], {cwd: folder}))).toEqual([['junkie:error']])
    expect(ruleIds(cli(['--format', 'json', '--mentions', 'report', 'a.txt'], {cwd: folder}))).toEqual([['junkie:error', 'junkie:error']])
    expect(ruleIds(cli(['--format', 'json', '--mentions', 'ignore', 'a.txt'], {cwd: folder}))).toEqual([['junkie:error']])
    const bad = cli(['a.txt'], {cwd: workspace({'.destigmarc.json': '{"mentions": "hide"}', 'a.txt': 'text\n'})})
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('mentions: must be one of "ignore", "lower", "report"')
  })

  it('loads custom rules from files and folders, relative to the config file', () => {
    const folder = workspace({
      'config/.destigmarc.json': '{"customRules": ["../house", "single.yml"], "rules": {"house-dosehound": "error"}}',
      'config/single.yml': customRule('house-brewzer', 'brewzer'),
      'house/one.yaml': customRule('house-dosehound', 'dosehound'),
      'config/a.txt': 'A dosehound and a brewzer.\n'
    })
    expect(ruleIds(cli(['--format', 'json', 'config/a.txt'], {cwd: folder}))).toEqual([['house-dosehound:error', 'house-brewzer:warning']])
    const explained = cli(['--explain', 'house-brewzer'], {cwd: join(folder, 'config')})
    expect(explained.stdout).toContain('# house-brewzer')
  })

  it('never executes a config file', () => {
    const folder = workspace({
      '.destigmarc.js': "require('fs').writeFileSync('executed', 'yes')",
      'package.json': JSON.stringify({destigma: {rules: {addict: 'off'}}, scripts: {postinstall: 'touch executed'}}),
      'a.txt': text
    })
    cli(['a.txt'], {cwd: folder})
    expect(existsSync(join(folder, 'executed'))).toBe(false)
  })
})

describe('config errors: exit 2, the file and line, what is wrong, no stack trace', () => {
  const cases: Array<{name: string; files: Record<string, string>; args?: string[]; message: RegExp}> = [
    {name: 'broken JSON', files: {'.destigmarc.json': '{\n  "locale": "en-GB",\n}\n'}, message: /\.destigmarc\.json:3:1: invalid JSON/},
    {name: 'JSON that ends early', files: {'.destigmarc.json': '{ "locale": "en-GB", '}, message: /\.destigmarc\.json:1:\d+: invalid JSON/},
    {name: 'broken YAML', files: {'.destigmarc.yaml': 'rules:\n  addict: off\n    bad: indent\n'}, message: /\.destigmarc\.yaml:2:11: invalid YAML: Nested mappings/},
    {name: 'an unknown key', files: {'.destigmarc.yaml': 'locale: en-GB\nrulez:\n  addict: off\n'}, message: /\.destigmarc\.yaml:2:1: rulez: unknown option/},
    {name: 'an unknown rule id', files: {'.destigmarc.json': '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}'}, message: /\.destigmarc\.json:3:5: rules\.no-such-rule: unknown rule id "no-such-rule"/},
    {name: 'a wrong type', files: {'.destigmarc.json': '{"locale": 3}'}, message: /\.destigmarc\.json:1:2: locale: must be one of "en-GB", "en-US", got 3/},
    {name: 'a bad severity', files: {'.destigmarc.yml': 'rules:\n  addict: loud\n'}, message: /\.destigmarc\.yml:2:3: rules\.addict: must be one of/},
    {name: 'customRules that is not a list', files: {'.destigmarc.json': '{"customRules": "rules"}'}, message: /\.destigmarc\.json:1:2: customRules: must be a list of paths/},
    {name: 'a custom rule path that does not exist', files: {'.destigmarc.yaml': 'customRules:\n  - ./nowhere\n'}, message: /\.destigmarc\.yaml:2:5: customRules: "\.\/nowhere" does not exist/},
    {name: 'a custom rule that breaks the schema', files: {'.destigmarc.json': '{"customRules": ["r.yml"]}', 'r.yml': customRule('house-x', 'x').replace('severity: warning', 'severity: loud')}, message: /r\.yml:3:1: custom rule at \/severity: must be equal to one of the allowed values/},
    {name: 'a custom rule reusing a built-in id', files: {'.destigmarc.json': '{"customRules": ["r.yml"]}', 'r.yml': customRule('addict', 'dosehound')}, message: /r\.yml:1:1: custom rule id "addict" is already taken by a built-in rule/},
    {name: 'a broken package.json', files: {'package.json': '{"name": "x",}'}, message: /package\.json:1:\d+: invalid JSON/},
    {name: 'a missing --config file', files: {}, args: ['--config', 'nope.json'], message: /nope\.json: config file not found/},
    {name: 'a package.json given to --config without the key', files: {'package.json': '{"name": "x"}'}, args: ['--config', 'package.json'], message: /package\.json: package\.json has no "destigma" key/}
  ]
  for (const {name, files, args = [], message} of cases) {
    it(name, () => {
      const folder = workspace({...files, 'a.txt': text})
      const run = cli(['--format', 'json', ...args, 'a.txt'], {cwd: folder})
      expect(run.status, run.stderr).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(stackLines(run.stderr)).toEqual([])
      expect(jsonOf(run)).toEqual([])
    })
  }

  it('files under a good config are still linted when another folder has a broken one', () => {
    const folder = workspace({'good/a.txt': text, 'bad/.destigmarc.json': '{', 'bad/b.txt': text, 'bad/c.txt': text})
    const run = cli(['--format', 'json', 'good', 'bad'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(jsonOf(run).map((file) => file.filePath.replace(/^.*\/(\w+\/\w+\.txt)$/, '$1'))).toEqual(['good/a.txt'])
    expect(run.stderr.match(/invalid JSON/g)).toHaveLength(1)
  })

  it('an unknown --rule id is bad usage', () => {
    const folder = workspace({'a.txt': text})
    const run = cli(['--rule', 'no-such-rule=off', 'a.txt'], {cwd: folder})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--rule: unknown rule id "no-such-rule"')
  })
})

function customRule(id: string, phrase: string): string {
  return `id: ${id}
category: drugs
severity: warning
confidence: clear-cut
terms:
  - phrase: ${phrase}
suggestions:
  default:
    - text: person who drinks heavily
explanation: A label our house style avoids for people who use alcohol or drugs heavily.
`
}
