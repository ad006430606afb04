import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import type {Rule} from './types.js'
import {ruleSchema} from './schema.js'

let validate: ValidateFunction | undefined

/** One schema error in a rule object. */
export interface RuleProblem {
  /** JSON pointer into the rule (`/suggestions/default/0`). */
  pointer: string
  message: string
}

/**
 * Check a rule object against the rule schema. The schema is compiled on first use,
 * so callers without custom rules never pay for it.
 *
 * @param rule - A parsed rule (from YAML, JSON or code).
 * @returns The problems found; empty when the rule is valid.
 */
export function checkRule(rule: unknown): RuleProblem[] {
  validate ??= new Ajv({allErrors: true, strict: false}).compile(ruleSchema)
  if (validate(rule)) return []
  return (validate.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field "${String(error.params.additionalProperty)}"`
  if (error.keyword === 'enum') return `${error.message ?? 'invalid value'}: ${(error.params.allowedValues as string[]).join(', ')}`
  return error.message ?? 'invalid'
}

/** Narrowing helper for callers that have checked a rule. */
export const asRule = (value: unknown): Rule => value as Rule
