import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadRules, RuleFileError} from './load.js'
import {ruleJsonSchema} from './rule-json-schema.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const rulesDir = join(root, 'rules')
const engineDir = join(root, 'packages/retext-stigma')
const cliDir = join(root, 'packages/cli')

/** Write the compiled rule set the engine bundles, the rule schema it ships, and the rules' examples for `--explain`. */
function build(): void {
  const {rules, sources, classes} = loadRules(rulesDir)
  const {version} = JSON.parse(readFileSync(join(engineDir, 'package.json'), 'utf8')) as {version: string}
  mkdirSync(join(engineDir, 'generated'), {recursive: true})
  // Examples are for tests and docs; leaving them out keeps the engine's bundle small.
  const ruleSet = {version, rules: rules.map(({rule: {examples: _examples, ...rule}}) => rule), sources, classes}
  writeFileSync(join(engineDir, 'generated/rules.json'), JSON.stringify(ruleSet) + '\n')
  // The engine's package ships the rule files' schema, for custom rule authors' editors.
  writeFileSync(join(engineDir, 'generated/rule.schema.json'), ruleJsonSchema())
  // The examples go to a file of the CLI's own, which only `destigma --explain` loads.
  mkdirSync(join(cliDir, 'generated'), {recursive: true})
  const examples = Object.fromEntries(rules.map(({rule}) => [rule.id, rule.examples ?? {}]))
  writeFileSync(join(cliDir, 'generated/examples.json'), JSON.stringify(examples) + '\n')
  console.log(`compiled ${rules.length} rules from rules/`)
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  if (command === 'build') build()
  else if (command === 'check') console.log(`${loadRules(rulesDir).rules.length} rule files are valid`)
  else if (command === 'docs') {
    const {writeDocs} = await import('./docs.js')
    const stale = await writeDocs(root, rest.includes('--check'))
    if (stale.length > 0) {
      console.error(`These generated files (rule pages, rule schema) are stale; run \`pnpm rules:docs\` and commit them:\n${stale.map((file) => '  ' + file).join('\n')}`)
      process.exitCode = 1
    }
  } else {
    console.error('usage: destigma-rules build | check | docs [--check]')
    process.exitCode = 2
  }
}

main().catch((error: unknown) => {
  if (error instanceof RuleFileError) {
    console.error(error.message)
    process.exitCode = 1
  } else throw error
})
