import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleJsonSchema, ruleSchemaFile, schemaLine} from '../packages/rules-compiler/src/rule-json-schema.js'
import {loadRules} from '../packages/rules-compiler/src/load.js'
import {root} from './helpers.js'

// Rule authors get completion from rules/rule.schema.json, generated from the schema the engine
// checks with. These hold it to that schema, standalone, and to every rule file pointing at it.

// A plain JSON Schema validator, as an editor's YAML language server would use the file.
type Validate = ((value: unknown) => boolean) & {errors?: unknown}
const {Ajv} = createRequire(join(root, 'packages/rule-schema/package.json'))('ajv') as {Ajv: new (options: object) => {compile: (schema: object) => Validate}}
const committed = readFileSync(join(root, ruleSchemaFile), 'utf8')
const validate = new Ajv({allErrors: true, strict: false}).compile(JSON.parse(committed) as object)
const ruleFiles = readdirSync(join(root, 'rules'), {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.yml') && file.includes('/'))

describe('the rule files\' JSON Schema', () => {
  it('is current with the schema in code (pnpm rules:docs rewrites it)', () => {
    expect(committed).toBe(ruleJsonSchema())
  })

  it('is named on the first line of every rule file', () => {
    expect(ruleFiles.length).toBeGreaterThan(100)
    const without = ruleFiles.filter((file) => readFileSync(join(root, 'rules', file), 'utf8').split('\n', 1)[0] !== schemaLine)
    expect(without, `start each with: ${schemaLine}`).toEqual([])
    // The path in that line leads to the schema from rules/<category>/.
    expect(existsSync(join(root, 'rules/drugs', schemaLine.split('$schema=')[1] ?? ''))).toBe(true)
  })

  it('accepts every rule file on its own, and rejects a misspelt field and an unknown category', () => {
    for (const {rule, file} of loadRules(join(root, 'rules')).rules) expect(validate(rule), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true)
    const rule = loadRules(join(root, 'rules')).rules[0]?.rule
    expect(validate({...rule, severty: 'error'})).toBe(false)
    expect(validate({...rule, category: 'gambling'})).toBe(false)
  })

  it('ships in the engine\'s package', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/retext-stigma/package.json'), 'utf8')) as {exports: Record<string, string>}
    expect(manifest.exports['./rule.schema.json']).toBe('./dist/rule.schema.json')
    expect(readFileSync(join(root, 'packages/retext-stigma/dist/rule.schema.json'), 'utf8')).toBe(ruleJsonSchema())
  })
})
