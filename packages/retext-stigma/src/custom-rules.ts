import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {patternProblems} from './pattern.js'
import type {Rule, RuleTerm, WordClasses} from './types.js'
import {ruleSchema, wordClassesSchema} from './schema.js'

let validate: ValidateFunction | undefined
let validateClasses: ValidateFunction | undefined

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
 * Pattern terms are also parsed, and their word classes looked up in `classes`.
 *
 * @param rule - A parsed rule (from YAML, JSON or code).
 * @param classes - The word classes patterns may name (default: none).
 * @returns The problems found; empty when the rule is valid.
 */
export function checkRule(rule: unknown, classes: WordClasses = {}): RuleProblem[] {
  validate ??= new Ajv({allErrors: true, strict: false}).compile(ruleSchema)
  if (!validate(rule)) return (validate.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
  const terms: RuleTerm[] = (rule as Rule).terms
  return terms.flatMap((term, index) =>
    term.kind === 'pattern' ? patternProblems(term, classes).map((message) => ({pointer: `/terms/${index}/phrase`, message})) : []
  )
}

/**
 * Check the word classes file (`rules/word-classes.yml`) against its schema.
 *
 * @param value - The parsed file.
 * @returns The problems found; empty when it is valid.
 */
export function checkWordClasses(value: unknown): RuleProblem[] {
  validateClasses ??= new Ajv({allErrors: true, strict: false}).compile(wordClassesSchema)
  if (validateClasses(value)) return []
  return (validateClasses.errors ?? []).map((error: ErrorObject) => ({pointer: error.instancePath || '/', message: describe(error)}))
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field "${String(error.params.additionalProperty)}"`
  if (error.keyword === 'enum') return `${error.message ?? 'invalid value'}: ${(error.params.allowedValues as string[]).join(', ')}`
  return error.message ?? 'invalid'
}

/** Narrowing helper for callers that have checked a rule. */
export const asRule = (value: unknown): Rule => value as Rule
