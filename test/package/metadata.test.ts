import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fix, lint, type Rule} from 'retext-stigma'
import {describe, expect, it} from 'vitest'
import {loadRules} from '../../packages/rules-compiler/src/load.js'
import {publishable, readManifest, root} from './packages.js'

// What npm shows and what an install needs, checked in the repository (the tarball test checks
// the packed result).

const license = readFileSync(join(root, 'LICENSE'), 'utf8')

describe('LICENSE', () => {
  it('is the MIT licence at the root', () => {
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the destigma contributors\n/)
  })

  it.each([...publishable.map((entry) => entry.dir), 'packages/vscode'])('%s/LICENSE is the same as the root one', (dir) => {
    expect(readFileSync(join(root, dir, 'LICENSE'), 'utf8')).toBe(license)
  })
})

describe('the set of published packages', () => {
  it('is every package that is not private', () => {
    const open = readdirSync(join(root, 'packages'))
      .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
      .filter((dir) => !readManifest(join(root, 'packages', dir, 'package.json')).private)
      .map((dir) => `packages/${dir}`)
    expect(open.sort()).toEqual(publishable.map((entry) => entry.dir).sort())
  })

  it('is one changesets `fixed` group, so the packages share a version', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as {fixed: string[][]}
    expect(config.fixed.map((group) => [...group].sort())).toEqual([publishable.map((entry) => entry.name).sort()])
    expect(new Set(publishable.map((entry) => readManifest(join(root, entry.dir, 'package.json')).version)).size).toBe(1)
  })
})

describe.each(publishable)('$name', ({name, dir}) => {
  const manifest = readManifest(join(root, dir, 'package.json'))

  it('has the metadata npm shows', () => {
    expect(manifest).toMatchObject({
      name,
      license: 'MIT',
      type: 'module',
      repository: {type: 'git', url: 'https://github.com/destigma/destigma', directory: dir},
      homepage: `https://github.com/destigma/destigma/tree/main/${dir}#readme`,
      bugs: 'https://github.com/destigma/destigma/issues',
      engines: {node: '>=20'}
    })
    expect(manifest.private).toBeUndefined()
    expect(String(manifest.description).length).toBeGreaterThan(30)
    expect((manifest.keywords as string[]).length).toBeGreaterThan(3)
    // A bin may live in a committed bin/ folder, so the workspace install can link it before dist/ exists.
    expect(manifest.files).toEqual([...(existsSync(join(root, dir, 'bin')) ? ['bin'] : []), 'dist', 'CHANGELOG.md'])
    for (const target of Object.values(manifest.bin ?? {})) expect(existsSync(join(root, dir, target)) || target.startsWith('./dist/'), target).toBe(true)
    expect(manifest.exports).toBeDefined()
  })

  it('declares no workspace or internal package as a run-time dependency', () => {
    const runtime = {...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies}
    expect(Object.entries(runtime).filter(([dependency, range]) => dependency.startsWith('@destigma/') || range.startsWith('workspace:'))).toEqual([])
  })

  it('has a changesets CHANGELOG that starts at its version', () => {
    const changelog = readFileSync(join(root, dir, 'CHANGELOG.md'), 'utf8')
    expect(changelog.startsWith(`# ${name}\n\n## `)).toBe(true)
    expect(changelog).toContain(`\n## ${manifest.version}\n`)
  })

  it('has a README with the usual sections', () => {
    const headings = [...readFileSync(join(root, dir, 'README.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(expect.arrayContaining(['What is this?', 'When should I use this?', 'Install', 'Use', 'License']))
    expect(headings.some((heading) => heading === 'API' || heading === 'Options')).toBe(true)
  })
})

describe('CONTRIBUTING.md', () => {
  const guide = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')
  const template = /^```yaml\n([\s\S]*?)^```$/m.exec(guide)?.[1] ?? ''
  const field = (name: string): string => new RegExp(`^${name}: (\\S+)`, 'm').exec(template)?.[1] ?? ''

  /** The template, loaded by the rule compiler from a rules folder of its own. */
  function loadTemplate(): Rule {
    const rulesDir = mkdtempSync(join(tmpdir(), 'destigma-contributing-'))
    try {
      copyFileSync(join(root, 'rules/sources.yml'), join(rulesDir, 'sources.yml'))
      mkdirSync(join(rulesDir, field('category')))
      writeFileSync(join(rulesDir, field('category'), `${field('id')}.yml`), template)
      const {rules} = loadRules(rulesDir)
      expect(rules).toHaveLength(1)
      return (rules[0] as {rule: Rule}).rule
    } finally {
      rmSync(rulesDir, {recursive: true, force: true})
    }
  }

  it('shows a rule file that the rule compiler accepts', () => {
    expect(loadTemplate().id).toBe('the-homeless')
  })

  it('shows examples that the rule of that id really flags, fixes and leaves alone', () => {
    const {id, examples} = loadTemplate()
    expect(examples?.invalid?.length && examples.valid?.length).toBeTruthy()
    for (const example of examples?.invalid ?? []) {
      expect(lint(example.text).map((finding) => [finding.ruleId, finding.actual])).toEqual(example.flags.map((flag) => [id, flag]))
      expect(fix(example.text)).toBe(example.fixed)
    }
    for (const example of examples?.valid ?? []) expect(lint(example.text)).toEqual([])
  })

  it('names the commands that exist', () => {
    const scripts = readManifest(join(root, 'package.json')).scripts as Record<string, string>
    for (const script of ['rules:docs', 'docs:check', 'typecheck', 'lint', 'test']) expect(scripts[script], script).toBeDefined()
    for (const path of ['test/rules.examples.test.ts', 'test/rules.meta.test.ts', 'test/corpus', 'test/package/sizes.ts', 'rules/sources.yml']) expect(existsSync(join(root, path)), path).toBe(true)
    expect(guide).toContain('pnpm --filter retext-stigma build\npnpm rules:docs\nnpx vitest run test/rules.examples.test.ts test/rules.meta.test.ts test/corpus\n')
  })
})
