import {mkdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {maxRuleFolderDepth, walkRuleFolder} from '../../packages/config/src/walk-rules.js'
import {workspace} from '../cli/helpers.js'
import {bounded, runBounded} from './helpers.js'

const flagged = 'The frequent flyer came back.\n'
const rule = (extra = '', suggestion = 'person who often needs care', safe = false): string =>
  `id: frequent-flyer\ncategory: health\nseverity: warning\nconfidence: clear-cut\nterms: [{phrase: frequent flyer}${extra}]\nsuggestions: {default: [{text: ${suggestion}${safe ? ', safe: true' : ''}}]}\nexplanation: It reduces a person to how often they come.\n`

describe('hostile configs and custom rules', () => {
  it('does not follow links from a rules folder to itself', () => {
    const folder = workspace({'a.md': flagged, 'rules/rule.yml': rule(), '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    symlinkSync(join(folder, 'rules'), join(folder, 'rules/loop-a'))
    symlinkSync(join(folder, 'rules'), join(folder, 'rules/loop-b'))
    const run = bounded(runBounded(['--format', 'json', 'a.md'], {cwd: folder}))
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('frequent-flyer')
  })

  it('does not walk the filesystem through a link to / or a path like /proc/self', () => {
    const linked = workspace({'a.md': flagged, 'rules/rule.yml': rule(), '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    symlinkSync('/', join(linked, 'rules/root'))
    expect(bounded(runBounded(['a.md'], {cwd: linked})).status).toBe(0)

    const proc = workspace({'a.md': flagged, '.destigmarc.json': JSON.stringify({customRules: ['/proc/self']})})
    const run = bounded(runBounded(['a.md'], {cwd: proc}))
    // /proc/self has no rule files within the bounds, or passes one: either way it ends at once.
    expect([0, 2]).toContain(run.status)
    const root = workspace({'a.md': flagged, '.destigmarc.json': JSON.stringify({customRules: ['/']})})
    const rootRun = bounded(runBounded(['a.md'], {cwd: root}))
    expect(rootRun.status).toBe(2)
    expect(rootRun.stderr).toMatch(/\.destigmarc\.json:1:\d+: customRules: "\/" (holds more than|has folders nested)/)
  })

  it('bounds the depth of a rules folder', () => {
    const folder = workspace({'rules/rule.yml': rule()})
    let deep = join(folder, 'rules')
    for (let level = 0; level <= maxRuleFolderDepth; level++) deep = join(deep, `d${level}`)
    mkdirSync(deep, {recursive: true})
    expect(() => walkRuleFolder(join(folder, 'rules'))).toThrow(`nested more than ${maxRuleFolderDepth} deep`)
  })

  it('refuses a safe suggestion that holds its own term, naming the rule file, so --fix is idempotent', () => {
    const folder = workspace({'a.md': flagged, 'rules/flyer.yml': rule('', 'frequent flyer patient', true), '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    const run = bounded(runBounded(['--fix', 'a.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('rules/flyer.yml:6:')
    expect(run.stderr).toContain('the safe suggestion "frequent flyer patient" holds one of the rule\'s own terms')
  })

  it('refuses a term made only of spaces or hyphens', () => {
    const folder = workspace({'a.md': flagged, 'rules/r.yml': rule(", {phrase: ' - - '}"), '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    const run = bounded(runBounded(['a.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('rules/r.yml:5:')
    expect(run.stderr).toContain('has no word in it, so it can never match')
  })

  it('reports a YAML alias bomb in a custom rule against the rule file', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`)
    const folder = workspace({'a.md': flagged, 'rules/bomb.yml': bomb.join('\n') + '\n', '.destigmarc.json': JSON.stringify({customRules: ['rules']})})
    const run = bounded(runBounded(['a.md'], {cwd: folder}))
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/rules\/bomb\.yml:1:1: invalid YAML: .*alias/i)
    expect(run.stderr).not.toContain('a.md')
  })

  it('places a JSON error that has no position at 1:1, and one that ends early at the end', () => {
    const noPosition = bounded(runBounded(['a.md'], {cwd: workspace({'a.md': flagged, '.destigmarc.json': '{"allow": tru}\n\n\n'})}))
    expect(noPosition.status).toBe(2)
    expect(noPosition.stderr).toContain('.destigmarc.json:1:1: invalid JSON')
    const early = bounded(runBounded(['a.md'], {cwd: workspace({'a.md': flagged, '.destigmarc.json': '{\n  "allow": [\n'})}))
    expect(early.stderr).toContain('.destigmarc.json:2:13: invalid JSON: the JSON ends early')
  })

  it('treats --rule __proto__=off as an unknown rule', () => {
    const run = bounded(runBounded(['--no-config', '--rule', '__proto__=off', 'a.md'], {cwd: workspace({'a.md': flagged})}))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--rule: unknown rule id "__proto__"')
  })
})
