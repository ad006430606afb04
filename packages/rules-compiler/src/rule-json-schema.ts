import {ruleSchema} from '@destigma/rule-schema'

/**
 * The generated JSON Schema for rule files, from the repository root, committed so editors find it
 * in a fresh clone (`pnpm docs:check` fails when it is stale). The engine's build ships a copy.
 */
export const ruleSchemaFile = 'rules/rule.schema.json'

/**
 * The first line of every `rules/<category>/<id>.yml`: it points editors with a YAML language
 * server (VS Code's YAML extension, Neovim's yamlls, …) at the schema, for completion and checks.
 */
export const schemaLine = '# yaml-language-server: $schema=../rule.schema.json'

/**
 * The rule schema the engine checks with, as a standalone JSON Schema file.
 *
 * @returns The file's text.
 */
export function ruleJsonSchema(): string {
  return JSON.stringify({$schema: 'http://json-schema.org/draft-07/schema#', ...ruleSchema}, null, 2) + '\n'
}
