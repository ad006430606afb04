import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join, relative, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {isBuiltin, isDeclaration, isRelative, moduleReferences, providersOf} from './imports.js'
import {diagnosticsFrom} from './lsp.js'
import {createProject, npmEnvironment, npmInstall, packAll, publishable, readManifest, root} from './packages.js'

// Packs every published package with pnpm, installs the tarballs with plain npm into a fresh
// folder outside the repository, and uses them there as a user would. Builds nothing: CI runs
// `pnpm build` first. Needs the npm registry for the packages' own dependencies.

const work = mkdtempSync(join(tmpdir(), 'destigma-tarballs-'))
const project = join(work, 'project')
let tarballs: Record<string, string> = {}

const engineManifest = readManifest(join(root, 'packages/retext-stigma/package.json'))
const typescriptRange = readManifest(join(root, 'package.json')).devDependencies?.typescript ?? '~6.0'
const installed = (name: string): string => join(project, 'node_modules', name)

/** Run a Node script in the scratch project. */
function node(args: string[]): {status: number | null; stdout: string; stderr: string} {
  return spawnSync(process.execPath, args, {cwd: project, encoding: 'utf8', env: npmEnvironment(), timeout: 120_000})
}

/** `npx --no -- <command>`: the installed bin or an error, never a download (`--` keeps npm from reading the command's options). */
function npx(args: string[], cwd = project): {status: number | null; stdout: string; stderr: string} {
  return spawnSync('npx', ['--no', '--', ...args], {cwd, encoding: 'utf8', env: npmEnvironment(), timeout: 120_000})
}

/** The code blocks of a README section, in order, with their language. */
function codeBlocks(readme: string, heading: string): Array<{lang: string; code: string}> {
  const start = readme.indexOf(`\n## ${heading}\n`)
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end === -1 ? undefined : end)
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({lang: match[1] as string, code: match[2] as string}))
}

/**
 * Optional loads that a bundled dependency guards and that no code path here needs; each one
 * must still be found, so this list cannot go stale.
 */
const guardedProbes = [
  // fdir (inside tinyglobby) tries require.resolve('picomatch') in a try/catch for its own glob
  // API; tinyglobby passes its bundled matcher instead, so the probe finding nothing is fine.
  {package: 'destigma', specifier: 'picomatch'}
]

