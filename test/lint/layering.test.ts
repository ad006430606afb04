import {join} from 'node:path'
import {ESLint} from 'eslint'
import {describe, expect, it} from 'vitest'
import {root} from '../package/packages.js'

// The layering is enforced by ESLint's no-restricted-imports (eslint.config.js). Plant each kind
// of violation in a file that would live in the repository and check the project's own config
// rejects it, and that the same file without the violation passes.

const eslint = new ESLint({cwd: root})

/** The ids of the rules that fail on `code` as if it were the file at `path`. */
async function failingRules(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {filePath: join(root, path)})
  return (result?.messages ?? []).filter((message) => message.severity === 2).map((message) => message.ruleId ?? 'fatal')
}

describe('the layering', () => {
  it.each([
    ['the engine loads a Node module', 'packages/retext-stigma/src/planted.ts', "import {readFileSync} from 'node:fs'\nexport const read = readFileSync\n"],
    ['a reader loads a Node module', 'packages/formats/src/planted.ts', "import {join} from 'node:path'\nexport const joined = join\n"],
    ['the page loads a Node module', 'packages/web/src/planted.ts', "import {tmpdir} from 'node:os'\nexport const folder = tmpdir\n"],
    ['the CLI loads the language server', 'packages/cli/src/planted.ts', "import 'destigma-language-server'\n"],
    ['the CLI reaches into the server by path', 'packages/cli/src/planted.ts', "import {startServer} from '../../language-server/src/start-server.js'\nexport const start = startServer\n"],
    ['the server loads the CLI', 'packages/language-server/src/planted.ts', "import {lintTargets} from '../../cli/src/run.js'\nexport const lint = lintTargets\n"],
    ['the page loads the CLI', 'packages/web/src/planted.ts', "import 'destigma'\n"],
    ['the rule format loads a Node module', 'packages/rule-schema/src/planted.ts', "import {readFileSync} from 'node:fs'\nexport const read = readFileSync\n"],
    ['the compiler reaches into the engine\'s src/ by path', 'packages/rules-compiler/src/planted.ts', "import {lint} from '../../retext-stigma/src/api.js'\nexport const run = lint\n"],
    ['the engine reaches into the rule format\'s src/ by path', 'packages/retext-stigma/src/planted.ts', "import {checkRule} from '../../rule-schema/src/check-rule.js'\nexport const check = checkRule\n"],
    ['config reaches into the compiler\'s src/ from a subfolder', 'packages/config/src/deep/planted.ts', "import {parseDataFile} from '../../../rules-compiler/src/data-file.js'\nexport const parse = parseDataFile\n"],
    ['the CLI loads the build-time rules compiler', 'packages/cli/src/planted.ts', "import {loadRules} from '@destigma/rules-compiler'\nexport const load = loadRules\n"],
    ['the extension loads the server\'s code', 'packages/vscode/src/planted.ts', "import {startServer} from '../../language-server/dist/server.js'\nexport const start = startServer\n"]
  ])('fails when %s', async (_case, path, code) => {
    expect(await failingRules(path, code)).toEqual(['no-restricted-imports'])
  })

  it('passes the same places with allowed imports', async () => {
    expect(await failingRules('packages/retext-stigma/src/planted.ts', "import {unified} from 'unified'\nexport const processor = unified\n")).toEqual([])
    expect(await failingRules('packages/cli/src/planted.ts', "import {readFileSync} from 'node:fs'\nimport {lint} from 'retext-stigma'\nexport const both = [readFileSync, lint]\n")).toEqual([])
    expect(await failingRules('packages/rules-compiler/src/planted.ts', "import {checkRule} from '@destigma/rule-schema'\nexport const check = checkRule\n")).toEqual([])
    // Within a package, a subfolder still reaches its own modules by relative path.
    expect(await failingRules('packages/formats/src/docx/planted.ts', "import {readProse} from '../index.js'\nimport {ruleSet} from '../../generated/rules.json'\nexport const both = [readProse, ruleSet]\n")).toEqual([])
  })
})