beforeAll(() => {
  expect(relative(root, work).startsWith('..'), 'the scratch folder must be outside the repository').toBe(true)
  tarballs = packAll(join(work, 'tarballs'))
  createProject(project)
  const {unified, 'retext-english': retextEnglish} = engineManifest.dependencies ?? {}
  // One npm install for everything, so that retext-stigma can only come from its tarball.
  npmInstall(project, [
    ...publishable.map(({name}) => tarballs[name] as string),
    `unified@${unified}`,
    `retext-english@${retextEnglish}`,
    'retext-stringify@^4.0.0',
    `typescript@${typescriptRange}`
  ])
}, 900_000)
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('the packed packages', () => {
  it.each(publishable)('$name holds its build, README, LICENSE and CHANGELOG, and no sources', ({name}) => {
    const entries = readdirSync(installed(name)).sort()
    expect(entries).toEqual(expect.arrayContaining(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']))
    // bin/ holds only committed entry points that load dist/ (see the metadata test).
    expect(entries.filter((entry) => !['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'node_modules'].includes(entry))).toEqual([])
    const dist = readdirSync(join(installed(name), 'dist'), {recursive: true}).map(String)
    expect(dist.filter((file) => file.endsWith('.map') || (file.endsWith('.ts') && !isDeclaration(file)))).toEqual([])
    expect(readFileSync(join(installed(name), 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'))
  })

  it.each(publishable)('$name has no workspace: protocol left and matches the repository', ({name, dir}) => {
    const text = readFileSync(join(installed(name), 'package.json'), 'utf8')
    expect(text).not.toContain('workspace:')
    const packed = readManifest(join(installed(name), 'package.json'))
    const source = readManifest(join(root, dir, 'package.json'))
    expect({name: packed.name, version: packed.version, dependencies: packed.dependencies}).toEqual({
      name: source.name,
      version: source.version,
      dependencies: source.dependencies
    })
    for (const target of Object.values(packed.bin ?? {})) expect(existsSync(join(installed(name), target)), target).toBe(true)
  })

  it('came from the tarballs, not the registry, and npm finds the tree complete', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {packages: Record<string, {resolved?: string; version?: string}>}
    for (const {name} of publishable) {
      const copies = Object.keys(lock.packages).filter((path) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
      expect(copies, name).toEqual([`node_modules/${name}`])
      const entry = lock.packages[`node_modules/${name}`]
      expect(entry?.resolved, name).toMatch(/^file:/)
      expect(basename(entry?.resolved ?? ''), name).toBe(basename(tarballs[name] as string))
    }
    expect(Object.keys(lock.packages).filter((path) => path.includes('@destigma/'))).toEqual([])
    const ls = spawnSync('npm', ['ls', '--all'], {cwd: project, encoding: 'utf8', env: npmEnvironment()})
    expect(ls.status, ls.stdout + ls.stderr).toBe(0)
  })
})

describe.each(publishable)('$name loads what it declares, and declares what it loads', ({name}) => {
  const references = () => moduleReferences(installed(name))
  const declared = () => {
    const manifest = readManifest(join(installed(name), 'package.json'))
    return new Set(Object.keys({...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies}))
  }
  const probes = guardedProbes.filter((probe) => probe.package === name).map((probe) => probe.specifier)

  it('imports nothing but Node built-ins and its dependencies (a static scan of every built file)', () => {
    const bare = references().filter((reference) => !isRelative(reference.specifier) && !isBuiltin(reference.specifier))
    const undeclared = bare.filter((reference) => !providersOf(reference).some((provider) => declared().has(provider)) && !probes.includes(reference.specifier))
    expect(undeclared.map((reference) => `${reference.file}: ${reference.specifier}`)).toEqual([])
    for (const probe of probes) expect(bare.map((reference) => reference.specifier), `guarded probe ${probe} is gone: remove it from the list`).toContain(probe)
  })

  it('declares no dependency it does not load (bundled code is not a dependency)', () => {
    const loaded = new Set(references().filter((reference) => !isRelative(reference.specifier)).flatMap(providersOf))
    expect([...declared()].filter((dependency) => !loaded.has(dependency))).toEqual([])
  })

  it('has every file its relative imports name', () => {
    const missing = references()
      .filter((reference) => isRelative(reference.specifier))
      .filter((reference) => {
        const target = resolve(installed(name), dirname(reference.file), reference.specifier)
        return !existsSync(target) && !(isDeclaration(reference.file) && existsSync(target.replace(/\.([cm]?)js$/, '.d.$1ts')))
      })
    expect(missing.map((reference) => `${reference.file}: ${reference.specifier}`)).toEqual([])
  })
})

describe('retext-stigma from its tarball', () => {
  it('carries the compiled rule set and needs no Node built-in, so nothing is read from the repository', () => {
    expect(moduleReferences(installed('retext-stigma')).filter((reference) => isBuiltin(reference.specifier))).toEqual([])
    const script = join(project, 'rules-count.js')
    writeFileSync(script, "import {listRules, ruleSetVersion} from 'retext-stigma'\nconsole.log(JSON.stringify({rules: listRules().length, version: ruleSetVersion}))\n")
    const result = node([script])
    expect(result.status, result.stderr).toBe(0)
    const ruleFiles = readdirSync(join(root, 'rules'), {recursive: true}).filter((file) => String(file).endsWith('.yml') && String(file).includes('/'))
    expect(JSON.parse(result.stdout)).toEqual({rules: ruleFiles.length, version: engineManifest.version})
  })

  it('adds messages in a unified pipeline with retext-english', () => {
    const script = join(project, 'pipeline.js')
    writeFileSync(
      script,
      [
        "import {unified} from 'unified'",
        "import retextEnglish from 'retext-english'",
        "import retextStigma from 'retext-stigma'",
        "import {VFile} from 'vfile'",
        "const file = new VFile('Services for addicts were cut.')",
        'const processor = unified().use(retextEnglish).use(retextStigma)',
        'await processor.run(processor.parse(file), file)',
        'console.log(JSON.stringify(file.messages.map(({source, ruleId, actual, expected, url, place, fix}) => ({source, ruleId, actual, expected, url, place, fix}))))'
      ].join('\n') + '\n'
    )
    const result = node([script])
    expect(result.status, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        source: 'retext-stigma',
        ruleId: 'addict',
        actual: 'addicts',
        expected: expect.arrayContaining(['people with addiction']),
        url: 'https://github.com/destigma/destigma/blob/main/docs/rules/addict.md',
        place: {start: {line: 1, column: 14, offset: 13}, end: {line: 1, column: 21, offset: 20}},
        fix: {range: [13, 20], text: 'people with addiction'}
      }
    ])
  })

  it('prints what its README says for each example under "Use"', () => {
    const blocks = codeBlocks(readFileSync(join(root, 'packages/retext-stigma/README.md'), 'utf8'), 'Use')
    const examples = blocks.flatMap((block, index) => (block.lang === 'js' && blocks[index + 1]?.lang === 'txt' ? [{code: block.code, output: blocks[index + 1]?.code}] : []))
    expect(examples.length).toBeGreaterThanOrEqual(2)
    examples.forEach((example, index) => {
      const script = join(project, `readme-${index}.js`)
      writeFileSync(script, example.code)
      const result = node([script])
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toBe(example.output)
    })
  })

  it('has types that tsc accepts with moduleResolution nodenext, and that are not `any`', () => {
    writeFileSync(
      join(project, 'types.ts'),
      [
        "import {unified} from 'unified'",
        "import retextEnglish from 'retext-english'",
        "import retextStigma, {lint, fix, listRules, type Finding, type RuleInfo, type StigmaOptions} from 'retext-stigma'",
        '',
        "const options: StigmaOptions = {locale: 'en-US', preset: 'strict', rules: {addict: 'error'}, quotes: 'lower'}",
        "const findings: Finding[] = lint('An addict.', options)",
        "const line: number = findings[0]?.line ?? 0",
        "const fixed: string = fix('An addict.')",
        'const rules: RuleInfo[] = listRules()',
        "const file = await unified().use(retextEnglish).use(retextStigma, options).run(unified().use(retextEnglish).parse('x'))",
        '// @ts-expect-error: not a locale',
        "lint('x', {locale: 'fr'})",
        '// @ts-expect-error: a finding has no such field',
        'findings[0]?.noSuchField',
        'console.log(line, fixed, rules.length, file.type)'
      ].join('\n') + '\n'
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: []}, files: ['types.ts']})
    )
    const result = node([join(installed('typescript'), 'bin/tsc'), '-p', project])
    expect(result.status, result.stdout + result.stderr).toBe(0)
  }, 120_000)
})

describe('destigma from its tarball', () => {
  it('checks Markdown, plain text and HTML with `npx destigma --format json`', () => {
    const drafts = join(project, 'drafts')
    mkdirSync(drafts, {recursive: true})
    const files = {
      'update.md': '---\ntitle: Services for addicts\nlayout: addict\n---\n\n# Update\n\nThe junkie left. `addict` is code.\n',
      'note.txt': 'He committed suicide last year.\n',
      'page.html': '<p>Beds for the homeless.</p><script>var addict = 1</script>\n'
    }
    for (const [file, text] of Object.entries(files)) writeFileSync(join(drafts, file), text)
    const result = npx(['destigma', '--format', 'json', 'drafts/update.md', 'drafts/note.txt', 'drafts/page.html'])
    expect(result.status, result.stderr).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{filePath: string; messages: Array<{ruleId: string; severity: string; actual: string; offset: number; endOffset: number; url: string}>}>
    expect(report.map((entry) => [basename(entry.filePath), entry.messages.map((message) => [message.ruleId, message.severity, message.actual])])).toEqual([
      ['update.md', [['addict', 'warning', 'addicts'], ['junkie', 'error', 'junkie']]],
      ['note.txt', [['committed-suicide', 'warning', 'committed suicide']]],
      ['page.html', [['the-homeless', 'warning', 'the homeless']]]
    ])
    for (const entry of report) {
      const text = files[basename(entry.filePath) as keyof typeof files]
      for (const message of entry.messages) {
        expect(text.slice(message.offset, message.endOffset)).toBe(message.actual)
        expect(message.url).toBe(`https://github.com/destigma/destigma/blob/main/docs/rules/${message.ruleId}.md`)
      }
    }
  })

  it('prints what its README says for the example under "Use"', () => {
    const [command, output] = codeBlocks(readFileSync(join(root, 'packages/cli/README.md'), 'utf8'), 'Use')
    expect([command?.lang, output?.lang]).toEqual(['sh', 'txt'])
    const folder = join(project, 'readme-cli')
    mkdirSync(folder, {recursive: true})
    const result = spawnSync('sh', ['-e', '-c', command?.code ?? ''], {cwd: folder, encoding: 'utf8', env: npmEnvironment(), timeout: 120_000})
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toBe(output?.code)
  })
})

describe('destigma-language-server from its tarball', () => {
  it('publishes diagnostics over stdio', async () => {
    const path = join(project, 'draft.md')
    const text = '# Draft\n\nThe junkie left.\n'
    writeFileSync(path, text)
    const {diagnostics, exitCode} = await diagnosticsFrom(join(project, 'node_modules/.bin/destigma-language-server'), {uri: pathToFileURL(path).href, languageId: 'markdown', text})
    expect(diagnostics.map((diagnostic) => [diagnostic.source, diagnostic.code, diagnostic.range.start, diagnostic.codeDescription?.href])).toEqual([
      ['destigma', 'junkie', {line: 2, character: 4}, 'https://github.com/destigma/destigma/blob/main/docs/rules/junkie.md']
    ])
    expect(exitCode).toBe(0)
  })
})
